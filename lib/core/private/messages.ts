import { IConstruct } from 'constructs';
import { ValidationError } from '../errors';

/** Where a value was given: a construct (its path) or a factory name such as `Principal.user`. */
export type Location = IConstruct | string;

/** Largest part of a refused value quoted in a message. */
const MAX_QUOTED_LENGTH = 120;

function describeLocation(location: Location): string {
  return typeof location === 'string' ? location : location.node.path;
}

/** Quotes a refused value for a message, shortened when long. */
export function quote(value: unknown): string {
  // JSON.stringify gives undefined for undefined, functions and symbols: show those as text.
  const text =
    typeof value === 'string'
      ? escapeControlCharacters(value)
      : (JSON.stringify(value) ?? String(value));
  const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return `'${shown}'`;
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
 * `<path>: '<prop>' <rule> (got '<value>'). <fix>`
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
