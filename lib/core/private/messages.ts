import { Token, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ValidationError } from '../errors';

/** Where a value was given: a construct (its path) or a factory name such as `Principal.user`. */
export type Location = IConstruct | string;

/** Largest part of a refused value quoted in a message. */
const MAX_QUOTED_LENGTH = 120;
/** How many entries of a list or object are shown. */
const MAX_SHOWN_ENTRIES = 5;

function describeLocation(location: Location): string {
  return typeof location === 'string' ? location : location.node.path;
}

/**
 * Shows a refused value as the caller wrote it, on one line: strings in quotes, everything
 * else as JavaScript would print it (`undefined`, `null`, `NaN`, `true`, `['a']`), a
 * construct by its path, a token as the token text. Never throws (circular objects included).
 */
export function quote(value: unknown): string {
  const text = describe(value, 0);
  if (typeof value === 'string' || text.length <= MAX_QUOTED_LENGTH) return text;
  return `${text.slice(0, MAX_QUOTED_LENGTH)}…`;
}

function describe(value: unknown, depth: number): string {
  if (typeof value === 'string') return `'${shorten(escapeControlCharacters(value))}'`;
  if (typeof value === 'number') {
    return Token.isUnresolved(value) ? `'${Tokenization.stringifyNumber(value)}'` : String(value);
  }
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Construct.isConstruct(value)) return `construct '${value.node.path}'`;
  if (Tokenization.isResolvable(value)) return `'${Token.asString(value)}'`;
  if (depth > 1) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_SHOWN_ENTRIES).map((v) => describe(v, depth + 1));
    if (value.length > MAX_SHOWN_ENTRIES) shown.push('…');
    return `[${shown.join(', ')}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const shown = entries
    .slice(0, MAX_SHOWN_ENTRIES)
    .map(([k, v]) => `${k}: ${describe(v, depth + 1)}`);
  if (entries.length > MAX_SHOWN_ENTRIES) shown.push('…');
  return `{ ${shown.join(', ')} }`;
}

function shorten(text: string): string {
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
}

/** Shows newlines, tabs and other control characters as JSON escapes, so a message stays one line. */
function escapeControlCharacters(text: string): string {
  return [...text]
    .map((c) =>
      c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? JSON.stringify(c).slice(1, -1) : c,
    )
    .join('');
}

/**
 * The one message format of the library:
 * `<path>: '<prop>' <rule> (got <value>). <fix>`
 */
export function invalidValue(
  location: Location,
  prop: string,
  value: unknown,
  rule: string,
  fix: string,
): ValidationError {
  const where = describeLocation(location);
  return new ValidationError(
    where,
    prop,
    `${where}: '${prop}' ${rule} (got ${quote(value)}). ${fix}`,
  );
}

/** For a rule about a combination of props, or a missing prop, where no single value is wrong. */
export function invalidProps(
  location: Location,
  prop: string,
  problem: string,
  fix: string,
): ValidationError {
  const where = describeLocation(location);
  return new ValidationError(where, prop, `${where}: '${prop}' ${problem}. ${fix}`);
}
