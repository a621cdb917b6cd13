import { mkdirSync } from 'fs';
import { join } from 'path';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { App, TerraformResource } from 'cdktf';
import { buildExamples } from '../../examples/app';
import {
  CloudRunIngress,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  WorkloadIdentityPool,
} from '../../lib';
import { readSynthOutput } from '../../lib/analysis/read-synth-output';
import { azureCatalog, gcpCatalog } from '../helpers';
import { providerStack } from '../report/report-helpers';
import { cli, cliProcess, folderWith } from './cli-helpers';

/** Synthesizes the stacks `build` adds to an app into a new folder, as `cdktf synth` does. */
function synthesized(build: (app: App) => void): string {
  const outdir = folderWith({});
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  return outdir;
}

const examples = synthesized(buildExamples);

describe('cdktf-guardrails report', () => {
  test('lists every grant of the examples with the catalog permission count of its role', () => {
    const { code, out, err } = cli(['report', examples, '--format', 'json']);
    expect([code, err]).toEqual([0, '']);
    const report = JSON.parse(out);
    // Every binding the model finds in the examples is in the report, once.
    const bindings = readSynthOutput([examples]).flatMap((m) => m.bindings);
    expect(report.grants).toHaveLength(bindings.length);
    expect(report.grants.map((g: any) => g.address).sort()).toEqual(
      bindings.map((b) => b.resource.address).sort(),
    );
    const gcp = gcpCatalog();
    const azure = azureCatalog();
    // The predict-only custom role of a project is created by the first stack that asks (the
    // Vertex example); another stack binds it by name, so its report cannot count it.
    const rolesOwnedBy = new Set(
      readSynthOutput([examples])
        .filter((m) => m.resourcesOfType('google_project_iam_custom_role').length > 0)
        .map((m) => m.stack),
    );
    for (const g of report.grants) {
      const expected = g.role.startsWith('roles/')
        ? gcp.roles[g.role].permissionCount
        : g.role.endsWith('/roles/guardrailsVertexPredict')
          ? rolesOwnedBy.has(g.stack)
            ? 1
            : null
          : azure.details[g.role].permissions.flatMap((p) => [...p.actions, ...p.dataActions])
              .length;
      expect({ role: g.role, permissions: g.permissions }).toEqual({
        role: g.role,
        permissions: expected,
      });
    }
    expect(report.summary).toEqual({
      stacks: [
        'azure-key-vault',
        'cloud-run',
        'federation',
        'foundation',
        'identity-core',
        'internal-admin',
        'ml-pipeline',
        'storage',
        'vertex',
      ],
      grants: bindings.length,
      principals: new Set(report.grants.map((g: any) => g.principal)).size,
      ignored: { count: 0, types: [] },
    });
  });

  test('JSON grants have the shape of DESIGN.md section 9', () => {
    const report = JSON.parse(cli(['report', examples, '--format', 'json']).out);
    const deployer = report.grants.find(
      (g: any) =>
        g.principal === 'serviceAccount:ci-deploy@acme-prod.iam.gserviceaccount.com' &&
        g.role === 'roles/iam.serviceAccountUser',
    );
    expect(deployer).toEqual({
      stack: 'cloud-run',
      principal: 'serviceAccount:ci-deploy@acme-prod.iam.gserviceaccount.com',
      role: 'roles/iam.serviceAccountUser',
      permissions: 5,
      target:
        'service_account projects/acme-prod/serviceAccounts/orders-api-run@acme-prod.iam.gserviceaccount.com',
      condition: null,
      address: expect.stringMatching(/^google_service_account_iam_member\.orders-api_Identity_/),
      path: expect.stringMatching(/^cloud-run\/orders-api\/Identity\/iam\.serviceAccountUser-/),
      flags: ['impersonation'],
    });
  });

  test('Markdown (the default) groups the grants by principal', () => {
    const { code, out } = cli(['report', synthesized(base)]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      '**Access report**: 3 grants to 3 principals in 2 stacks; flagged: 1 project-wide.',
    );
    expect(out).toMatchSnapshot();
  });

  test('reads cdktf.out of the current folder by default', () => {
    const parent = folderWith({});
    const outdir = join(parent, 'cdktf.out');
    mkdirSync(outdir);
    const app = new App({ outdir, stackTraces: false });
    new ProjectIamMember(providerStack(app, 'only'), 'logs', {
      project: 'acme-prod',
      role: 'roles/logging.viewer',
      member: 'group:ops@example.com',
    });
    app.synth();
    const { code, out } = cli(['report', '--format', 'json'], parent);
    expect(code).toBe(0);
    expect(JSON.parse(out).grants.map((g: any) => [g.principal, g.role, g.target])).toEqual([
      ['group:ops@example.com', 'roles/logging.viewer', 'project acme-prod'],
    ]);
  });

  test('counts resource types it does not read, and shows roles it does not know with ?', () => {
    const dir = synthesized((app) => {
      const stack = providerStack(app, 'mixed');
      new TerraformResource(stack, 'random', { terraformResourceType: 'random_id' });
      new ProjectIamMember(stack, 'future', {
        project: 'acme-prod',
        role: 'roles/newservice.viewer',
        member: 'group:ops@example.com',
      });
    });
    const json = JSON.parse(cli(['report', dir, '--format', 'json']).out);
    expect(json.grants.map((g: any) => [g.role, g.permissions])).toEqual([
      ['roles/newservice.viewer', null],
    ]);
    expect(json.summary.ignored).toEqual({ count: 1, types: ['random_id'] });
    const markdown = cli(['report', dir]).out;
    expect(markdown).toContain('| `roles/newservice.viewer` | ? | `project acme-prod` |');
    expect(markdown).toContain(
      '_Not read: 1 resource of types the report does not read (random_id)._',
    );
  });
});

/** Base: an API invoked by a web frontend, reading a bucket prefix; a deploy identity; a GitHub pool; a legacy stack. */
function base(app: App): void {
  const orders = providerStack(app, 'orders');
  const web = new SecureCloudRunService(orders, 'web', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'web',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/web:1.0.0',
  });
  const api = new SecureCloudRunService(orders, 'api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
  });
  // The frontend calls the API through a load balancer (internal ingress).
  api.grantInvoke(web, { throughLoadBalancer: true });
  new ScopedBucket(orders, 'data', {
    project: 'acme-prod',
    bucketName: 'acme-data',
    location: 'europe-west1',
  }).grantRead(api, { prefix: 'in/' });
  new ServiceIdentity(orders, 'deployer', { project: 'acme-prod', accountId: 'deployer' });
  new WorkloadIdentityPool(orders, 'pool', {
    project: 'acme-prod',
    poolId: 'ci-pool',
  }).addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
  new ProjectIamMember(providerStack(app, 'legacy'), 'old', {
    project: 'acme-prod',
    role: 'roles/logging.viewer',
    member: 'group:old@example.com',
  });
}

/**
 * Head: the same, with every construct renamed, and these planted changes: the API is public,
 * the bucket grant becomes read-write and its audit logs are off, CI may act as the deployer,
 * ops may read the project's logs, the GitHub provider names a repository, an Entra provider
 * is added; the legacy stack is gone and a reports stack is new.
 */
function head(app: App): void {
  const orders = providerStack(app, 'orders');
  const pool = new WorkloadIdentityPool(orders, 'ci', { project: 'acme-prod', poolId: 'ci-pool' });
  pool.addGitHubActionsProvider('github', {
    repositoryOwner: 'acme',
    repositories: ['acme/orders'],
  });
  pool.addAzureAdProvider('entra', {
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    allowedAudiences: ['api://acme-gcp'],
  });
  const web = new SecureCloudRunService(orders, 'frontend', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'web',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/web:1.0.0',
  });
  const api = new SecureCloudRunService(orders, 'orders-api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
    ingress: CloudRunIngress.ALL,
    publicAccess: { reason: 'Webhook called by the payment provider' },
  });
  api.grantInvoke(web);
  new ScopedBucket(orders, 'uploads', {
    project: 'acme-prod',
    bucketName: 'acme-data',
    location: 'europe-west1',
    auditLogs: false,
  }).grantReadWrite(api, { prefix: 'in/' });
  new ServiceIdentity(orders, 'deploy-identity', {
    project: 'acme-prod',
    accountId: 'deployer',
  }).grantActAs(Principal.group('ci@example.com'));
  new ProjectIamMember(orders, 'ops-logs', {
    project: 'acme-prod',
    role: 'roles/logging.viewer',
    member: 'group:ops@example.com',
  });
  new StorageBucketIamMember(providerStack(app, 'reports'), 'analysts', {
    bucket: 'acme-reports',
    role: 'roles/storage.objectViewer',
    member: 'group:analysts@example.com',
  });
}

describe('cdktf-guardrails diff', () => {
  const before = synthesized(base);
  const after = synthesized(head);

  test('in a child process: exactly the planted changes and escalations, exit 1 with --fail-on-escalation', () => {
    const { code, out, err } = cliProcess(
      ['diff', before, after, '--format', 'json', '--fail-on-escalation'],
      folderWith({}),
    );
    expect(err).toBe('');
    expect(code).toBe(1);
    const diff = JSON.parse(out);
    const line = (g: any) =>
      `${g.stack}: ${g.principal} ${g.role} on ${g.target}${g.condition ? ` if ${g.condition.title}` : ''}`;
    expect(diff.added.map(line)).toEqual([
      'orders: allUsers roles/run.servicesInvoker on cloud_run_v2_service acme-prod/europe-west1/api',
      'reports: group:analysts@example.com roles/storage.objectViewer on storage_bucket acme-reports',
      'orders: group:ci@example.com roles/iam.serviceAccountUser on service_account projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com',
      'orders: group:ops@example.com roles/logging.viewer on project acme-prod',
    ]);
    expect(diff.removed.map(line)).toEqual([
      'legacy: group:old@example.com roles/logging.viewer on project acme-prod',
    ]);
    expect(diff.changed.map((c: any) => [line(c.from), c.to.role])).toEqual([
      [
        'orders: serviceAccount:api-run@acme-prod.iam.gserviceaccount.com roles/storage.objectViewer on storage_bucket acme-data if objects under in/',
        'roles/storage.objectUser',
      ],
    ]);
    expect(diff.escalations.map((e: any) => e.kind)).toEqual([
      'public-access',
      'impersonation',
      'project-wide',
      'wider-role',
      'federation-trust',
      'federation-condition',
      'audit-logs',
    ]);
    expect(diff.federation.added.map((t: any) => t.name)).toEqual(['acme-prod/ci-pool/entra']);
    expect(diff.federation.changed.map((c: any) => c.to.name)).toEqual([
      'acme-prod/ci-pool/github',
    ]);
    expect(diff.auditLogs.removed.map((a: any) => `${a.target} ${a.service}`)).toEqual([
      'project acme-prod storage.googleapis.com',
    ]);
    expect(diff.summary.stacks).toEqual({
      base: ['legacy', 'orders'],
      head: ['orders', 'reports'],
      added: ['reports'],
      removed: ['legacy'],
    });
  });

  test('--fail-on-escalation exits 0 when nothing escalates, 1 when something does; without it, 0', () => {
    expect(cli(['diff', before, before, '--fail-on-escalation']).code).toBe(0);
    // Going back: the narrower bucket role and the audit logs are no escalation; the legacy
    // grant on the project and the GitHub condition are.
    const back = cli(['diff', after, before, '--format', 'json', '--fail-on-escalation']);
    expect(back.code).toBe(1);
    expect(JSON.parse(back.out).escalations.map((e: any) => e.kind)).toEqual([
      'project-wide',
      'federation-condition',
    ]);
    const { code, out } = cli(['diff', before, after]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      '**Access review**: 4 grants added, 1 removed, 1 changed; 1 federation trust added, 1 changed; 1 audit log config removed; stack `reports` added; stack `legacy` removed; **7 escalations**.',
    );
  });

  test('one line when nothing changed', () => {
    const { code, out } = cli(['diff', examples, examples]);
    expect(code).toBe(0);
    expect(out).toBe('**Access review**: no access changes in 9 stacks.\n');
  });
});

describe('bad input: a message and exit 2, never a stack trace', () => {
  const malformed = folderWith({ 'stacks/a/cdk.tf.json': '{ "resource": ' });
  const empty = folderWith({});

  test.each([
    ['a missing folder', ['report', '/nonexistent/cdktf.out'], /no such file or folder/],
    ['an empty folder', ['report', empty], /no synthesized stacks found/],
    ['malformed JSON', ['report', malformed], /cdk\.tf\.json: not valid JSON/],
    ['a missing base', ['diff', '/nonexistent/base', empty], /\/nonexistent\/base: no such file/],
    ['malformed head JSON', ['diff', examples, malformed], /not valid JSON/],
    [
      'one folder for diff',
      ['diff', examples],
      /needs the base and the head folder \(got 1 argument\)/,
    ],
    ['two folders for report', ['report', examples, examples], /takes one folder/],
    [
      'an unknown format',
      ['diff', examples, examples, '--format', 'sarif'],
      /--format must be one of markdown, json/,
    ],
  ])('%s', (_, args, message) => {
    const { code, out, err } = cli(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('in a child process, malformed JSON is one message', () => {
    const { code, err } = cliProcess(['diff', malformed, examples], folderWith({}));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^cdktf-guardrails diff: .*cdk\.tf\.json: not valid JSON/);
  });
});
