import { readFileSync } from 'fs';
import { join } from 'path';
import { Errors } from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { loadOptionalProvider, OPTIONAL_PROVIDERS } from '../../lib/core/private/optional-provider';
import { testStack } from '../helpers';

const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('optional provider packages', () => {
  test('are the optional peer dependencies of package.json, with the same ranges', () => {
    const optional = Object.entries(packageJson.peerDependenciesMeta)
      .filter(([, meta]: [string, any]) => meta.optional)
      .map(([name]) => name)
      .sort();
    expect(
      Object.values(OPTIONAL_PROVIDERS)
        .map((p) => p.packageName)
        .sort(),
    ).toEqual(optional);
    for (const { packageName, range } of Object.values(OPTIONAL_PROVIDERS)) {
      expect({ packageName, range }).toEqual({
        packageName,
        range: packageJson.peerDependencies[packageName],
      });
    }
  });

  test('loads a class of an installed package by its lib/<resource> path', () => {
    const stack = testStack();
    const { KeyVault } = loadOptionalProvider<
      typeof import('@cdktf/provider-azurerm/lib/key-vault')
    >(stack, OPTIONAL_PROVIDERS.azurerm, 'key-vault', { usedFor: 'a test' });
    expect(KeyVault.tfResourceType).toBe('azurerm_key_vault');
  });

  test('a missing package is a ValidationError naming the package and how to install it', () => {
    const stack = testStack();
    const missing = { packageName: '@cdktf/provider-not-installed', range: '^1.2.0' };
    let error: unknown;
    try {
      loadOptionalProvider(stack, missing, 'thing', {
        prop: 'scope',
        usedFor: 'ThingScope.NARROW needs thing_iam_member',
        alternative: 'use scope: ThingScope.WIDE',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as ValidationError).prop).toBe('scope');
    expect((error as Error).message).toBe(
      "test: 'scope' ThingScope.NARROW needs thing_iam_member from the optional peer dependency '@cdktf/provider-not-installed', which is not installed. " +
        "Install it next to cdktf-guardrails (npm install @cdktf/provider-not-installed@'^1.2.0'), or use scope: ThingScope.WIDE.",
    );
  });

  test('an installed version without the module is named with its version', () => {
    const stack = testStack();
    const installed = JSON.parse(
      readFileSync(require.resolve('@cdktf/provider-azurerm/package.json'), 'utf8'),
    ).version;
    expect(() =>
      loadOptionalProvider(stack, OPTIONAL_PROVIDERS.azurerm, 'no-such-resource', {
        usedFor: 'CrossCloudKeyVaultFederation writes azurerm_* resources',
      }),
    ).toThrow(
      `test: CrossCloudKeyVaultFederation writes azurerm_* resources from '@cdktf/provider-azurerm', whose installed version ${installed} has no 'lib/no-such-resource'. ` +
        "Install a supported version: npm install @cdktf/provider-azurerm@'^14.11.0'.",
    );
  });
});
