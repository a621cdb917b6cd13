import { App, Lazy, TerraformStack, Testing } from 'cdktf';
import { buildExamples } from '../../examples/app';
import {
  AccessReport,
  Grant,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  WorkloadIdentityPool,
} from '../../lib';
import { cli, folderWith } from '../cli/cli-helpers';
import { providerStack } from './report-helpers';

/** Builds a few grants of different kinds, in an order and with ids that the options change. */
function build(stack: TerraformStack, options: { reversed?: boolean; prefix?: string } = {}) {
  const p = options.prefix ?? '';
  const steps = [
    () => {
      const api = new SecureCloudRunService(stack, `${p}api`, {
        project: 'acme-prod',
        location: 'europe-west1',
        serviceName: 'api',
        image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
      });
      api.grantDeploy(Principal.group('deployers@example.com'));
      new VertexEndpointCaller(stack, `${p}predict`, {
        caller: api,
        project: 'acme-prod',
        region: 'europe-west1',
        endpointId: '4451820917340110848',
      });
    },
    () => {
      const pool = new WorkloadIdentityPool(stack, `${p}pool`, {
        project: 'acme-prod',
        poolId: 'ci-pool',
      });
      const github = pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
      new ScopedBucket(stack, `${p}exports`, {
        project: 'acme-prod',
        bucketName: 'acme-exports',
        location: 'europe-west1',
      }).grantRead(github.principalForRepository('acme/reports'), { prefix: 'daily/' });
    },
  ];
  (options.reversed ? steps.reverse() : steps).forEach((step) => step());
}

/** Creates tokens, as earlier tests in the same process would, so token numbers shift. */
function burnTokens(): void {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'burn');
  for (let i = 0; i < 500; i++) Lazy.stringValue({ produce: () => String(i) });
  new ScopedBucket(stack, 'b', { project: 'p-1234', bucketName: 'burn-bucket', location: 'EU' });
}

describe('AccessReport', () => {
  test('the text of the examples: every grant, trust and audit log, without tokens or addresses', () => {
    const app = Testing.app();
    buildExamples(app);
    const text = AccessReport.of(app).toText();
    expect(text).not.toMatch(/TfToken|\$\{|_[0-9A-F]{8}\b/);
    expect(text).toMatchSnapshot();
  });

  test('the text is the same whatever the construct ids, creation order and token numbers', () => {
    const first = providerStack();
    build(first);
    burnTokens();
    const second = providerStack();
    build(second, { reversed: true, prefix: 'renamed-' });
    expect(AccessReport.of(second).toText()).toBe(AccessReport.of(first).toText());
    expect(AccessReport.of(second).grants.map((g) => g.address)).not.toEqual(
      AccessReport.of(first).grants.map((g) => g.address),
    );
  });

  test('grants are readable values', () => {
    const stack = providerStack();
    build(stack);
    const report = AccessReport.of(stack);
    expect(report.grants.map((g) => `${g.principal} ${g.role} ${g.permissions ?? '?'}`)).toEqual([
      'group:deployers@example.com roles/iam.serviceAccountUser 5',
      'group:deployers@example.com roles/run.developer 89',
      'principalSet://iam.googleapis.com/<pool acme-prod/ci-pool>/attribute.repository/acme/reports roles/storage.objectViewer 8',
      expect.stringMatching(
        /^serviceAccount:api-run@acme-prod\.iam\.gserviceaccount\.com projects\/acme-prod\/roles\/guardrailsVertexPredict 1$/,
      ),
    ]);
    const read = report.grants[2];
    expect(read).toMatchObject({
      stack: 'app',
      target: 'storage_bucket acme-exports',
      conditionTitle: 'objects under daily/',
      flags: ['federated'],
    });
    expect(read.conditionExpression).toContain('objects/daily/');
  });

  test('toJson() is what `cdktf-guardrails report --format json` prints for the same stack', () => {
    const outdir = folderWith({});
    const app = new App({ outdir, stackTraces: false });
    build(providerStack(app));
    const json = AccessReport.of(app).toJson();
    app.synth();
    expect(JSON.parse(cli(['report', outdir, '--format', 'json']).out)).toEqual(json);
    expect(AccessReport.of(app).toMarkdown()).toBe(cli(['report', outdir]).out);
  });

  test('fails if the scope is not a construct', () => {
    expect(() => AccessReport.of({} as never)).toThrow(
      "AccessReport.of: 'scope' must be a construct (got {}). Pass a TerraformStack, a construct in one, or an App.",
    );
  });
});

describe('Grant.of', () => {
  test('returns readable values, the same whatever ran before', () => {
    const values = () => {
      const stack = providerStack();
      build(stack);
      return Grant.of(stack).map((g) => [
        g.principal.member,
        g.role,
        g.resource,
        g.condition?.title,
        g.paths,
      ]);
    };
    const first = values();
    burnTokens();
    expect(values()).toEqual(first);
    expect(JSON.stringify(first)).not.toMatch(/TfToken|\$\{/);
    expect(first.map((v) => v[0])).toEqual([
      'group:deployers@example.com',
      'group:deployers@example.com',
      'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com',
      'principalSet://iam.googleapis.com/<pool acme-prod/ci-pool>/attribute.repository/acme/reports',
    ]);
  });

  test('shows Terraform expressions when the stack cannot be resolved yet', () => {
    const stack = providerStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    const deployer = new ServiceIdentity(stack, 'deployer', {
      project: 'acme-prod',
      accountId: 'deployer',
    });
    identity.grantActAs(deployer);
    new ScopedBucket(stack, 'broken', {
      project: 'acme-prod',
      bucketName: 'acme-broken',
      location: 'europe-west1',
      labels: {
        team: Lazy.stringValue({
          produce: () => {
            throw new Error('not ready');
          },
        }),
      },
    });
    expect(() => Testing.synth(stack)).toThrow('not ready');
    const [grant] = Grant.of(stack);
    expect(grant.resource).toMatch(/^service-account:/);
    expect(grant.principal.member).toMatch(
      /^(serviceAccount:)?\$\{google_service_account\.deployer_[A-Z0-9]+\.(email|member)\}$/,
    );
  });

  test('keeps the Terraform resources of the live grant', () => {
    const stack = providerStack();
    const api = new SecureCloudRunService(stack, 'api', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'api',
      image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
    });
    const live = api.grantInvoke(Principal.group('callers@example.com'));
    const [listed] = Grant.of(stack);
    expect(listed.resources).toEqual(live.resources);
    expect(listed.paths).toEqual(live.paths);
    expect(listed).not.toBe(live);
  });
});
