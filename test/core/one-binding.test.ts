// One binding per effective grant in a stack: the same access asked for by another construct
// or with another spelling of the member or the target makes no second `_iam_member` (two
// would remove each other's access when either is destroyed).
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  CrossCloudKeyVaultFederation,
  Grant,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
} from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';

const PROJECT = 'acme-prod';
const REGION = 'europe-west1';
const IMAGE = `${REGION}-docker.pkg.dev/${PROJECT}/apps/api:1`;
const KEY = `projects/acme-sec/locations/${REGION}/keyRings/storage/cryptoKeys/uploads`;

function bucket(stack: TerraformStack, id = 'uploads', name = 'acme-prod-uploads') {
  return new ScopedBucket(stack, id, { project: PROJECT, bucketName: name, location: REGION });
}

function service(stack: TerraformStack, id: string, props: Record<string, unknown> = {}) {
  return new SecureCloudRunService(stack, id, {
    project: PROJECT,
    location: REGION,
    serviceName: id,
    image: IMAGE,
    ...props,
  });
}

describe('one binding per effective grant', () => {
  test('a ServiceIdentity and Principal.serviceAccount(<its email>) are one member', () => {
    const stack = testStack();
    const api = new ServiceIdentity(stack, 'api', { project: PROJECT, accountId: 'api-run' });
    const b = bucket(stack);
    const first = b.grantRead(api);
    const second = b.grantRead(
      Principal.serviceAccount('API-run@acme-prod.iam.gserviceaccount.com'),
    );
    expect(second).toBe(first);
    const bindings = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(bindings).toHaveLength(1);
    expect(bindings[0].member).toMatch(/^\$\{google_service_account\.api_[A-Z0-9]+\.member\}$/);
  });

  test('the literal email first still binds through the reference, so the account exists first', () => {
    const stack = testStack();
    const api = new ServiceIdentity(stack, 'api', { project: PROJECT, accountId: 'api-run' });
    const b = bucket(stack);
    b.grantRead(Principal.serviceAccount('api-run@acme-prod.iam.gserviceaccount.com'));
    b.grantRead(api);
    const bindings = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(bindings.map((x) => x.member)).toEqual([
      expect.stringMatching(/google_service_account\.api_/),
    ]);
  });

  test("'user:Alice@Example.com' and 'user:alice@example.com' are one member", () => {
    const stack = testStack();
    const b = bucket(stack);
    b.grantWrite(Principal.user('Alice@Example.com'));
    b.grantWrite(Principal.fromMember('user:alice@example.com'));
    expect(bodiesOf(synth(stack), 'google_storage_bucket_iam_member')).toHaveLength(1);
    expect(Grant.of(stack)).toHaveLength(1);
  });

  test('two buckets sharing one CMEK key make one KMS binding for the storage agent, and both wait for it', () => {
    const stack = testStack();
    for (const [id, name] of [
      ['a', 'acme-prod-a'],
      ['b', 'acme-prod-b'],
    ]) {
      new ScopedBucket(stack, id, {
        project: PROJECT,
        bucketName: name,
        location: REGION,
        encryptionKey: KEY,
      });
    }
    const json = synth(stack);
    const keyBindings = Object.keys(json.resource.google_kms_crypto_key_iam_member);
    expect(keyBindings).toHaveLength(1);
    expect(Object.keys(json.data.google_storage_project_service_account)).toHaveLength(1);
    for (const b of bodiesOf(json, 'google_storage_bucket')) {
      expect(b.depends_on).toEqual([`google_kms_crypto_key_iam_member.${keyBindings[0]}`]);
    }
  });

  test('two Cloud Run services sharing one CMEK key make one KMS binding for the Cloud Run agent', () => {
    const stack = testStack();
    service(stack, 'orders', { encryptionKey: KEY });
    service(stack, 'billing', { encryptionKey: KEY });
    const json = synth(stack);
    const keyBindings = Object.keys(json.resource.google_kms_crypto_key_iam_member);
    expect(keyBindings).toHaveLength(1);
    expect(Object.keys(json.resource.google_project_service_identity)).toHaveLength(1);
    for (const run of bodiesOf(json, 'google_cloud_run_v2_service')) {
      expect(run.depends_on).toContain(`google_kms_crypto_key_iam_member.${keyBindings[0]}`);
    }
  });

  test("two services sharing a runtime identity and a secret written 'db' and 'projects/<p>/secrets/db' make one secret binding", () => {
    const stack = testStack();
    const runtime = new ServiceIdentity(stack, 'runtime', {
      project: PROJECT,
      accountId: 'shared-run',
    });
    service(stack, 'orders', { serviceAccount: runtime, secrets: [{ name: 'DB', secret: 'db' }] });
    service(stack, 'billing', {
      serviceAccount: runtime,
      secrets: [{ name: 'DB', secret: `projects/${PROJECT}/secrets/db` }],
    });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_secret_manager_secret_iam_member')).toHaveLength(1);
    expect(Object.keys(json.resource.google_secret_manager_secret_iam_member)[0]).toMatch(
      /^GuardrailsSharedBindings_secretmanagersecretAccessor-[0-9a-f]{12}_/,
    );
  });

  test('one secret read under two names makes one binding', () => {
    const stack = testStack();
    service(stack, 'orders', {
      secrets: [
        { name: 'DB_PASSWORD', secret: 'db' },
        { name: 'DATABASE_PASSWORD', secret: 'db' },
      ],
    });
    expect(bodiesOf(synth(stack), 'google_secret_manager_secret_iam_member')).toHaveLength(1);
  });

  test('two services sharing a runtime identity, deployed by one grantee, make one actAs binding', () => {
    const stack = testStack();
    const runtime = new ServiceIdentity(stack, 'runtime', {
      project: PROJECT,
      accountId: 'shared-run',
    });
    const ci = Principal.serviceAccount('ci@acme-prod.iam.gserviceaccount.com');
    service(stack, 'orders', { serviceAccount: runtime }).grantDeploy(ci);
    service(stack, 'billing', { serviceAccount: runtime }).grantDeploy(ci);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toHaveLength(1);
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toHaveLength(2);
  });

  test('a service and its identity calling one endpoint make one binding', () => {
    const stack = testStack();
    const api = service(stack, 'api');
    for (const [id, caller] of [
      ['by-service', api],
      ['by-identity', api.identity],
    ] as const) {
      new VertexEndpointCaller(stack, id, {
        caller,
        project: PROJECT,
        region: REGION,
        endpointId: '1234567890123456789',
      });
    }
    expect(bodiesOf(synth(stack), 'google_vertex_ai_endpoint_iam_member')).toHaveLength(1);
  });

  test("secretNames: ['a', 'a'] makes one role assignment (no construct-id clash)", () => {
    const stack = testStack();
    new CrossCloudKeyVaultFederation(stack, 'vault', {
      workload: new ServiceIdentity(stack, 'api', {
        project: PROJECT,
        accountId: 'orders-api-run',
      }),
      resourceGroupName: 'orders',
      location: 'westeurope',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      existingVaultId:
        '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv',
      secretNames: ['a', 'a'],
    });
    expect(bodiesOf(synth(stack), 'azurerm_role_assignment')).toHaveLength(1);
  });

  test('an account imported by the email of one the stack creates is that account', () => {
    const stack = testStack();
    const created = new ServiceIdentity(stack, 'api', { project: PROJECT, accountId: 'api-run' });
    const imported = ServiceIdentity.fromEmail(
      stack,
      'again',
      'api-run@acme-prod.iam.gserviceaccount.com',
    );
    const ci = Principal.group('ci@example.com');
    expect(imported.grantActAs(ci)).toBe(created.grantActAs(ci));
    bucket(stack).grantRead(imported);
    bucket(stack, 'other', 'acme-prod-other').grantRead(created);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toHaveLength(1);
    for (const b of bodiesOf(json, 'google_storage_bucket_iam_member')) {
      expect(b.member).toMatch(/google_service_account\.api_[A-Z0-9]+\.member/);
    }
  });
});

describe('one account per id', () => {
  test('two ServiceIdentities with one account id in one project are refused', () => {
    const stack = testStack();
    new ServiceIdentity(stack, 'api', { project: PROJECT, accountId: 'api-run' });
    expect(
      () => new ServiceIdentity(stack, 'api2', { project: PROJECT, accountId: 'api-run' }),
    ).toThrow(
      "test/api2: 'accountId' is already the account id of api in this project ('api-run@acme-prod.iam.gserviceaccount.com'), and a project cannot hold two accounts with one id (got 'api-run'). Reuse that identity, or choose another accountId.",
    );
    // Another project may hold the same id.
    expect(
      () => new ServiceIdentity(stack, 'api3', { project: 'acme-dev', accountId: 'api-run' }),
    ).not.toThrow();
  });

  test('two services with one name in two regions of a project are refused, with the fix', () => {
    const stack = testStack();
    service(stack, 'orders');
    expect(() =>
      service(stack, 'orders-us', { serviceName: 'orders', location: 'us-central1' }),
    ).toThrow(
      "test/orders-us: 'serviceName' derives the runtime account id 'orders-run', which orders/Identity already has in project 'acme-prod' (got 'orders'). Pass serviceAccount (a ServiceIdentity of its own) to one of the two services.",
    );
  });

  test('long service names that share 26 characters get different accounts', () => {
    const stack = testStack();
    const prefix = 'payments-settlement-export';
    const a = service(stack, 'a', { serviceName: `${prefix}-daily` });
    const b = service(stack, 'b', { serviceName: `${prefix}-weekly` });
    expect(a.identity.accountId).not.toBe(b.identity.accountId);
    for (const id of [a.identity.accountId, b.identity.accountId]) {
      expect(id).toMatch(/^payments-settlement-[0-9a-f]{6}-run$/);
      expect(id.length).toBeLessThanOrEqual(30);
    }
    // Names that fit keep the plain, readable id.
    expect(service(stack, 'c', { serviceName: prefix }).identity.accountId).toBe(`${prefix}-run`);
  });

  test('a service name given by reference gets a valid account id from its construct path', () => {
    const stack = testStack();
    const { stringValue } = new TerraformVariable(stack, 'name', { type: 'string' });
    const odd = service(stack, '9 Orders_API', { serviceName: stringValue });
    const other = service(stack, 'orders', { serviceName: stringValue, project: 'acme-dev' });
    expect(odd.identity.accountId).toMatch(/^orders-api-[0-9a-f]{6}-run$/);
    expect(other.identity.accountId).toMatch(/^orders-[0-9a-f]{6}-run$/);
    expect(() => synth(stack)).not.toThrow();
  });
});

describe('Vertex caller roles across the stacks of one app', () => {
  test('one stack owns the role of a project; the others bind it by name and depend on that stack', () => {
    const app = Testing.app();
    const stacks = ['ml', 'web'].map((name) => {
      const stack = new TerraformStack(app, name);
      new GoogleProvider(stack, 'google', {});
      new GoogleBetaProvider(stack, 'beta', {});
      new VertexEndpointCaller(stack, 'predict', {
        caller: Principal.group(`${name}@example.com`),
        project: PROJECT,
        region: REGION,
        endpointId: '1234567890123456789',
      });
      return stack;
    });
    const [ml, web] = stacks.map((s) => JSON.parse(Testing.synth(s, true)));
    expect(Object.values(ml.resource.google_project_iam_custom_role)).toHaveLength(1);
    expect(web.resource.google_project_iam_custom_role).toBeUndefined();
    const [binding] = Object.values(web.resource.google_vertex_ai_endpoint_iam_member) as any[];
    expect(binding.role).toBe('projects/acme-prod/roles/guardrailsVertexPredict');
    expect(stacks[1].dependencies).toEqual([stacks[0]]);
  });
});
