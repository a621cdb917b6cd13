import { TerraformStack, Testing, Token } from 'cdktf';
import {
  CloudRunVpcEgress,
  CloudRunVpcAccess,
  CrossCloudKeyVaultFederation,
  CrossCloudKeyVaultFederationProps,
  SecureCloudRunService,
  ServiceIdentity,
} from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SUB = '00000000-1111-2222-3333-444444444444';
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/security`;
const EXISTING = `/subscriptions/${SUB}/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv`;
const NAT = '203.0.113.10/32';

function workload(stack: TerraformStack): ServiceIdentity {
  return new ServiceIdentity(stack, 'runtime', {
    project: 'acme-prod',
    accountId: 'orders-api-run',
  });
}

function vault(
  stack: TerraformStack,
  identity: ServiceIdentity,
  props: Partial<CrossCloudKeyVaultFederationProps> = {},
) {
  return new CrossCloudKeyVaultFederation(stack, 'kv', {
    workload: identity,
    resourceGroupName: 'orders',
    location: 'westeurope',
    tenantId: TENANT,
    vaultName: 'acme-orders-kv',
    logAnalyticsWorkspaceId: WORKSPACE,
    allowedIpRanges: [NAT],
    ...props,
  });
}

function api(stack: TerraformStack, identity: ServiceIdentity, vpcAccess?: CloudRunVpcAccess) {
  return new SecureCloudRunService(stack, 'orders-api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'orders-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/orders-api:1.4.2',
    serviceAccount: identity,
    vpcAccess,
  });
}

describe('Key Vault firewall and the Cloud Run workload egress', () => {
  test('fails synth if the vault admits only NAT addresses and the workload has no VPC egress', () => {
    // GIVEN a vault that admits only the Cloud NAT address, read by a Cloud Run service
    // constructed after it (as the service needs the vault's client id and URI)
    const stack = testStack();
    const identity = workload(stack);
    vault(stack, identity);
    api(stack, identity);
    // THEN synth fails: the service's requests come from Google's shared addresses
    expect(() => Testing.synth(stack, true)).toThrow(
      "test/kv: 'allowedIpRanges' admit only those addresses, but the Cloud Run service test/orders-api, which runs as the workload, has no vpcAccess, so its requests reach Azure from Google's shared addresses and the vault refuses them. Give orders-api vpcAccess with egress: CloudRunVpcEgress.ALL_TRAFFIC through a subnet whose Cloud NAT uses the addresses in allowedIpRanges.",
    );
  });

  test('fails synth if the workload sends only private ranges through its VPC', () => {
    const stack = testStack();
    const identity = workload(stack);
    vault(stack, identity);
    api(stack, identity, { network: 'orders-vpc' });
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/orders-api, which runs as the workload, sends only private ranges through its VPC \(egress PRIVATE_RANGES_ONLY\)/,
    );
  });

  test('all traffic through the VPC (and its Cloud NAT) passes', () => {
    const stack = testStack();
    const identity = workload(stack);
    vault(stack, identity);
    api(stack, identity, { network: 'orders-vpc', egress: CloudRunVpcEgress.ALL_TRAFFIC });
    const [kv] = bodiesOf(synth(stack), 'azurerm_key_vault');
    expect(kv.network_acls.ip_rules).toEqual([NAT]);
  });

  test('without allowedIpRanges the vault is private: the workload needs some VPC access', () => {
    const stack = testStack();
    const identity = workload(stack);
    vault(stack, identity, { allowedIpRanges: undefined });
    api(stack, identity);
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/kv: 'allowedIpRanges' are not given, so the vault's public network access is off, and the Cloud Run service test\/orders-api, which runs as the workload, has no vpcAccess to reach it privately/,
    );
    const connected = testStack();
    const other = workload(connected);
    vault(connected, other, { allowedIpRanges: undefined });
    api(connected, other, { network: 'orders-vpc' });
    expect(() => synth(connected)).not.toThrow();
  });

  test('a workload that no Cloud Run service runs as, or an existing vault, is not judged', () => {
    const stack = testStack();
    vault(stack, workload(stack));
    expect(() => synth(stack)).not.toThrow();
    const shared = testStack();
    const identity = workload(shared);
    vault(shared, identity, {
      vaultName: undefined,
      existingVaultId: EXISTING,
      allowedIpRanges: undefined,
      logAnalyticsWorkspaceId: undefined,
    });
    api(shared, identity);
    expect(() => synth(shared)).not.toThrow();
  });

  test('egress given by reference is not judged', () => {
    const stack = testStack();
    const identity = workload(stack);
    vault(stack, identity);
    api(stack, identity, {
      network: 'orders-vpc',
      egress: Token.asString({ Ref: 'egress' }) as CloudRunVpcEgress,
    });
    expect(() => synth(stack)).not.toThrow();
  });
});

describe('Secret-scoped role assignments need secrets that exist', () => {
  test('fails if secretNames name secrets of the vault the construct creates', () => {
    const stack = testStack();
    expect(() => vault(stack, workload(stack), { secretNames: ['partner-api-key'] })).toThrow(
      "test/kv: 'secretNames' scope the role assignments to secrets of the vault this construct creates, which do not exist yet when it is created, so Azure refuses the assignments on the first apply. Leave secretNames out (the workload may then read the secrets of the vault made for it), or create the vault and its secrets first and pass existingVaultId with secretNames. Whoever writes the secret values needs 'Key Vault Secrets Officer' and an address the vault firewall admits.",
    );
  });

  test('with an existing vault, each named secret gets its own assignment', () => {
    const stack = testStack();
    vault(stack, workload(stack), {
      vaultName: undefined,
      existingVaultId: EXISTING,
      allowedIpRanges: undefined,
      logAnalyticsWorkspaceId: undefined,
      secretNames: ['partner-api-key'],
    });
    expect(bodiesOf(synth(stack), 'azurerm_role_assignment').map((a) => a.scope)).toEqual([
      `${EXISTING}/secrets/partner-api-key`,
    ]);
  });
});
