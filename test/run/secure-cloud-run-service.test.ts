import { TerraformStack, Token } from 'cdktf';
import {
  CloudRunIngress,
  CloudRunVpcEgress,
  Grant,
  Principal,
  SecureCloudRunService,
  SecureCloudRunServiceProps,
  ServiceIdentity,
} from '../../lib';
import { addresses, bodiesOf, iamMembers, synth, testStack } from '../helpers';

const IMAGE = 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2';
const base: SecureCloudRunServiceProps = {
  project: 'acme-prod',
  location: 'europe-west1',
  serviceName: 'orders-api',
  image: IMAGE,
};

function service(
  stack: TerraformStack,
  props: Partial<SecureCloudRunServiceProps> = {},
  id = 'api',
) {
  return new SecureCloudRunService(stack, id, { ...base, ...props });
}

const SA_REF = /^\$\{google_service_account\.api_Identity_[A-Z0-9]+\.(email|member)\}$/;

describe('SecureCloudRunService defaults', () => {
  test('synthesizes a private service with its own service account', () => {
    const stack = testStack();
    service(stack);
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
    expect(run.deletion_protection).toBe(true);
    expect(run.template.service_account).toMatch(SA_REF);
    expect(run.template.containers[0]).toEqual({
      image: IMAGE,
      ports: { container_port: 8080 },
      resources: { limits: { cpu: '1', memory: '512Mi' } },
    });
    expect(bodiesOf(json, 'google_service_account')).toEqual([
      expect.objectContaining({ account_id: 'orders-api-run', project: 'acme-prod' }),
    ]);
    expect(iamMembers(json)).toEqual([]);
    expect(json.resource.google_project_iam_audit_config).toBeUndefined();
  });

  test('uses a given ServiceIdentity and creates none', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'runtime', {
      project: 'acme-prod',
      accountId: 'orders-runtime',
    });
    const api = service(stack, { serviceAccount: identity });
    expect(api.identity).toBe(identity);
    expect(api.grantPrincipal).toBe(identity);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_service_account')).toHaveLength(1);
    expect(bodiesOf(json, 'google_cloud_run_v2_service')[0].template.service_account).toMatch(
      /runtime_[A-Z0-9]+\.email/,
    );
  });

  test('short service names still get a valid account id', () => {
    const stack = testStack();
    service(stack, { serviceName: 'a' });
    expect(bodiesOf(synth(stack), 'google_service_account')[0].account_id).toBe('a-run-sa');
    const long = testStack();
    service(long, { serviceName: 'a-very-long-service-name-that-is-near-the-limit' });
    // Longer than 26 characters: a prefix and a hash of the whole name (see the
    // 'derived names' tests).
    expect(bodiesOf(synth(long), 'google_service_account')[0].account_id).toBe(
      'a-very-long-service-652b1a-run',
    );
  });

  test('attributes', () => {
    const stack = testStack();
    const api = service(stack);
    expect(api.serviceName).toBe('orders-api');
    expect(api.location).toBe('europe-west1');
    expect(api.project).toBe('acme-prod');
    expect(Token.isUnresolved(api.uri)).toBe(true);
    expect(SecureCloudRunService.isSecureCloudRunService(api)).toBe(true);
    expect(SecureCloudRunService.isSecureCloudRunService(api.identity)).toBe(false);
  });
});

describe('SecureCloudRunService grants', () => {
  test('invokers get run.servicesInvoker on this service only', () => {
    const stack = testStack();
    const frontend = new ServiceIdentity(stack, 'frontend', {
      project: 'acme-prod',
      accountId: 'frontend-run',
    });
    service(stack, { invokers: [frontend, Principal.group('oncall@example.com')] });
    const json = synth(stack);
    const bindings = bodiesOf(json, 'google_cloud_run_v2_service_iam_member');
    expect(bindings).toHaveLength(2);
    for (const b of bindings) {
      expect(b.role).toBe('roles/run.servicesInvoker');
      expect(b.project).toBe('acme-prod');
      expect(b.location).toBe('europe-west1');
      expect(b.name).toMatch(/^\$\{google_cloud_run_v2_service\.api_[A-Z0-9]+\.name\}$/);
    }
    expect(bindings.map((b) => b.member).sort()).toEqual(
      [expect.stringMatching(/frontend_[A-Z0-9]+\.member/), 'group:oncall@example.com'].sort(),
    );
    expect(json.resource.google_project_iam_member).toBeUndefined();
  });

  test('reordering invokers leaves every address unchanged', () => {
    const users = ['a@example.com', 'b@example.com', 'c@example.com'].map((e) => Principal.user(e));
    const build = (invokers: typeof users) => {
      const stack = testStack();
      service(stack, { invokers });
      return addresses(synth(stack));
    };
    expect(build([...users].reverse())).toEqual(build(users));
    const withMore = build(users);
    for (const address of build(users.slice(1))) expect(withMore).toContain(address);
  });

  test('grantDeploy: run.developer on the service and actAs on its runtime account only', () => {
    const stack = testStack();
    const api = service(stack);
    const ci = Principal.serviceAccount('ci-deploy@acme-ci.iam.gserviceaccount.com');
    const grant = api.grantDeploy(ci);
    const json = synth(stack);
    expect(grant.role).toBe('roles/run.developer');
    expect(grant.resource).toBe('cloud-run:europe-west1/orders-api');
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toEqual([
      expect.objectContaining({ role: 'roles/run.developer', member: ci.member }),
    ]);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toEqual([
      {
        service_account_id: expect.stringMatching(
          /^\$\{google_service_account\.api_Identity_[A-Z0-9]+\.name\}$/,
        ),
        role: 'roles/iam.serviceAccountUser',
        member: ci.member,
      },
    ]);
    expect(json.resource.google_project_iam_member).toBeUndefined();
  });

  test('grantView: run.viewer on the service', () => {
    const stack = testStack();
    service(stack).grantView(Principal.group('support@example.com'));
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member')).toEqual([
      expect.objectContaining({ role: 'roles/run.viewer', member: 'group:support@example.com' }),
    ]);
  });

  test('a service can be an invoker of another (its runtime identity is bound)', () => {
    const stack = testStack();
    const backend = service(stack, {}, 'api');
    const frontend = service(
      stack,
      {
        serviceName: 'web',
        vpcAccess: { network: 'default', egress: CloudRunVpcEgress.ALL_TRAFFIC },
      },
      'web',
    );
    backend.grantInvoke(frontend);
    const [binding] = bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member');
    expect(binding.member).toMatch(/web_Identity_[A-Z0-9]+\.member/);
  });
});

describe('SecureCloudRunService secrets', () => {
  test('each secret is an env var and a secretAccessor binding on that secret only', () => {
    const stack = testStack();
    const api = service(stack, {
      environment: { DB_HOST: '10.0.0.5', LOG_LEVEL: 'info' },
      secrets: [
        { name: 'DB_PASSWORD', secret: 'orders-db-password' },
        {
          name: 'PARTNER_API_KEY',
          secret: 'projects/acme-shared/secrets/partner-key',
          version: '3',
        },
      ],
    });
    const json = synth(stack);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.template.containers[0].env).toEqual([
      { name: 'DB_HOST', value: '10.0.0.5' },
      {
        name: 'DB_PASSWORD',
        value_source: { secret_key_ref: { secret: 'orders-db-password', version: 'latest' } },
      },
      { name: 'LOG_LEVEL', value: 'info' },
      {
        name: 'PARTNER_API_KEY',
        value_source: {
          secret_key_ref: { secret: 'projects/acme-shared/secrets/partner-key', version: '3' },
        },
      },
    ]);
    const accessors = bodiesOf(json, 'google_secret_manager_secret_iam_member');
    expect(accessors).toEqual(
      expect.arrayContaining([
        {
          project: 'acme-prod',
          secret_id: 'orders-db-password',
          role: 'roles/secretmanager.secretAccessor',
          member: expect.stringMatching(SA_REF),
        },
        {
          secret_id: 'projects/acme-shared/secrets/partner-key',
          role: 'roles/secretmanager.secretAccessor',
          member: expect.stringMatching(SA_REF),
        },
      ]),
    );
    expect(accessors).toHaveLength(2);
    expect(json.resource.google_project_iam_member).toBeUndefined();
    expect(Grant.of(stack).map((g) => g.resource)).toEqual([
      'secret-manager:projects/acme-prod/secrets/orders-db-password',
      'secret-manager:projects/acme-shared/secrets/partner-key',
    ]);
    // Readable values: the runtime account's email, not its token; the live grant keeps it.
    expect(Grant.of(stack).map((g) => g.principal.member)).toEqual([
      'serviceAccount:orders-api-run@acme-prod.iam.gserviceaccount.com',
      'serviceAccount:orders-api-run@acme-prod.iam.gserviceaccount.com',
    ]);
    expect(Token.isUnresolved(api.identity.member)).toBe(true);
  });

  test('secrets turn on the Secret Manager audit logs once', () => {
    const stack = testStack();
    service(stack, { secrets: [{ name: 'A_TOKEN', secret: 'a' }] }, 'one');
    service(stack, { serviceName: 'two', secrets: [{ name: 'B_TOKEN', secret: 'b' }] }, 'two');
    const configs = bodiesOf(synth(stack), 'google_project_iam_audit_config');
    expect(configs).toEqual([
      {
        project: 'acme-prod',
        service: 'secretmanager.googleapis.com',
        audit_log_config: [
          { log_type: 'ADMIN_READ' },
          { log_type: 'DATA_READ' },
          { log_type: 'DATA_WRITE' },
        ],
      },
    ]);
  });

  test('auditLogs: false leaves the audit config out', () => {
    const stack = testStack();
    service(stack, { secrets: [{ name: 'A_TOKEN', secret: 'a' }], auditLogs: false });
    expect(synth(stack).resource.google_project_iam_audit_config).toBeUndefined();
  });

  test.each([
    'DB_PASSWORD',
    'STRIPE_API_KEY',
    'GITHUB_TOKEN',
    'CLIENT_SECRET',
    'jwt_signing_key',
    'PRIVATEKEY',
  ])('fails if %s has a literal value, pointing to secrets', (name) => {
    const stack = testStack();
    expect(() => service(stack, { environment: { [name]: 'hunter2' } })).toThrow(
      `test/api: 'environment.${name}' looks like a credential, and plain environment values are visible to anyone who can view the service (got '***'). Store it in Secret Manager and pass it as secrets: [{ name: '${name}', secret: '<secret id>' }].`,
    );
  });

  test('credential-like names with a reference value and ordinary names are accepted', () => {
    const stack = testStack();
    expect(() =>
      service(stack, {
        environment: {
          DB_PASSWORD_FILE_PATH: '/x',
          TOKEN_AUDIENCE: 'x',
          API_TOKEN: Token.asString({ Ref: 'x' }),
        },
      }),
    ).not.toThrow();
  });

  test('fails on bad secret references, duplicates and reserved names', () => {
    expect(() =>
      service(testStack(), { secrets: [{ name: 'A', secret: 'projects/p/secrets/a/versions/1' }] }),
    ).toThrow(
      /'secrets\[0\].secret' must be a secret id .* Use the secret's id, e.g. 'db-password', not its version path./,
    );
    expect(() =>
      service(testStack(), { secrets: [{ name: 'A', secret: 'a', version: 'newest' }] }),
    ).toThrow(/'secrets\[0\].version' must be 'latest' or a version number/);
    expect(() =>
      service(testStack(), { environment: { A: '1' }, secrets: [{ name: 'A', secret: 'a' }] }),
    ).toThrow(
      "test/api: 'secrets[0].name' sets 'A', which is already set by 'environment' or another secret. Give each environment variable one source.",
    );
    expect(() => service(testStack(), { environment: { PORT: '80' } })).toThrow(
      /'environment.PORT' is set by Cloud Run itself/,
    );
    expect(() => service(testStack(), { environment: { '1X': 'a' } })).toThrow(
      /must be an environment variable name/,
    );
  });
});

describe('SecureCloudRunService public access', () => {
  test('allUsers only through publicAccess, with the reason recorded', () => {
    const stack = testStack();
    service(stack, {
      ingress: CloudRunIngress.ALL,
      publicAccess: { reason: 'Public webhook for the payment provider' },
    });
    const json = synth(stack);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.description).toBe('Public access: Public webhook for the payment provider');
    expect(run.labels).toEqual({ 'public-access': 'reasoned' });
    expect(run.ingress).toBe('INGRESS_TRAFFIC_ALL');
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toEqual([
      expect.objectContaining({ role: 'roles/run.servicesInvoker', member: 'allUsers' }),
    ]);
    const [grant] = Grant.of(stack);
    expect(grant.principal.member).toBe('allUsers');
    expect(grant.reason).toBe('Public webhook for the payment provider');
  });

  test('fails if the reason is too short', () => {
    expect(() => service(testStack(), { publicAccess: { reason: 'needed' } })).toThrow(
      "test/api: 'publicAccess.reason' must say in 10-400 characters why anyone on the internet may invoke this service (got 'needed').",
    );
  });

  test('fails if allUsers is passed as an invoker', () => {
    const everyone = {
      member: 'allUsers',
      get grantPrincipal() {
        return this;
      },
    };
    expect(() => service(testStack(), { invokers: [everyone] })).toThrow(
      /test\/api: 'invokers\[0\]' must name an identity, not the public \(got 'allUsers'\).*publicAccess/,
    );
  });
});

describe('SecureCloudRunService options', () => {
  test('VPC access, CMEK, Binary Authorization, scaling, labels, command', () => {
    const stack = testStack();
    service(stack, {
      vpcAccess: {
        network: 'default',
        subnetwork: 'run-egress',
        networkTags: ['orders'],
        egress: CloudRunVpcEgress.ALL_TRAFFIC,
      },
      encryptionKey: 'projects/acme-prod/locations/europe-west1/keyRings/run/cryptoKeys/orders',
      binaryAuthorization: {},
      minInstances: 1,
      maxInstances: 5,
      labels: { team: 'orders' },
      command: ['/app/server'],
      args: ['--json-logs'],
      port: 9000,
      cpu: '2',
      memory: '1Gi',
      deletionProtection: false,
    });
    const [run] = bodiesOf(synth(stack), 'google_cloud_run_v2_service');
    expect(run.template.vpc_access).toEqual({
      egress: 'ALL_TRAFFIC',
      network_interfaces: [{ network: 'default', subnetwork: 'run-egress', tags: ['orders'] }],
    });
    expect(run.template.encryption_key).toBe(
      'projects/acme-prod/locations/europe-west1/keyRings/run/cryptoKeys/orders',
    );
    expect(run.binary_authorization).toEqual({ use_default: true });
    expect(run.template.scaling).toEqual({ min_instance_count: 1, max_instance_count: 5 });
    expect(run.labels).toEqual({ team: 'orders' });
    expect(run.deletion_protection).toBe(false);
    expect(run.template.containers[0]).toEqual(
      expect.objectContaining({
        command: ['/app/server'],
        args: ['--json-logs'],
        ports: { container_port: 9000 },
        resources: { limits: { cpu: '2', memory: '1Gi' } },
      }),
    );
  });

  test('a connector with the default egress', () => {
    const stack = testStack();
    service(stack, {
      vpcAccess: { connector: 'projects/acme-prod/locations/europe-west1/connectors/run' },
    });
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service')[0].template.vpc_access).toEqual({
      connector: 'projects/acme-prod/locations/europe-west1/connectors/run',
      egress: 'PRIVATE_RANGES_ONLY',
    });
  });

  test('a Binary Authorization policy', () => {
    const stack = testStack();
    service(stack, {
      binaryAuthorization: { policy: 'projects/acme-prod/platforms/cloudRun/policies/strict' },
    });
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service')[0].binary_authorization).toEqual({
      policy: 'projects/acme-prod/platforms/cloudRun/policies/strict',
    });
  });
});

describe('SecureCloudRunService bad input', () => {
  test.each([
    [
      { serviceName: 'Orders' },
      "test/api: 'serviceName' must be 1-49 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-' (got 'Orders'). Use e.g. 'orders-api'.",
    ],
    [{ serviceName: 'a'.repeat(50) }, /'serviceName' must be 1-49 characters/],
    [{ serviceName: 'orders-' }, /'serviceName' must be 1-49/],
    [
      { location: 'europe-west1-b' },
      "test/api: 'location' must be a Google Cloud region (got 'europe-west1-b'). That is a zone; use its region 'europe-west1'.",
    ],
    [{ location: 'mars-north1' }, /'location' must be a Google Cloud region/],
    [{ project: 'Acme Prod' }, /'project' must be a project id/],
    [
      { image: 'https://gcr.io/x' },
      /'image' must be a container image reference .* Use e.g. 'europe-west1-docker.pkg.dev/,
    ],
    [{ image: 'gcr.io/acme/api@sha256:123' }, /'image' must be a container image reference/],
    [
      { minInstances: 5, maxInstances: 2 },
      "test/api: 'minInstances' (5) is greater than maxInstances (2). Lower minInstances or raise maxInstances to at least 5.",
    ],
    [{ maxInstances: 0 }, /'maxInstances' must be a whole number of at least 1/],
    [{ port: 70000 }, /'port' must be a port number 1-65535/],
    [{ memory: '512MB' }, /'memory' must be a memory quantity in Mi or Gi .*'512Mi'/],
    [{ cpu: 'two' }, /'cpu' must be a CPU quantity/],
    [{ labels: { Team: 'x' } }, /'labels key' must be 1-63 characters/],
    [{ labels: { team: 'Orders Team' } }, /'labels.team' must be at most 63 characters/],
    [{ encryptionKey: 'orders-key' }, /'encryptionKey' must be the full name of a Cloud KMS key/],
    [{ vpcAccess: {} }, /'vpcAccess' names neither a connector nor a network\/subnetwork/],
    [
      { vpcAccess: { connector: 'c', network: 'n' } },
      /'vpcAccess' sets both a connector and Direct VPC egress/,
    ],
  ] as Array<[Partial<SecureCloudRunServiceProps>, string | RegExp]>)(
    'fails on %j',
    (props, message) => {
      expect(() => service(testStack(), props)).toThrow(message);
    },
  );

  test('tokens are never rejected', () => {
    const t = (ref: string) => Token.asString({ Ref: ref });
    expect(() =>
      service(testStack(), {
        project: t('p'),
        location: t('l'),
        serviceName: t('n'),
        image: t('i'),
        minInstances: Token.asNumber({ Ref: 'min' }),
        maxInstances: 1,
      }),
    ).not.toThrow();
  });

  test('valid images', () => {
    for (const image of [
      'nginx',
      'nginx:1.27',
      'gcr.io/acme/api@sha256:' + 'a'.repeat(64),
      'localhost:5000/a/b:c',
      IMAGE,
    ]) {
      expect(() => service(testStack(), { image })).not.toThrow();
    }
  });
});
