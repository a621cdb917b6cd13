import { Token } from 'cdktf';
import { invalidValue, Location } from './messages';
import { GOOGLE_CLOUD_REGIONS, STORAGE_MULTI_REGIONS } from './regions';

/**
 * Token-aware validators. Each returns without checking when the value is an unresolved
 * token: its real value is only known at apply time, and refusing it would break stacks
 * that pass references between resources.
 */

const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const ACCOUNT_ID = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;
const EMAIL = /^[^@\s:/]+@[a-z0-9.-]+\.[a-z]{2,}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every cdktf token marker in a string (`${TfToken[...]}`, `#{TfToken[...]}`, `&{TfToken[...]}`) holds this. */
const TOKEN_MARKER = 'TfToken[';

/**
 * True when the value holds a token that only Terraform can resolve. A string without a token
 * marker is answered without cdktf's parser: checks run on every prop of every construct.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string' && !value.includes(TOKEN_MARKER)) return false;
  return Token.isUnresolved(value);
}

/** Throws the library's ValidationError unless `pattern` matches; tokens pass. */
export function validatePattern(
  location: Location,
  prop: string,
  value: string,
  pattern: RegExp,
  rule: string,
  fix: string,
): void {
  if (isUnresolved(value)) return;
  if (!pattern.test(value)) throw invalidValue(location, prop, value, rule, fix);
}

/** A Google Cloud project id: 6-30 characters, lowercase letters, digits and hyphens. */
export function validateProjectId(location: Location, prop: string, value: string): void {
  validatePattern(
    location,
    prop,
    value,
    PROJECT_ID,
    'must be a project id: 6-30 characters of a-z, 0-9 and -, starting with a letter',
    "Use the project id (not its name or number), e.g. 'acme-prod-123'.",
  );
}

/** A service account id: the part of the email before '@'. */
export function validateAccountId(location: Location, prop: string, value: string): void {
  validatePattern(
    location,
    prop,
    value,
    ACCOUNT_ID,
    "must be 6-30 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'",
    "Use e.g. 'api-run'.",
  );
}

/** An email address, as used in `user:`, `group:` and `serviceAccount:` members. */
export function validateEmail(location: Location, prop: string, value: string): void {
  validatePattern(
    location,
    prop,
    value,
    EMAIL,
    'must be an email address',
    "Use e.g. 'alice@example.com'.",
  );
}

/** A DNS domain, as used in `domain:` members. */
export function validateDomain(location: Location, prop: string, value: string): void {
  validatePattern(location, prop, value, DOMAIN, 'must be a DNS domain', "Use e.g. 'example.com'.");
}

/** A Microsoft Entra tenant id or other GUID. */
export function validateGuid(location: Location, prop: string, value: string, what: string): void {
  validatePattern(
    location,
    prop,
    value,
    GUID,
    `must be ${what}: a GUID such as '00000000-0000-0000-0000-000000000000'`,
    `Copy ${what} from the Azure portal or 'az account show'.`,
  );
}

/** A Google Cloud region such as 'europe-west1' (not a zone, not a multi-region). */
export function validateRegion(location: Location, prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (GOOGLE_CLOUD_REGIONS.has(value)) return;
  throw invalidValue(location, prop, value, 'must be a Google Cloud region', regionFix(value));
}

/** A Cloud Storage location: a region, a multi-region (US, EU, ASIA) or a dual-region. */
export function validateStorageLocation(location: Location, prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (
    GOOGLE_CLOUD_REGIONS.has(value.toLowerCase()) ||
    STORAGE_MULTI_REGIONS.has(value.toUpperCase())
  )
    return;
  throw invalidValue(
    location,
    prop,
    value,
    'must be a Cloud Storage location',
    `${regionFix(value)} Multi-regions are ${[...STORAGE_MULTI_REGIONS].join(', ')}.`,
  );
}

function regionFix(value: string): string {
  const zone = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(value);
  if (zone && GOOGLE_CLOUD_REGIONS.has(zone[1])) {
    return `That is a zone; use its region '${zone[1]}'.`;
  }
  const family = value.toLowerCase().replace(/\d+$/, '');
  const near = [...GOOGLE_CLOUD_REGIONS].filter((r) => r.startsWith(family)).slice(0, 6);
  const examples = near.length > 0 ? near : ['europe-west1', 'us-central1', 'asia-northeast1'];
  return `Use a region such as ${examples.map((r) => `'${r}'`).join(', ')}.`;
}

/**
 * A whole number from `min` to `max` (counts, days, ports). Undefined and tokens pass.
 * `rule` and `fix` complete the message, e.g. 'must be a port number 1-65535'.
 */
export function validateWholeNumber(
  location: Location,
  prop: string,
  value: number | undefined,
  range: { min: number; max?: number },
  rule: string,
  fix: string,
): void {
  if (value === undefined || isUnresolved(value)) return;
  if (
    Number.isInteger(value) &&
    value >= range.min &&
    value <= (range.max ?? Number.MAX_SAFE_INTEGER)
  )
    return;
  throw invalidValue(location, prop, value, rule, fix);
}
