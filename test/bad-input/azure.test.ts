import {
  CrossCloudKeyVaultFederation,
  CrossCloudKeyVaultFederationProps,
  ServiceIdentity,
} from '../../lib';
import { testStack } from '../helpers';
import { casesOf, expectRefused } from './harness';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SUB = '00000000-1111-2222-3333-444444444444';
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/security`;

function make(props: Record<string, unknown>) {
  return () => {
    const stack = testStack();
    const workload = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'orders-api-run',
    });
    const base: CrossCloudKeyVaultFederationProps = {
      workload,
      resourceGroupName: 'orders',
      location: 'westeurope',
      tenantId: TENANT,
      vaultName: 'acme-orders-kv',
      logAnalyticsWorkspaceId: WORKSPACE,
    };
    return new CrossCloudKeyVaultFederation(stack, 'vault', { ...base, ...props } as never);
  };
}

describe('CrossCloudKeyVaultFederation: bad props', () => {
  test.each(
    casesOf({
      workload: 'identity',
      resourceGroupName: 'string',
      location: 'string',
      tenantId: 'string',
      vaultName: 'optional-string',
      secretNames: 'optional-scoping-list',
      access: 'optional-enum',
      logAnalyticsWorkspaceId: 'optional-string',
      allowedIpRanges: 'optional-string-list',
      identityName: 'optional-string',
      tags: 'optional-map',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(make({ [prop]: bad.value }), 'test/vault', prop, bad);
  });

  test.each(casesOf({ existingVaultId: 'optional-string' }))('%s: %s', (prop, _label, bad) => {
    expectRefused(
      make({ vaultName: undefined, logAnalyticsWorkspaceId: undefined, [prop]: bad.value }),
      'test/vault',
      prop,
      bad,
    );
  });

  test("access: 'Owner' (which once became an Owner role assignment) is refused", () => {
    expect(make({ access: 'Owner' })).toThrow(
      /^test\/vault: 'access' must be one of KeyVaultAccess\.SECRETS_READ, KeyVaultAccess\.KEYS_CRYPTO, KeyVaultAccess\.CERTIFICATES_READ \(got 'Owner'\)/,
    );
  });
});
