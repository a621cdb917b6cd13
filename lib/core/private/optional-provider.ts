import { IConstruct } from 'constructs';
import { ValidationError } from '../errors';

/**
 * The provider packages a Google-only team does not need: optional peer dependencies
 * (`peerDependenciesMeta` in package.json), with the ranges of `peerDependencies`. A test
 * keeps the two in step.
 *
 * Modules of the library that use one of them import its classes with `import type` only
 * (no `require` when the library loads) and get the classes through
 * {@link loadOptionalProvider} when a construct needs them, so the library loads,
 * type-checks and synthesizes Google stacks without them installed.
 */
export const OPTIONAL_PROVIDERS: { googleBeta: OptionalProvider; azurerm: OptionalProvider } = {
  googleBeta: { packageName: '@cdktf/provider-google-beta', range: '^16.0.0' },
  azurerm: { packageName: '@cdktf/provider-azurerm', range: '^14.11.0' },
};

/** An optional provider package and its supported range. */
export interface OptionalProvider {
  readonly packageName: string;
  readonly range: string;
}

/** Why a construct needs the package, for the message when it is missing. */
export interface OptionalProviderUse {
  /** The prop that made the construct need the package; the package name when it always does. */
  readonly prop?: string;
  /** What needs it, e.g. `CrossCloudKeyVaultFederation writes azurerm_* resources`. */
  readonly usedFor: string;
  /** Another way to get there without the package, appended to the fix. */
  readonly alternative?: string;
}

/** Modules already loaded, by `<package>/lib/<resource>`: `require` resolves paths on every call. */
const LOADED = new Map<string, unknown>();

/**
 * `<package>/lib/<resource>` of an optional provider package (a deep import, never the
 * package root, which loads every resource class of the provider).
 *
 * Throws a ValidationError naming the package and the command that installs it when the
 * package is missing, or when the installed version has no such module.
 *
 * @example
 * const { KeyVault } = loadOptionalProvider<typeof import('@cdktf/provider-azurerm/lib/key-vault')>(
 *   this, OPTIONAL_PROVIDERS.azurerm, 'key-vault', { usedFor: '...' });
 */
export function loadOptionalProvider<T>(
  scope: IConstruct,
  provider: OptionalProvider,
  resource: string,
  use: OptionalProviderUse,
): T {
  const modulePath = `${provider.packageName}/lib/${resource}`;
  if (!LOADED.has(modulePath)) {
    try {
      // A deep path, in one place; the package itself is optional, so no static import.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      LOADED.set(modulePath, require(modulePath));
    } catch (error) {
      if (!isMissing(error, modulePath)) throw error;
      throw missingProvider(scope, provider, resource, use);
    }
  }
  return LOADED.get(modulePath) as T;
}

function isMissing(error: unknown, modulePath: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'MODULE_NOT_FOUND' && (e.message ?? '').includes(`'${modulePath}'`);
}

/** The version of `packageName` that is installed, if any. */
function installedVersion(packageName: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${packageName}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function missingProvider(
  scope: IConstruct,
  provider: OptionalProvider,
  resource: string,
  use: OptionalProviderUse,
): ValidationError {
  const where = scope.node.path;
  const { packageName, range } = provider;
  const version = installedVersion(packageName);
  const problem =
    version === undefined
      ? `from the optional peer dependency '${packageName}', which is not installed`
      : `from '${packageName}', whose installed version ${version} has no 'lib/${resource}'`;
  const install = `npm install ${packageName}@'${range}'`;
  const action =
    version === undefined ? 'Install it next to cdktf-guardrails' : 'Install a supported version';
  const fix = use.alternative
    ? `${action} (${install}), or ${use.alternative}.`
    : `${action}: ${install}.`;
  const prop = use.prop ?? packageName;
  const subject = use.prop ? `'${use.prop}' ` : '';
  return new ValidationError(where, prop, `${where}: ${subject}${use.usedFor} ${problem}. ${fix}`);
}
