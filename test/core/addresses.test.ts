// Property-style tests of resource addresses: a realistic stack built from the same grants
// in any order, with entries added, or under another stack name, keeps every address (and,
// under a rename, every resource body), so `terraform plan` destroys and re-creates nothing.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  CloudRunVpcEgress,
  CrossCloudKeyVaultFederation,
  IGrantable,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  WorkloadIdentityPool,
} from '../../lib';
import { addresses, Synthesized } from '../helpers';

const PROJECT = 'acme-prod';
const REGION = 'europe-west1';
const KEY = `projects/acme-sec/locations/${REGION}/keyRings/storage/cryptoKeys/uploads`;
const SUB = '00000000-1111-2222-3333-444444444444';

interface Variant {
  /** The stack's name. */
  readonly stackName?: string;
  /** Reverse every list of grantees, secrets and grants. */
  readonly reversed?: boolean;
  /** Add one more entry to every list. */
  readonly more?: boolean;
}

function ordered<T>(items: T[], variant: Variant, extra: T): T[] {
  const all = variant.more ? [...items, extra] : items;
  return variant.reversed ? [...all].reverse() : all;
}

/** A stack with every construct of the library and several grants of each kind. */
function build(variant: Variant): Synthesized {
  const stack = new TerraformStack(Testing.app(), variant.stackName ?? 'prod');
  new GoogleProvider(stack, 'google', { project: PROJECT });
  new GoogleBetaProvider(stack, 'google-beta', { project: PROJECT });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });

  const people = ordered(
    [Principal.group('oncall@example.com'), Principal.user('alice@example.com')],
    variant,
    Principal.user('bob@example.com'),
  );
  const ci = new ServiceIdentity(stack, 'ci', { project: PROJECT, accountId: 'ci-deploy' });
  const web = new SecureCloudRunService(stack, 'web', {
    project: PROJECT,
    location: REGION,
    serviceName: 'web',
    image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/web:1`,
    // web invokes api, whose ingress admits Cloud Run callers only through a VPC.
    vpcAccess: { network: 'default', egress: CloudRunVpcEgress.ALL_TRAFFIC },
  });
  const api = new SecureCloudRunService(stack, 'api', {
    project: PROJECT,
    location: REGION,
    serviceName: 'orders-api',
    image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/api:1`,
    invokers: ordered<IGrantable>([web, ...people], variant, Principal.group('batch@example.com')),
    secrets: ordered(
      [
        { name: 'DB_PASSWORD', secret: 'db-password' },
        { name: 'API_KEY', secret: `projects/${PROJECT}/secrets/api-key` },
      ],
      variant,
      { name: 'SIGNING_KEY', secret: 'signing-key' },
    ),
  });
  for (const p of people) api.grantView(p);
  api.grantDeploy(ci);

  const bucket = new ScopedBucket(stack, 'uploads', {
    project: PROJECT,
    bucketName: 'acme-prod-uploads',
    location: REGION,
    encryptionKey: KEY,
  });
  const readers: Array<[IGrantable, string]> = [
    [api, 'orders/'],
    [web, 'public/'],
    [Principal.group('oncall@example.com'), 'orders/'],
  ];
  for (const [reader, prefix] of ordered(readers, variant, [ci, 'releases/'])) {
    bucket.grantRead(reader, { prefix });
  }

  for (const caller of ordered<IGrantable>([api, web], variant, ci)) {
    const name = caller === api ? 'api' : caller === web ? 'web' : 'ci';
    new VertexEndpointCaller(stack, `predict-${name}`, {
      caller,
      project: PROJECT,
      region: REGION,
      endpointId: '1234567890123456789',
    });
  }

  const pool = new WorkloadIdentityPool(stack, 'external', {
    project: PROJECT,
    poolId: 'ext-pool',
  });
  const github = pool.addGitHubActionsProvider('github-actions', {
    repositoryOwner: 'acme',
    repositories: ordered(['acme/orders-api', 'acme/web'], variant, 'acme/batch'),
  });
  for (const repo of ordered(['acme/orders-api', 'acme/web'], variant, 'acme/batch')) {
    ci.allowWorkloadIdentity(github.principalForRepository(repo));
  }

  new CrossCloudKeyVaultFederation(stack, 'vault', {
    workload: api.identity,
    resourceGroupName: 'orders',
    location: 'westeurope',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    existingVaultId: `/subscriptions/${SUB}/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv`,
    secretNames: ordered(['partner-api-key', 'db-password'], variant, 'signing-key'),
  });
  const json = JSON.parse(Testing.synth(stack, true)) as Synthesized;
  json.resource ??= {};
  return json;
}

describe('resource addresses', () => {
  const base = build({});

  test('the stack under test holds every kind of binding', () => {
    const types = new Set(addresses(base).map((a) => a.split('.')[0]));
    for (const type of [
      'google_cloud_run_v2_service_iam_member',
      'google_secret_manager_secret_iam_member',
      'google_service_account_iam_member',
      'google_storage_bucket_iam_member',
      'google_kms_crypto_key_iam_member',
      'google_vertex_ai_endpoint_iam_member',
      'google_project_iam_custom_role',
      'azurerm_role_assignment',
    ]) {
      expect(types).toContain(type);
    }
  });

  test('renaming the stack changes no address and no resource', () => {
    const renamed = build({ stackName: 'production' });
    expect(addresses(renamed)).toEqual(addresses(base));
    expect(renamed.resource).toEqual(base.resource);
  });

  test('reordering every list changes no address', () => {
    expect(addresses(build({ reversed: true }))).toEqual(addresses(base));
  });

  test('adding an entry to every list keeps every existing address', () => {
    const more = addresses(build({ more: true }));
    expect(more).toEqual(expect.arrayContaining(addresses(base)));
    expect(more.length).toBeGreaterThan(addresses(base).length);
    // ...and in any order.
    expect(addresses(build({ more: true, reversed: true }))).toEqual(more);
  });
});
