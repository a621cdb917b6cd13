import { TerraformStack, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import type { ValidationError } from '../errors';
import { invalidProps, invalidValue, Location } from './messages';
import { hasTemplateSequence } from './terraform-text';
import { isUnresolved } from './validate';

/**
 * The shape layer: what every public entry point checks first, because a JavaScript or
 * Python caller (or `as any`) can pass anything. Each check takes the value as given and
 * returns it normalized (a token object becomes a string, number or list token, `null` for an
 * optional prop becomes `undefined`), or throws a ValidationError naming the prop as the caller
 * wrote it (`invokers[1]`, `secrets[0].secret`, `options.prefix`).
 *
 * Shape only: formats (a project id, a region) are checked afterwards by the validators,
 * which then can rely on having a string, a number or a list.
 */
export type Check<T> = (location: Location, prop: string, value: unknown) => T;

/** One check per prop of `T`, so that a prop added to an interface cannot be forgotten here. */
export type Schema<T> = { readonly [K in keyof T]-?: Check<T[K]> };

/** Longest string any prop takes unless it says otherwise. */
const DEFAULT_MAX_LENGTH = 1024;
const SERVICE_IDENTITY = Symbol.for('cdktf-guardrails.ServiceIdentity');

/** Options of {@link text}. */
export interface TextOptions {
  /** Longest literal value. @default 1024 */
  readonly max?: number;
  /**
   * Free text (descriptions, environment values) may hold `${` and `%{`: the construct
   * escapes them. Other props refuse them: Terraform would read them as a reference.
   */
  readonly freeText?: boolean;
  /** The empty string is a meaningful value (an environment value). */
  readonly allowEmpty?: boolean;
  /** An example value for the fix, e.g. `'acme-prod'`. */
  readonly example?: string;
}

function fixFor(example: string | undefined, kind: string): string {
  return example ? `Pass ${kind}, e.g. ${example}.` : `Pass ${kind}.`;
}

function required(location: Location, prop: string, value: unknown, fix: string): never {
  throw invalidValue(location, prop, value, 'is required', fix);
}

/** 'is required' for a missing value, else `rule` (the value has the wrong kind). */
function missingOrWrong(
  location: Location,
  prop: string,
  value: unknown,
  rule: string,
  fix: string,
): ValidationError {
  return invalidValue(
    location,
    prop,
    value,
    value === undefined || value === null ? 'is required' : rule,
    fix,
  );
}

/** A required string. String tokens pass unchecked; a token object becomes a string token. */
export function text(options: TextOptions = {}): Check<string> {
  const max = options.max ?? DEFAULT_MAX_LENGTH;
  return (location, prop, value) => {
    if (value === undefined || value === null)
      required(location, prop, value, fixFor(options.example, 'a string'));
    if (typeof value !== 'string') {
      if (Tokenization.isResolvable(value)) return Token.asString(value);
      throw invalidValue(
        location,
        prop,
        value,
        `must be a string, not ${kindOf(value)}`,
        fixFor(options.example, 'a string'),
      );
    }
    if (!options.freeText && hasTemplateSequence(value)) {
      throw invalidValue(
        location,
        prop,
        value,
        "must not contain '${' or '%{' as text: Terraform would read it as a reference or directive",
        'Pass references as tokens (e.g. a TerraformVariable’s stringValue or a resource attribute), not as Terraform syntax.',
      );
    }
    if (isUnresolved(value)) return value;
    if (!options.allowEmpty && value.trim().length === 0) {
      throw invalidValue(
        location,
        prop,
        value,
        'must not be empty or only whitespace',
        fixFor(options.example, 'a value'),
      );
    }
    if (value.length > max) {
      throw invalidValue(
        location,
        prop,
        value,
        `must be at most ${max} characters (it has ${value.length})`,
        'Shorten it.',
      );
    }
    return value;
  };
}

/** The checks made by {@link optional}, which a struct skips for an absent prop. */
const OPTIONAL_CHECKS = new WeakSet<Check<unknown>>();

/** `check`, or `undefined` when the prop is left out (`null` counts as left out). */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  const optionalCheck: Check<T | undefined> = (location, prop, value) =>
    value === undefined || value === null ? undefined : check(location, prop, value);
  OPTIONAL_CHECKS.add(optionalCheck);
  return optionalCheck;
}

/** Options of {@link list}. */
export interface ListOptions {
  /**
   * Why an empty list would widen access (e.g. "an empty list would scope nothing: the role
   * would cover the whole vault"). Set: `[]` is refused with this reason.
   */
  readonly nonEmpty?: string;
  /** The fix when the list is empty. @default 'Name at least one, or leave the prop out.' */
  readonly emptyFix?: string;
  /** Largest number of entries. @default 1000 */
  readonly maxItems?: number;
  /** A list token (`Token.asList`, a variable's `listValue`) is accepted. @default true */
  readonly tokens?: boolean;
}

/** True for a cdktf list token (one marker element that stands for a whole list). */
export function isListToken(value: unknown): boolean {
  return Array.isArray(value) && isUnresolved(value);
}

/** A list whose entries pass `element`. A list token passes whole (its entries are unknown). */
export function list<T>(element: Check<T>, options: ListOptions = {}): Check<T[]> {
  const maxItems = options.maxItems ?? 1000;
  return (location, prop, value) => {
    if (value === undefined || value === null)
      required(location, prop, value, 'Pass a list, e.g. [...].');
    let items: unknown = value;
    if (!Array.isArray(items) && Tokenization.isResolvable(items) && options.tokens !== false)
      items = Token.asList(items);
    if (!Array.isArray(items)) {
      throw invalidValue(
        location,
        prop,
        value,
        `must be a list, not ${kindOf(value)}`,
        typeof value === 'string'
          ? `Wrap it in a list: [${JSON.stringify(value)}].`
          : 'Pass a list.',
      );
    }
    if (isListToken(items)) {
      if (options.tokens === false) {
        throw invalidValue(
          location,
          prop,
          value,
          'must be a list written out in code, not a list token: the library needs each entry',
          'List the entries, each of which may be a reference.',
        );
      }
      return items as T[];
    }
    if (items.length === 0 && options.nonEmpty) {
      throw invalidValue(
        location,
        prop,
        items,
        `must not be empty: ${options.nonEmpty}`,
        options.emptyFix ?? 'Name at least one, or leave the prop out.',
      );
    }
    if (items.length > maxItems) {
      throw invalidProps(
        location,
        prop,
        `has ${items.length} entries (at most ${maxItems})`,
        'Split the grants over several constructs.',
      );
    }
    let result: T[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const checked = element(location, `${prop}[${i}]`, items[i]);
      if (checked !== items[i] && result === undefined) result = items.slice(0, i) as T[];
      if (result !== undefined) result.push(checked);
    }
    return result ?? (items as T[]);
  };
}

/** Options of {@link flag}. */
export interface FlagOptions {
  /**
   * A token (a variable's value) is accepted and passed to Terraform. Off for flags that
   * decide what the library writes, which must be known in code.
   * @default false
   */
  readonly tokens?: boolean;
}

/** `true` or `false`. The strings `'true'`/`'false'` are refused: every non-empty string is truthy. */
export function flag(options: FlagOptions = {}): Check<boolean> {
  return (location, prop, value) => {
    if (typeof value === 'boolean') return value;
    if (options.tokens && Tokenization.isResolvable(value)) return value as unknown as boolean;
    throw invalidValue(
      location,
      prop,
      value,
      options.tokens
        ? `must be true or false, not ${kindOf(value)}`
        : `must be true or false written in code, not ${kindOf(value)} (it decides what the library writes)`,
      typeof value === 'string' && /^(true|false)$/i.test(value.trim())
        ? `Write ${value.trim().toLowerCase()} without quotes.`
        : 'Write true or false.',
    );
  };
}

/** A number (number tokens included). `NaN`, infinities and numeric strings are refused. */
export function numeric(example = '1'): Check<number> {
  return (location, prop, value) => {
    if (value === undefined || value === null)
      required(location, prop, value, `Pass a number, e.g. ${example}.`);
    if (typeof value === 'number') {
      if (Number.isFinite(value) || isUnresolved(value)) return value;
      throw invalidValue(
        location,
        prop,
        value,
        'must be a finite number',
        `Pass a number, e.g. ${example}.`,
      );
    }
    if (Tokenization.isResolvable(value)) return Token.asNumber(value);
    throw invalidValue(
      location,
      prop,
      value,
      `must be a number, not ${kindOf(value)}`,
      typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? `Write ${Number(value)} without quotes.`
        : `Pass a number, e.g. ${example}.`,
    );
  };
}

/**
 * One of the values of a jsii enum, written as `EnumName.MEMBER`. Anything else is refused,
 * tokens too unless `options.tokens` (for a value only handed to Terraform, such as a Cloud
 * Run ingress): most enums decide what the library writes or grants.
 */
export function oneOf<T extends string>(
  values: Record<string, T>,
  enumName: string,
  options: { readonly tokens?: boolean } = {},
): Check<T> {
  const allowed = new Map(Object.entries(values).map(([member, v]) => [v, member]));
  const names = [...allowed.values()].map((m) => `${enumName}.${m}`);
  return (location, prop, value) => {
    if (typeof value === 'string' && allowed.has(value as T)) return value as T;
    if (options.tokens && isUnresolved(value)) {
      return (typeof value === 'string' ? value : Token.asString(value)) as T;
    }
    if (value === undefined || value === null)
      required(location, prop, value, `Use one of ${names.join(', ')}.`);
    const near =
      typeof value === 'string'
        ? Object.keys(values).find(
            (m) =>
              m.toLowerCase() === value.trim().toLowerCase() ||
              values[m].toLowerCase() === value.trim().toLowerCase(),
          )
        : undefined;
    throw invalidValue(
      location,
      prop,
      value,
      `must be one of ${names.join(', ')}`,
      near ? `Use ${enumName}.${near}.` : `Use a member of ${enumName}.`,
    );
  };
}

/** Principal factories by member prefix, for the fix when a member string is passed as a grantee. */
const FACTORY_BY_PREFIX: Array<[string, string]> = [
  ['user:', 'Principal.user'],
  ['group:', 'Principal.group'],
  ['serviceAccount:', 'Principal.serviceAccount'],
  ['domain:', 'Principal.domain'],
];

function principalFix(value: unknown): string {
  if (typeof value !== 'string') {
    return 'Pass a ServiceIdentity, a SecureCloudRunService, a federated principal, or Principal.user/group/serviceAccount(...).';
  }
  const match = FACTORY_BY_PREFIX.find(([prefix]) => value.startsWith(prefix));
  return match
    ? `Use ${match[1]}(${JSON.stringify(value.slice(match[0].length))}).`
    : `Use Principal.fromMember(${JSON.stringify(value)}) or Principal.user/group/serviceAccount(...).`;
}

/** Something that can receive a grant: an object whose `grantPrincipal.member` is a string. */
export function grantable<T>(): Check<T> {
  return (location, prop, value) => {
    const principal = (value as { grantPrincipal?: { member?: unknown } } | null | undefined)
      ?.grantPrincipal;
    if (
      value !== null &&
      typeof value === 'object' &&
      principal !== null &&
      typeof principal === 'object' &&
      typeof principal.member === 'string'
    ) {
      return value as T;
    }
    throw missingOrWrong(
      location,
      prop,
      value,
      `must be a grantee (an object with a grantPrincipal), not ${kindOf(value)}`,
      principalFix(value),
    );
  };
}

/** A ServiceIdentity, or one imported with `ServiceIdentity.fromEmail`. */
export function serviceIdentity<T>(): Check<T> {
  return (location, prop, value) => {
    if (value !== null && typeof value === 'object' && SERVICE_IDENTITY in value) return value as T;
    throw missingOrWrong(
      location,
      prop,
      value,
      `must be a ServiceIdentity, not ${kindOf(value)}`,
      typeof value === 'string'
        ? `Import the existing account with ServiceIdentity.fromEmail(scope, id, ${JSON.stringify(value)}), or create one with new ServiceIdentity(...).`
        : 'Pass a ServiceIdentity, or ServiceIdentity.fromEmail(scope, id, email) for an existing account.',
    );
  };
}

/** A construct that passes `is` (e.g. a WorkloadIdentityPool), named `what` in messages. */
export function constructOf<T>(is: (x: unknown) => boolean, what: string): Check<T> {
  return (location, prop, value) => {
    if (is(value)) return value as T;
    throw missingOrWrong(location, prop, value, `must be a ${what}`, `Pass a ${what}.`);
  };
}

/** A construct inside a TerraformStack (the `scope` of `AuditLogs.of`, `Grant.of`). */
export function constructInStack(): Check<Construct> {
  return (location, prop, value) => {
    if (Construct.isConstruct(value) && value.node.scopes.some((s) => TerraformStack.isStack(s)))
      return value;
    throw invalidValue(
      location,
      prop,
      value,
      Construct.isConstruct(value)
        ? 'must be a construct inside a TerraformStack'
        : `must be a construct, not ${kindOf(value)}`,
      'Pass the stack, or a construct in it.',
    );
  };
}

/** Options of {@link stringMap}. */
export interface MapOptions {
  /** A whole-map token passes (the library only hands the map to Terraform). @default false */
  readonly tokens?: boolean;
  /** Values are free text (escaped by the construct). @default false */
  readonly freeText?: boolean;
  /** The empty string is a meaningful value. @default false */
  readonly allowEmptyValues?: boolean;
  /** Longest value. @default 1024 */
  readonly maxValue?: number;
}

/** A map of string keys to string values (string tokens included), checked entry by entry. */
export function stringMap(options: MapOptions = {}): Check<Record<string, string>> {
  const value = text({
    freeText: options.freeText,
    allowEmpty: options.allowEmptyValues,
    max: options.maxValue,
  });
  return (location, prop, map) => {
    if (map === undefined || map === null)
      required(location, prop, map, "Pass a map, e.g. { team: 'payments' }.");
    if (Tokenization.isResolvable(map) || (isPlainObject(map) && isUnresolved(map))) {
      if (options.tokens)
        return Tokenization.isResolvable(map)
          ? Token.asStringMap(map)
          : (map as Record<string, string>);
      throw invalidValue(
        location,
        prop,
        map,
        'must be a map written out in code, not a map token: the library reads its keys',
        'Write the entries in code; each value may be a reference.',
      );
    }
    if (!isPlainObject(map)) {
      throw invalidValue(
        location,
        prop,
        map,
        `must be a map of strings, not ${kindOf(map)}`,
        "Pass e.g. { team: 'payments' }.",
      );
    }
    const result: Record<string, string> = {};
    for (const [key, v] of Object.entries(map)) result[key] = value(location, `${prop}.${key}`, v);
    return result;
  };
}

/**
 * An object whose keys are all in `schema`, each checked (and normalized) by its check. An
 * unknown key is refused with the closest known one: a typo in an optional prop would
 * otherwise be ignored and the secure default silently kept or lost.
 */
export function struct<T>(schema: Schema<T>, example?: string): Check<T> {
  const known = Object.keys(schema);
  const checks = known.map((key) => (schema as Record<string, Check<unknown>>)[key]);
  // An optional prop that is left out passes its check unchanged, so it is not called: most
  // props of a construct are optional and left out, and props are checked on every construct.
  const skipWhenAbsent = checks.map((check) => OPTIONAL_CHECKS.has(check));
  return (location, prop, value) => {
    if (value === undefined || value === null)
      required(location, prop, value, example ? `Pass ${example}.` : 'Pass an object.');
    if (!isPlainObject(value) || Tokenization.isResolvable(value)) {
      throw invalidValue(
        location,
        prop,
        value,
        `must be an object with ${known.map((k) => `'${k}'`).join(', ')}, not ${kindOf(value)}`,
        example ? `Pass ${example}.` : 'Pass an object.',
      );
    }
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (!(key in schema)) {
        const near = closest(key, known);
        throw invalidValue(
          location,
          join(prop, key),
          given[key],
          `is not a known ${prop === '' ? 'prop' : `key of '${prop}'`}`,
          `${near ? `Did you mean '${near}'? ` : ''}Known: ${known.join(', ')}.`,
        );
      }
    }
    // The given object is returned as it is unless a check normalized a value (a token
    // object, a null): props are checked on every construct, so no copy when none is needed.
    let result: Record<string, unknown> | undefined;
    for (let i = 0; i < known.length; i++) {
      const key = known[i];
      const value = given[key];
      if (value === undefined && skipWhenAbsent[i]) continue;
      const checked = checks[i](location, join(prop, key), value);
      if (checked !== value && result === undefined) {
        result = {};
        for (const earlier of known.slice(0, i)) {
          if (given[earlier] !== undefined) result[earlier] = given[earlier];
        }
      }
      if (result !== undefined && checked !== undefined) result[key] = checked;
    }
    return (result ?? given) as T;
  };
}

/** The struct check of each schema, made once. */
const STRUCTS = new WeakMap<object, Check<unknown>>();

/**
 * Checks the props object of a construct (or the options object of a method, with `root`
 * set to its argument name) against `schema` and returns the normalized copy.
 */

export function checkProps<T>(location: Location, value: unknown, schema: Schema<T>, root = ''): T {
  if (root === '' && (value === undefined || value === null || !isPlainObject(value))) {
    throw invalidValue(
      location,
      'props',
      value,
      value === undefined || value === null
        ? 'are required'
        : `must be an object, not ${kindOf(value)}`,
      `Pass an object with ${Object.keys(schema)
        .map((k) => `'${k}'`)
        .join(', ')}.`,
    );
  }
  let check = STRUCTS.get(schema);
  if (!check) STRUCTS.set(schema, (check = struct(schema)));
  return check(location, root, value) as T;
}

/** Checks one argument of a method or factory, e.g. `check(this, 'grantee', grantee, grantable())`. */
export function checkArg<T>(location: Location, prop: string, value: unknown, check: Check<T>): T {
  return check(location, prop, value);
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !Construct.isConstruct(value)
  );
}

/** What a wrong value is, in words: "a number", "a list", "a construct"... */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (Construct.isConstruct(value)) return 'a construct';
  if (Tokenization.isResolvable(value)) return 'a token';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return isUnresolved(value) ? 'a number token' : 'a number';
    case 'boolean':
      return 'a boolean';
    case 'function':
      return 'a function';
    case 'object':
      return 'an object';
    default:
      return String(typeof value);
  }
}

/** The known name nearest to a mistyped one (edit distance at most a third of its length). */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
