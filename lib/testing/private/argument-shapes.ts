import { invalidValue } from '../../core/private/messages';

/** The type each known option must have. */
export type OptionTypes = Record<string, 'string' | 'boolean' | 'grantable'>;

/**
 * Refuses options a test helper does not know, or of the wrong type. A misspelt key in a
 * query (`{ princpal: api }`) would otherwise match every grant: `hasGrant` would pass
 * without asserting anything.
 */
export function checkOptions(
  location: string,
  name: string,
  options: unknown,
  types: OptionTypes,
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidValue(location, name, options, 'must be an object', 'Pass e.g. { role: ... }.');
  }
  for (const [key, value] of Object.entries(options)) {
    const type = types[key];
    if (type === undefined) {
      throw invalidValue(
        location,
        `${name}.${key}`,
        value,
        'is not a known option',
        `Use one of: ${Object.keys(types).join(', ')}.`,
      );
    }
    if (value === undefined || isOfType(value, type)) continue;
    throw invalidValue(
      location,
      `${name}.${key}`,
      value,
      type === 'grantable'
        ? 'must be a construct or principal that can receive grants'
        : `must be a ${type}`,
      type === 'grantable'
        ? "Pass e.g. a ServiceIdentity, a SecureCloudRunService or Principal.group('...'), or use 'member' for a member string."
        : `Pass a ${type}.`,
    );
  }
}

function isOfType(value: unknown, type: 'string' | 'boolean' | 'grantable'): boolean {
  if (type !== 'grantable') return typeof value === type;
  const principal = (value as { grantPrincipal?: { member?: unknown } }).grantPrincipal;
  return typeof principal?.member === 'string';
}
