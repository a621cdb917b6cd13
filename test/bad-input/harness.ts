// Table-driven bad input: every prop of every public entry point is fed the classes of values
// a JavaScript or Python caller (or `as any`) can pass, and each must give a ValidationError
// that names where, the prop as written, the value as given, and a fix that is not that value.
import { Lazy, TerraformStack, TerraformVariable } from 'cdktf';
import { Errors } from '../../lib';

/** What kind of value a prop takes; decides which bad values it is fed. */
export type PropKind =
  | 'string'
  | 'optional-string'
  | 'optional-free-text'
  | 'free-text'
  | 'string-list'
  | 'optional-string-list'
  | 'optional-scoping-list'
  | 'optional-flag'
  | 'optional-number'
  | 'optional-enum'
  | 'optional-passthrough-enum'
  | 'grantee'
  | 'optional-grantees'
  | 'identity'
  | 'optional-identity'
  | 'optional-map'
  | 'optional-struct';

/** One bad value and the parts its message must hold. */
export interface BadValue {
  readonly label: string;
  readonly value: unknown;
  /** The rule in the message, e.g. /must be a string, not a number/. */
  readonly rule: RegExp;
  /** How the value is shown after `(got `, e.g. `42`, `undefined`, `'a'`. */
  readonly shown?: string;
  /** The prop the message names, when deeper than the prop itself (e.g. `invokers[0]`). */
  readonly at?: string;
}

/** Tokens of each kind, made in `stack`, for the bad-input and accepted-token tables. */
export function tokensOf(stack: TerraformStack) {
  const text = new TerraformVariable(stack, 'text_var', { type: 'string' });
  const list = new TerraformVariable(stack, 'list_var', { type: 'list(string)' });
  const num = new TerraformVariable(stack, 'number_var', { type: 'number' });
  return { text, list, num };
}

const NUMBER_TOKEN = Lazy.numberValue({ produce: () => 1 });
const LIST_TOKEN = Lazy.listValue({ produce: () => ['a'] });

const NOT_A_STRING: BadValue[] = [
  { label: 'a number', value: 42, rule: /must be a string, not a number/, shown: '42' },
  { label: 'NaN', value: NaN, rule: /must be a string, not a number/, shown: 'NaN' },
  { label: 'a boolean', value: true, rule: /must be a string, not a boolean/, shown: 'true' },
  { label: 'a list', value: ['a'], rule: /must be a string, not a list/, shown: "['a']" },
  {
    label: 'an object',
    value: { a: 1 },
    rule: /must be a string, not an object/,
    shown: '{ a: 1 }',
  },
  { label: 'a number token', value: NUMBER_TOKEN, rule: /must be a string, not a number token/ },
  { label: 'a list token', value: LIST_TOKEN, rule: /must be a string, not a list/ },
];

const EMPTY_STRINGS: BadValue[] = [
  { label: 'empty', value: '', rule: /must not be empty or only whitespace/, shown: "''" },
  {
    label: 'whitespace',
    value: '  \t',
    rule: /must not be empty or only whitespace/,
    shown: "'  \\t'",
  },
];

const OVERSIZE: BadValue = {
  label: 'oversize',
  value: 'x'.repeat(5000),
  rule: /must be at most \d+ characters \(it has 5000\)/,
};

const TEMPLATE: BadValue = {
  label: 'Terraform syntax',
  value: 'a-${var.x}',
  rule: /must not contain '\$\{' or '%\{' as text/,
  shown: "'a-${var.x}'",
};

const MISSING: BadValue[] = [
  { label: 'undefined', value: undefined, rule: /is required/, shown: 'undefined' },
  { label: 'null', value: null, rule: /is required/, shown: 'null' },
];

const NOT_A_LIST: BadValue[] = [
  {
    label: 'a string',
    value: 'acme/api',
    rule: /must be a list, not a string/,
    shown: "'acme/api'",
  },
  { label: 'a number', value: 7, rule: /must be a list, not a number/, shown: '7' },
  { label: 'an object', value: { a: 'b' }, rule: /must be a list, not an object/ },
];

const BAD_ENTRIES = (suffix = '[0]'): BadValue[] => [
  { label: 'a number entry', value: [5], rule: /must be a string, not a number/, at: suffix },
  { label: 'an empty entry', value: [''], rule: /must not be empty/, at: suffix },
  { label: 'an undefined entry', value: [undefined], rule: /is required/, at: suffix },
];

const NOT_A_FLAG: BadValue[] = [
  { label: "'false'", value: 'false', rule: /must be true or false/, shown: "'false'" },
  { label: '1', value: 1, rule: /must be true or false/, shown: '1' },
  { label: 'an object', value: {}, rule: /must be true or false/ },
];

const NOT_A_NUMBER: BadValue[] = [
  { label: "'8080'", value: '8080', rule: /must be a number, not a string/, shown: "'8080'" },
  { label: 'NaN', value: NaN, rule: /must be a finite number/, shown: 'NaN' },
  { label: 'Infinity', value: Infinity, rule: /must be a finite number/, shown: 'Infinity' },
  { label: 'a boolean', value: true, rule: /must be a number, not a boolean/, shown: 'true' },
  { label: 'a list', value: [1], rule: /must be a number, not a list/ },
];

const NOT_AN_ENUM: BadValue[] = [
  { label: 'an unknown string', value: 'bogus', rule: /must be one of /, shown: "'bogus'" },
  { label: 'a number', value: 1, rule: /must be one of /, shown: '1' },
  {
    label: 'a string token',
    value: Lazy.stringValue({ produce: () => 'x' }),
    rule: /must be one of /,
  },
];

const NOT_A_GRANTEE: BadValue[] = [
  {
    label: 'a member string',
    value: 'user:alice@example.com',
    rule: /must be a grantee \(an object with a grantPrincipal\), not a string/,
    shown: "'user:alice@example.com'",
  },
  { label: 'a number', value: 3, rule: /must be a grantee/, shown: '3' },
  {
    label: 'an object without grantPrincipal',
    value: { member: 'user:a@b.c' },
    rule: /must be a grantee/,
  },
  {
    label: 'a grantPrincipal without member',
    value: { grantPrincipal: {} },
    rule: /must be a grantee/,
  },
];

const NOT_AN_IDENTITY: BadValue[] = [
  {
    label: 'an email',
    value: 'api@acme-prod.iam.gserviceaccount.com',
    rule: /must be a ServiceIdentity, not a string/,
    shown: "'api@acme-prod.iam.gserviceaccount.com'",
  },
  {
    label: 'a principal',
    value: { grantPrincipal: { member: 'user:a@example.com' }, member: 'user:a@example.com' },
    rule: /must be a ServiceIdentity, not an object/,
  },
  { label: 'a number', value: 1, rule: /must be a ServiceIdentity, not a number/, shown: '1' },
];

const NOT_A_MAP: BadValue[] = [
  { label: 'a string', value: 'team=orders', rule: /must be a map of strings, not a string/ },
  { label: 'a list', value: ['a'], rule: /must be a map of strings, not a list/ },
  {
    label: 'a number value',
    value: { team: 5 },
    rule: /must be a string, not a number/,
    at: '.team',
  },
];

const NOT_A_STRUCT: BadValue[] = [
  { label: 'a string', value: 'x', rule: /must be an object with /, shown: "'x'" },
  { label: 'a list', value: [], rule: /must be an object with /, shown: '[]' },
  { label: 'an unknown key', value: { bogus: 1 }, rule: /is not a known key of/, at: '.bogus' },
];

/** The bad values of a kind of prop. */
export function badValues(kind: PropKind): BadValue[] {
  const strings = [...NOT_A_STRING, ...EMPTY_STRINGS, OVERSIZE, TEMPLATE];
  switch (kind) {
    case 'string':
      return [...MISSING, ...strings];
    case 'optional-string':
      return strings;
    case 'optional-free-text':
      return [...NOT_A_STRING, ...EMPTY_STRINGS, OVERSIZE];
    case 'free-text':
      return [...MISSING, ...NOT_A_STRING, ...EMPTY_STRINGS, OVERSIZE];
    case 'string-list':
      return [...MISSING, ...NOT_A_LIST, ...BAD_ENTRIES()];
    case 'optional-string-list':
      return [...NOT_A_LIST, ...BAD_ENTRIES()];
    case 'optional-scoping-list':
      return [
        ...NOT_A_LIST,
        ...BAD_ENTRIES(),
        { label: 'an empty list', value: [], rule: /must not be empty: /, shown: '[]' },
      ];
    case 'optional-flag':
      return NOT_A_FLAG;
    case 'optional-number':
      return NOT_A_NUMBER;
    case 'optional-enum':
      return NOT_AN_ENUM;
    case 'optional-passthrough-enum':
      // Only handed to Terraform: a reference is accepted (see the tokens suite).
      return NOT_AN_ENUM.filter((b) => b.label !== 'a string token');
    case 'grantee':
      return [...MISSING, ...NOT_A_GRANTEE];
    case 'optional-grantees':
      return [
        ...NOT_A_LIST.slice(0, 2),
        ...NOT_A_GRANTEE.map((b) => ({ ...b, value: [b.value], at: '[0]', shown: undefined })),
      ];
    case 'identity':
      return [...MISSING, ...NOT_AN_IDENTITY];
    case 'optional-identity':
      return NOT_AN_IDENTITY;
    case 'optional-map':
      return NOT_A_MAP;
    case 'optional-struct':
      return NOT_A_STRUCT;
  }
}

/** The cases of a table: one per (prop, bad value). */
export function casesOf(props: Record<string, PropKind>): Array<[string, string, BadValue]> {
  return Object.entries(props).flatMap(([prop, kind]) =>
    badValues(kind).map((bad): [string, string, BadValue] => [prop, bad.label, bad]),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs `make` and asserts it throws the library's ValidationError, at `location`, naming
 * `prop`, showing the value, and with a fix that does not repeat a refused string.
 */
export function expectRefused(
  make: () => unknown,
  location: string,
  prop: string,
  bad: BadValue,
): void {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect(error).toBeDefined();
  expect({
    isValidationError: Errors.isValidationError(error),
    message: (error as Error).message,
  }).toEqual({ isValidationError: true, message: expect.any(String) });
  const message = (error as Error).message;
  const named = `${location}: '${prop}${bad.at ?? ''}'`;
  expect(message.startsWith(named) ? named : message).toBe(named);
  expect(message).toMatch(bad.rule);
  if (bad.shown !== undefined) expect(message).toContain(`(got ${bad.shown})`);
  else expect(message).toMatch(/\(got .+\)/);
  // The fix never suggests the value just refused.
  const fix = message.slice(message.indexOf(').') + 2);
  if (typeof bad.value === 'string' && bad.value.trim().length >= 3) {
    expect(fix).not.toMatch(
      new RegExp(`(e\\.g\\.|[Uu]se|such as) ['"]${escapeRegExp(bad.value)}['"]`),
    );
  }
  expect((error as { prop?: string }).prop).toBe(`${prop}${bad.at ?? ''}`);
}
