import { IConstruct } from 'constructs';
import { IamCondition } from '../../core/grant';
import { invalidValue } from '../../core/private/messages';
import { isUnresolved } from '../../core/private/validate';

const NAME_CHARS = /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/;
const MAX_NAME = 63;
const MAX_DOTTED_NAME = 222;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const RULES =
  "must be 3-63 characters of a-z, 0-9, '-', '_' and '.', starting and ending with a letter or digit (dotted names: up to 222, at most 63 per part), not starting with 'goog' and not containing 'google'";

/** Cloud Storage bucket naming rules, with the fix for each. Tokens pass. */
export function validateBucketName(scope: IConstruct, name: string): void {
  if (isUnresolved(name)) return;
  const fail = (fix: string) => invalidValue(scope, 'bucketName', name, RULES, fix);
  const max = name.includes('.') ? MAX_DOTTED_NAME : MAX_NAME;
  if (name.length < 3 || name.length > max) {
    throw fail(`It has ${name.length} characters; use 3-${max}.`);
  }
  if (!NAME_CHARS.test(name)) {
    throw fail(`Use lowercase letters, digits and '-', e.g. '${suggestion(name)}'.`);
  }
  if (
    name.includes('.') &&
    name.split('.').some((part) => part.length === 0 || part.length > MAX_NAME)
  ) {
    throw fail('Keep each dot-separated part 1-63 characters.');
  }
  if (IPV4.test(name)) throw fail('A bucket name cannot look like an IP address.');
  if (name.startsWith('goog'))
    throw fail("Names starting with 'goog' are reserved; use another prefix.");
  if (/g[o0][o0]gle/.test(name))
    throw fail("Names containing 'google' (or look-alikes) are reserved; remove it.");
}

function suggestion(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return cleaned.length >= 3 ? cleaned.slice(0, MAX_NAME) : 'acme-prod-uploads';
}

/** True when the prefix holds characters that would break out of a CEL string literal. */
function hasUnsafeCharacters(prefix: string): boolean {
  return (
    /["\\]/.test(prefix) ||
    [...prefix].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  );
}

/** An object prefix: non-empty, no leading '/', no quotes, backslashes or control characters. */
export function validatePrefix(scope: IConstruct, prop: string, prefix: string): void {
  if (isUnresolved(prefix)) return;
  if (
    prefix.length === 0 ||
    prefix.startsWith('/') ||
    hasUnsafeCharacters(prefix) ||
    prefix.length > 1024
  ) {
    throw invalidValue(
      scope,
      prop,
      prefix,
      "must be an object name prefix: 1-1024 characters, not starting with '/', without quotes, backslashes or control characters",
      "Use e.g. 'incoming/' (leave prefix out to grant on the whole bucket).",
    );
  }
}

/**
 * The IAM condition that limits a bucket grant to objects under `prefix`.
 *
 * Object permissions (get, create, delete) are checked on the object, whose resource name is
 * `projects/_/buckets/<bucket>/objects/<name>`. `storage.objects.list` is checked on the
 * **bucket** (`projects/_/buckets/<bucket>`), so an object-name condition alone would deny
 * every listing. When the role can list, the condition also allows requests on the bucket
 * whose list prefix (`storage.googleapis.com/objectListPrefix`) is under the same prefix:
 * the grantee can list `incoming/` but not the rest of the bucket.
 */
export function prefixCondition(
  bucketName: string,
  prefix: string,
  canList: boolean,
): IamCondition {
  const objects = `resource.name.startsWith("projects/_/buckets/${bucketName}/objects/${prefix}")`;
  const listing =
    `(resource.type == "storage.googleapis.com/Bucket" && ` +
    `api.getAttribute("storage.googleapis.com/objectListPrefix", "").startsWith("${prefix}"))`;
  return {
    title: `objects under ${prefix}`.slice(0, 100),
    description:
      `Only objects of gs://${bucketName} whose name starts with '${prefix}'${canList ? ', and listing under it' : ''}.`.slice(
        0,
        256,
      ),
    expression: canList ? `${objects} || ${listing}` : objects,
  };
}
