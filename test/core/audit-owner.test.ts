import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, Testing, Token } from 'cdktf';
import {
  AuditLogs,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  WorkloadIdentityPool,
} from '../../lib';
import { bodiesOf, infosOf, Synthesized } from '../helpers';

function googleStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new GoogleProvider(stack, 'google', { project: 'acme-prod' });
  return stack;
}

function synthStack(stack: TerraformStack): Synthesized {
  const json = JSON.parse(Testing.synth(stack, true)) as Synthesized;
  json.resource ??= {};
  return json;
}

/** `project/service` of every audit config a stack writes, sorted. */
function auditConfigs(stack: TerraformStack): string[] {
  return bodiesOf(synthStack(stack), 'google_project_iam_audit_config')
    .map((c) => `${c.project}/${c.service}`)
    .sort();
}

/** Two stacks of one app in one project that both read secrets and own a bucket. */
function twoWorkloadStacks(app: App): { orders: TerraformStack; billing: TerraformStack } {
  const orders = googleStack(app, 'orders');
  new SecureCloudRunService(orders, 'api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'orders-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/orders-api:1.4.2',
    secrets: [{ name: 'DB_PASSWORD', secret: 'orders-db-password' }],
  });
  const billing = googleStack(app, 'billing');
  new SecureCloudRunService(billing, 'api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'billing-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/billing-api:2.0.0',
    secrets: [{ name: 'STRIPE_KEY', secret: 'billing-stripe-key' }],
  });
  new ScopedBucket(billing, 'invoices', {
    project: 'acme-prod',
    bucketName: 'acme-prod-invoices',
    location: 'europe-west1',
  });
  return { orders, billing };
}

describe('AuditLogs: one owning stack per project and service in an app', () => {
  test('two stacks in one project: the first to enable a service owns its config', () => {
    // GIVEN two stacks of one app that both read secrets in acme-prod
    const app = Testing.app();
    const { orders, billing } = twoWorkloadStacks(app);
    // THEN exactly one of them writes the Secret Manager audit config
    expect(auditConfigs(orders)).toEqual(['acme-prod/secretmanager.googleapis.com']);
    expect(auditConfigs(billing)).toEqual(['acme-prod/storage.googleapis.com']);
    // AND the other one says which stack it relies on
    expect(infosOf(billing)).toEqual([
      "billing/GuardrailsAuditLogs: the secretmanager.googleapis.com audit logs of project 'acme-prod' are written by stack 'orders' of this app (one owner per project and service); they are on once that stack is applied.",
    ]);
    expect(infosOf(orders)).toEqual([]);
  });

  test('a foundation stack named with designateOwner owns every config, whatever the construction order', () => {
    // GIVEN the workload stacks are constructed first, and the foundation stack last
    const app = Testing.app();
    const { orders, billing } = twoWorkloadStacks(app);
    const foundation = googleStack(app, 'foundation');
    AuditLogs.designateOwner(foundation);
    // THEN the foundation stack writes every config of the app, and the others none
    expect(auditConfigs(foundation)).toEqual([
      'acme-prod/secretmanager.googleapis.com',
      'acme-prod/storage.googleapis.com',
    ]);
    expect(auditConfigs(orders)).toEqual([]);
    expect(auditConfigs(billing)).toEqual([]);
    expect(infosOf(orders)).toEqual([
      expect.stringContaining(
        "the secretmanager.googleapis.com audit logs of project 'acme-prod' are written by stack 'foundation'",
      ),
    ]);
  });

  test('the owner and the addresses are the same when the foundation stack comes first', () => {
    const addresses = (foundationFirst: boolean) => {
      const app = Testing.app();
      let foundation: TerraformStack | undefined;
      if (foundationFirst) {
        foundation = googleStack(app, 'foundation');
        AuditLogs.designateOwner(foundation);
      }
      twoWorkloadStacks(app);
      if (!foundationFirst) {
        foundation = googleStack(app, 'foundation');
        AuditLogs.designateOwner(foundation);
      }
      return Object.keys(
        synthStack(foundation!).resource.google_project_iam_audit_config ?? {},
      ).sort();
    };
    expect(addresses(true)).toHaveLength(2);
    expect(addresses(true)).toEqual(addresses(false));
  });

  test('the owner enables services it never used itself: later stacks rely on it', () => {
    const app = Testing.app();
    const foundation = googleStack(app, 'foundation');
    AuditLogs.designateOwner(foundation);
    const ci = googleStack(app, 'ci');
    new WorkloadIdentityPool(ci, 'pool', { project: 'acme-prod', poolId: 'ci-pool' });
    expect(auditConfigs(ci)).toEqual([]);
    expect(auditConfigs(foundation)).toEqual([
      'acme-prod/iam.googleapis.com',
      'acme-prod/iamcredentials.googleapis.com',
      'acme-prod/sts.googleapis.com',
    ]);
  });

  test('other projects and services are owned separately', () => {
    const app = Testing.app();
    const a = googleStack(app, 'a');
    const b = googleStack(app, 'b');
    AuditLogs.of(a).enable('acme-prod', 'storage.googleapis.com');
    AuditLogs.of(b).enable('acme-data', 'storage.googleapis.com');
    AuditLogs.of(b).enable('acme-prod', 'storage.googleapis.com');
    AuditLogs.of(b).enable('acme-prod', 'run.googleapis.com');
    expect(auditConfigs(a)).toEqual(['acme-prod/storage.googleapis.com']);
    expect(auditConfigs(b)).toEqual([
      'acme-data/storage.googleapis.com',
      'acme-prod/run.googleapis.com',
    ]);
  });

  test('a stack that relies on another is noted once per config', () => {
    const app = Testing.app();
    const a = googleStack(app, 'a');
    const b = googleStack(app, 'b');
    AuditLogs.of(a).enable('acme-prod', 'iamcredentials.googleapis.com');
    const job = new ServiceIdentity(b, 'job', { project: 'acme-prod', accountId: 'sync-job' });
    AuditLogs.of(b).enable('acme-prod', 'iamcredentials.googleapis.com');
    AuditLogs.of(job).enable('acme-prod', 'iamcredentials.googleapis.com');
    expect(infosOf(b)).toHaveLength(1);
    expect(auditConfigs(b)).toEqual([]);
  });

  test('a project given by reference stays with the stack that enables it', () => {
    const app = Testing.app();
    const a = googleStack(app, 'a');
    const b = googleStack(app, 'b');
    const project = Token.asString({ Ref: 'project' });
    AuditLogs.of(a).enable(project, 'storage.googleapis.com');
    AuditLogs.of(b).enable(project, 'storage.googleapis.com');
    expect(AuditLogs.of(a).configurations).toHaveLength(1);
    expect(AuditLogs.of(b).configurations).toHaveLength(1);
  });

  test('fails if a second stack of the app is named owner', () => {
    const app = Testing.app();
    AuditLogs.designateOwner(googleStack(app, 'foundation'));
    expect(() => AuditLogs.designateOwner(googleStack(app, 'platform'))).toThrow(
      "AuditLogs.designateOwner: 'scope' names stack 'platform', but stack 'foundation' already owns the audit configs of this app. Name one owning stack per app; the other stacks rely on it.",
    );
  });

  test('separate apps do not share owners', () => {
    const one = googleStack(Testing.app(), 'orders');
    const two = googleStack(Testing.app(), 'orders');
    AuditLogs.of(one).enable('acme-prod', 'storage.googleapis.com');
    AuditLogs.of(two).enable('acme-prod', 'storage.googleapis.com');
    expect(auditConfigs(one)).toEqual(auditConfigs(two));
  });
});
