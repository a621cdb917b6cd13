// The guarantees of DESIGN.md section 3 that are not about one prop: deny checks that see
// through references, literal text that reaches Terraform escaped, dangerous values that need
// intent, checks that fail every synth path, and messages that show the value as given.
import { App, Aspects, Fn, IAspect, Lazy, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  BucketLifecycleAction,
  BucketObjectState,
  CrossCloudKeyVaultFederation,
  Errors,
  FederatedPrincipal,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  WorkloadIdentityPool,
} from '../../lib';
import { quote } from '../../lib/core/private/messages';
import { acceptsEveryToken } from '../../lib/federation/private/attribute-condition';
import { bodiesOf, synth, testStack } from '../helpers';

const PROJECT = 'acme-prod';
const REGION = 'europe-west1';

function service(stack: Construct, props: Record<string, unknown> = {}) {
  return new SecureCloudRunService(stack, 'api', {
    project: PROJECT,
    location: REGION,
    serviceName: 'orders-api',
    image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/api:1`,
    ...props,
  });
}

function thrown(make: () => unknown): Error {
  try {
    make();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('deny checks see through references', () => {
  test('a whole pool named by its reference is refused where it is made and where it is granted', () => {
    const stack = testStack();
    const pool = new WorkloadIdentityPool(stack, 'ci', { project: PROJECT, poolId: 'ci-pool' });
    const wholePool = `principalSet://iam.googleapis.com/${pool.name}/*`;
    expect(() => Principal.fromMember(wholePool)).toThrow(
      /^Principal\.fromMember: 'member' must not be a whole workload or workforce identity pool/,
    );
    const api = service(stack);
    expect(() => api.grantInvoke(new FederatedPrincipal(wholePool))).toThrow(
      /^test\/api: 'grantee' must not be a whole workload or workforce identity pool/,
    );
    const identity = new ServiceIdentity(stack, 'deployer', {
      project: PROJECT,
      accountId: 'deployer',
    });
    expect(() => identity.allowWorkloadIdentity(new FederatedPrincipal(wholePool))).toThrow(
      /^test\/deployer: 'principal' must not be a whole workload or workforce identity pool/,
    );
  });

  test('a whole pool built with a Terraform function is refused', () => {
    const stack = testStack();
    const pool = new WorkloadIdentityPool(stack, 'ci', { project: PROJECT, poolId: 'ci-pool' });
    const joined = Fn.join('', ['principalSet://iam.googleapis.com/', pool.name, '/*']);
    const bucket = new ScopedBucket(stack, 'b', {
      project: PROJECT,
      bucketName: 'acme-prod-b',
      location: REGION,
    });
    expect(() => bucket.grantRead(new FederatedPrincipal(joined))).toThrow(
      /^test\/b: 'grantee' must not be a whole workload or workforce identity pool/,
    );
  });

  test('a member that resolves to the public is refused at the grant', () => {
    const stack = testStack();
    const everyone = Principal.fromMember(Lazy.stringValue({ produce: () => 'allUsers' }));
    expect(() => service(stack).grantInvoke(everyone)).toThrow(
      /^test\/api: 'grantee' must name an identity, not the public/,
    );
  });

  test.each([
    'principalSet://cloudresourcemanager.googleapis.com/organizations/123/type/ServiceAccount',
    'principalSet://iam.googleapis.com/locations/global/workforcePools/staff/*',
    'projectViewer:acme-prod',
  ])('%s is refused as a Vertex caller (the message names the caller construct)', (member) => {
    const stack = testStack();
    const error = thrown(
      () =>
        new VertexEndpointCaller(stack, 'predict', {
          caller: new FederatedPrincipal(member),
          project: PROJECT,
          region: REGION,
          endpointId: '1234567890123456789',
        }),
    );
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(/^test\/predict: 'caller' must not be/);
  });

  test('a member that is one opaque reference passes (only Terraform knows it)', () => {
    const stack = testStack();
    const member = Principal.fromMember(Fn.lower('USER:ALICE@EXAMPLE.COM'));
    expect(() => service(stack).grantInvoke(member)).not.toThrow();
  });
});

describe('literal text reaches Terraform escaped', () => {
  test("'${' and '%{' in environment values, descriptions, reasons and commands are escaped", () => {
    const stack = testStack();
    service(stack, {
      environment: { GREETING: 'Hello ${name} %{if x}' },
      description: 'Costs ${5}',
      publicAccess: { reason: 'Webhook for ${partner} callbacks' },
      command: ['sh', '-c', 'echo ${HOME}'],
    });
    const [run] = bodiesOf(synth(stack), 'google_cloud_run_v2_service');
    expect(run.template.containers[0].env).toEqual([
      { name: 'GREETING', value: 'Hello $${name} %%{if x}' },
    ]);
    expect(run.template.containers[0].command).toEqual(['sh', '-c', 'echo $${HOME}']);
    expect(run.description).toBe('Costs $${5} Public access: Webhook for $${partner} callbacks');
  });

  test('a bucket prefix inside the IAM condition is escaped, references in it are not', () => {
    const stack = testStack();
    const bucket = new ScopedBucket(stack, 'b', {
      project: PROJECT,
      bucketName: 'acme-prod-b',
      location: REGION,
    });
    const grant = bucket.grantRead(Principal.user('alice@example.com'), { prefix: 'in/${x}/' });
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.condition.expression).toContain('objects/in/$${x}/")');
    expect(binding.condition.title).toBe('objects under in/$${x}/');
    // What the grant records is the text as written.
    expect(grant.condition?.title).toBe('objects under in/${x}/');
  });

  test('identity, pool and vault descriptions and tags are escaped', () => {
    const stack = testStack();
    const workload = new ServiceIdentity(stack, 'api', {
      project: PROJECT,
      accountId: 'api-run',
      displayName: 'API ${env}',
      description: 'Runs ${x}',
    });
    new WorkloadIdentityPool(stack, 'ci', {
      project: PROJECT,
      poolId: 'ci-pool',
      description: 'Pool ${p}',
    });
    new CrossCloudKeyVaultFederation(stack, 'vault', {
      workload,
      resourceGroupName: 'orders',
      location: 'westeurope',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      existingVaultId:
        '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv',
      tags: { note: 'cost ${centre}' },
    });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_service_account')[0]).toMatchObject({
      display_name: 'API $${env}',
      description: 'Runs $${x}',
    });
    expect(bodiesOf(json, 'google_iam_workload_identity_pool')[0].description).toBe('Pool $${p}');
    expect(bodiesOf(json, 'azurerm_user_assigned_identity')[0].tags).toEqual({
      note: 'cost $${centre}',
    });
  });

  test("'${' where a name or an id goes is refused, with how to pass a reference", () => {
    expect(() =>
      service(testStack(), {
        encryptionKey: 'projects/${var.p}/locations/x/keyRings/r/cryptoKeys/k',
      }),
    ).toThrow(
      /'encryptionKey' must not contain '\$\{' or '%\{' as text: Terraform would read it as a reference or directive .*Pass references as tokens/,
    );
  });
});

describe('always-true attribute conditions are refused', () => {
  test.each([
    'true',
    'true || true',
    "'a' == 'a'",
    '(true)',
    '((1 == 1))',
    "assertion.sub != '' || true",
    "(assertion.repository == 'acme/api') || ('x' == 'x')",
    "'assertion.sub' == 'assertion.sub'",
    '!false',
  ])('%s accepts every token', (condition) => {
    expect(acceptsEveryToken(condition)).toBe(true);
  });

  test.each([
    "assertion.repository_owner == 'acme'",
    "assertion.sub != '' && true",
    "(true || assertion.x == 'a') && assertion.y == 'b'",
    "assertion.a == 'x' || attribute.b == 'y'",
    "google.subject.startsWith('repo:acme/')",
    "assertion.x == 'a || true'",
  ])('%s restricts', (condition) => {
    expect(acceptsEveryToken(condition)).toBe(false);
  });

  test('addOidcProvider refuses one, naming the option', () => {
    const pool = new WorkloadIdentityPool(testStack(), 'ci', {
      project: PROJECT,
      poolId: 'ci-pool',
    });
    expect(() =>
      pool.addOidcProvider('gitlab', {
        issuerUri: 'https://gitlab.com',
        allowedAudiences: ['https://gitlab.com'],
        attributeCondition: "assertion.namespace_path == 'acme' || 'a' == 'a'",
      }),
    ).toThrow(
      /^test\/ci: 'options\.attributeCondition' must restrict which tokens are accepted on every branch/,
    );
  });
});

describe('dangerous but legal values need intent', () => {
  function bucketWith(rule: Record<string, unknown>) {
    return () =>
      new ScopedBucket(testStack(), 'b', {
        project: PROJECT,
        bucketName: 'acme-prod-b',
        location: REGION,
        lifecycleRules: [{ action: BucketLifecycleAction.DELETE, ...rule } as never],
      });
  }

  test('Delete at age 0 on the whole bucket is refused', () => {
    expect(bucketWith({ ageDays: 0 })).toThrow(
      /^test\/b: 'lifecycleRules\[0\]\.ageDays' deletes every object of the bucket within a day of its creation .*\(got 0\)\. Set ageDays to the age objects may reach/,
    );
    expect(bucketWith({ ageDays: 0, withState: BucketObjectState.LIVE })).toThrow(
      /deletes every object/,
    );
  });

  test.each([
    { matchesPrefix: ['tmp/'] },
    { withState: BucketObjectState.ARCHIVED },
    { numNewerVersions: 3 },
  ])('Delete at age 0 that says what it deletes is accepted: %j', (narrowing) => {
    expect(bucketWith({ ageDays: 0, ...narrowing })).not.toThrow();
  });

  function vaultWith(range: string) {
    return () =>
      new CrossCloudKeyVaultFederation(testStack(), 'vault', {
        workload: ServiceIdentity.fromEmail(
          testStack(),
          'api',
          'api-run@acme-prod.iam.gserviceaccount.com',
        ),
        resourceGroupName: 'orders',
        location: 'westeurope',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        vaultName: 'acme-orders-kv',
        logAnalyticsWorkspaceId:
          '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/o/providers/Microsoft.OperationalInsights/workspaces/s',
        allowedIpRanges: [range],
      });
  }

  test.each([
    ['0.0.0.0/0', /\/0 covers a large part of the internet and turns the vault firewall off/],
    ['64.0.0.0/2', /\/2 covers a large part of the internet/],
    ['10.1.2.3', /not private \(RFC 1918\) space/],
    ['172.20.0.0/16', /not private \(RFC 1918\) space/],
    ['192.168.1.0/24', /not private \(RFC 1918\) space/],
    ['100.64.0.1', /not shared carrier-grade NAT space/],
    ['127.0.0.1', /not loopback space/],
    ['169.254.169.254', /not link-local space/],
    ['224.0.0.1', /not multicast or reserved space/],
    ['8.0.0.0/7', /\/7 covers a large part/],
  ])('vault firewall range %s is refused', (range, message) => {
    expect(vaultWith(range)).toThrow(message);
    expect(vaultWith(range)).toThrow(/^test\/vault: 'allowedIpRanges\[0\]'/);
  });

  test.each(['203.0.113.10', '203.0.113.0/28', '34.140.0.0/16'])(
    'public range %s is accepted',
    (range) => {
      expect(vaultWith(range)).not.toThrow();
    },
  );
});

describe('checks that need the whole tree fail every synth path with a ValidationError', () => {
  function vertexWithoutBeta() {
    const stack = testStack({ googleBeta: false });
    new VertexEndpointCaller(stack, 'predict', {
      caller: Principal.group('ml@example.com'),
      project: PROJECT,
      region: REGION,
      endpointId: '1234567890123456789',
    });
    return stack;
  }

  test('a missing google-beta provider fails plain Testing.synth(stack)', () => {
    const error = thrown(() => Testing.synth(vertexWithoutBeta()));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(
      /^test\/predict: 'scope' is VertexGrantScope\.ENDPOINT \(the default\), whose binding \(google_vertex_ai_endpoint_iam_member\) needs the google-beta provider, and the stack has none\. Add one/,
    );
  });

  test('...and app.synth()', () => {
    const stack = vertexWithoutBeta();
    const error = thrown(() => (stack.node.root as App).synth());
    expect(Errors.isValidationError(error)).toBe(true);
  });

  test('an unmapped attribute fails plain Testing.synth(stack) and app.synth()', () => {
    const stack = testStack();
    const pool = new WorkloadIdentityPool(stack, 'ci', { project: PROJECT, poolId: 'ci-pool' });
    pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    pool.principalSetForAttribute('workflow', 'deploy');
    for (const run of [() => Testing.synth(stack), () => (stack.node.root as App).synth()]) {
      const error = thrown(run);
      expect(Errors.isValidationError(error)).toBe(true);
      expect(error.message).toMatch(
        /^test\/ci: 'name' \('workflow', given to principalSetForAttribute\)/,
      );
    }
  });

  test('an identity invoker without a network path fails plain Testing.synth(stack)', () => {
    const stack = testStack();
    const target = service(stack);
    const web = new SecureCloudRunService(stack, 'web', {
      project: PROJECT,
      location: REGION,
      serviceName: 'web',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/web:1`,
    });
    target.grantInvoke(web.identity);
    const error = thrown(() => Testing.synth(stack));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toMatch(/^test\/api: 'grantee' names the Cloud Run service test\/web/);
  });

  test('a provider added after the principal set is found at synth', () => {
    const stack = testStack();
    const pool = new WorkloadIdentityPool(stack, 'ci', { project: PROJECT, poolId: 'ci-pool' });
    pool.principalSetForAttribute('repository', 'acme/api');
    pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test("the checks run as aspects, which users' own aspects do not replace", () => {
    const stack = vertexWithoutBeta();
    const visited: string[] = [];
    const own: IAspect = { visit: (n) => void visited.push(n.node.path) };
    Aspects.of(stack).add(own);
    expect(() => Testing.synth(stack)).toThrow(/needs the google-beta provider/);
    expect(visited).toContain('test/predict');
  });
});

describe('messages show the value as given', () => {
  test.each<[unknown, string]>([
    [undefined, 'undefined'],
    [null, 'null'],
    [NaN, 'NaN'],
    [true, 'true'],
    [0, '0'],
    ['', "''"],
    [['a', 1], "['a', 1]"],
    [{ a: 'b' }, "{ a: 'b' }"],
    [Symbol.for('x'), 'Symbol(x)'],
    [() => 1, 'function (anonymous)'],
  ])('%p is shown as %s', (value, shown) => {
    expect(quote(value)).toBe(shown);
  });

  test('a construct is shown by its path, and a circular object does not crash', () => {
    const stack = testStack();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(quote(new Construct(stack, 'x'))).toBe("construct 'test/x'");
    expect(quote(circular)).toBe('{ self: { self: {…} } }');
  });

  test('a lazy member that refers to the public names it by its token text', () => {
    const stack = testStack();
    expect(() =>
      service(stack, {
        invokers: [
          Principal.fromMember(Lazy.stringValue({ produce: () => 'allAuthenticatedUsers' })),
        ],
      }),
    ).toThrow(
      /^test\/api: 'invokers\[0\]' must name an identity, not the public \(got '\$\{TfToken\[TOKEN\.\d+\]\}'\)/,
    );
  });
});

describe('ServiceIdentity.fromEmail', () => {
  test('runs a service, receives grants and is the target of grantActAs', () => {
    const stack = testStack();
    const runtime = ServiceIdentity.fromEmail(
      stack,
      'runtime',
      'orders-run@acme-shared.iam.gserviceaccount.com',
    );
    expect(runtime.project).toBe('acme-shared');
    expect(runtime.accountId).toBe('orders-run');
    const api = service(stack, {
      serviceAccount: runtime,
      secrets: [{ name: 'DB', secret: 'db' }],
    });
    api.grantDeploy(Principal.group('ci@example.com'));
    const json = synth(stack);
    expect(bodiesOf(json, 'google_cloud_run_v2_service')[0].template.service_account).toBe(
      'orders-run@acme-shared.iam.gserviceaccount.com',
    );
    expect(bodiesOf(json, 'google_service_account')).toEqual([]);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toEqual([
      {
        service_account_id:
          'projects/acme-shared/serviceAccounts/orders-run@acme-shared.iam.gserviceaccount.com',
        role: 'roles/iam.serviceAccountUser',
        member: 'group:ci@example.com',
      },
    ]);
    expect(bodiesOf(json, 'google_secret_manager_secret_iam_member')[0].member).toBe(
      'serviceAccount:orders-run@acme-shared.iam.gserviceaccount.com',
    );
  });

  test('a domain-scoped project is read from the email', () => {
    const identity = ServiceIdentity.fromEmail(
      testStack(),
      'x',
      'job-runner@orders.example.com.iam.gserviceaccount.com',
    );
    expect(identity.project).toBe('example.com:orders');
    expect(ServiceIdentity.isServiceIdentity(identity)).toBe(true);
  });

  test('allowWorkloadIdentity on an imported account binds on that account', () => {
    const stack = testStack();
    const pool = new WorkloadIdentityPool(stack, 'ci', { project: PROJECT, poolId: 'ci-pool' });
    const github = pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    const deployer = ServiceIdentity.fromEmail(
      stack,
      'deployer',
      'deployer@acme-prod.iam.gserviceaccount.com',
    );
    deployer.allowWorkloadIdentity(github.principalForRepository('acme/api'));
    const [binding] = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(binding).toMatchObject({
      service_account_id:
        'projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com',
      role: 'roles/iam.workloadIdentityUser',
    });
  });
});
