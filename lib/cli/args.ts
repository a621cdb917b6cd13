import { UsageError } from './io';

/** What a command accepts: options with their allowed values (undefined: any value), and flags. */
export interface ArgSpec {
  readonly options: Record<string, readonly string[] | undefined>;
  readonly flags?: readonly string[];
}

/** Parsed arguments: positionals in order, options by name, flags that were given. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

/**
 * Parses `--name value`, `--name=value` and `--flag`; everything else is positional (`--`
 * ends options). Unknown options and values outside the allowed ones are usage errors.
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      flags.add(name);
      continue;
    }
    if (!(name in spec.options)) {
      const known = [...Object.keys(spec.options), ...(spec.flags ?? [])].map((n) => `--${n}`);
      throw new UsageError(`unknown option --${name} (known: ${known.join(', ')}).`);
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value.`);
    }
    const allowed = spec.options[name];
    if (allowed && !allowed.includes(value)) {
      throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}').`);
    }
    options[name] = value;
  }
  return { positionals, options, flags };
}
