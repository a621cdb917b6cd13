import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { TerraformStack } from 'cdktf';
import {
  CloudRunIngress,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  WorkloadIdentityPool,
} from '../../lib';
import type { AccessDiff } from '../../lib/report/access-diff';
import { diffJson } from '../../lib/report/formats/diff-json';
import { diffMarkdown } from '../../lib/report/formats/diff-markdown';
import { diffOf, grantLine } from './report-helpers';

const VAULT = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';

interface AppOptions {
  /** Construct ids, to rename them. */
  readonly ids?: { api: string; web: string; bucket: string };
  /** Build the bucket before the services. */
  readonly bucketFirst?: boolean;
  readonly readWrite?: boolean;
  readonly prefix?: string;
  readonly publicApi?: boolean;
  readonly auditLogs?: boolean;
}

/** A small app: an API invoked by a web frontend, reading a bucket under a prefix. */
function app(options: AppOptions = {}) {
  return (stack: TerraformStack) => {
    const ids = options.ids ?? { api: 'api', web: 'web', bucket: 'data' };
    const bucket = () =>
      new ScopedBucket(stack, ids.bucket, {
        project: 'acme-prod',
        bucketName: 'acme-data',
        location: 'europe-west1',
        auditLogs: options.auditLogs,
      });
    const early = options.bucketFirst ? bucket() : undefined;
    const web = new SecureCloudRunService(stack, ids.web, {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'web',
      image: 'europe-west1-docker.pkg.dev/acme-prod/apps/web:1.0.0',
    });
    const api = new SecureCloudRunService(stack, ids.api, {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'api',
      image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
      ...(options.publicApi
        ? {
            ingress: CloudRunIngress.ALL,
            publicAccess: { reason: 'Webhook called by the payment provider' },
          }
        : {}),
    });
    // The frontend calls the API through a load balancer (internal ingress).
    api.grantInvoke(web, { throughLoadBalancer: true });
    const data = early ?? bucket();
    const prefix = options.prefix === undefined ? {} : { prefix: options.prefix };
    if (options.readWrite) data.grantReadWrite(api, prefix);
    else data.grantRead(api, prefix);
  };
}

/** Kinds of the escalations, in order. */
const kinds = (diff: AccessDiff) => diff.escalations.map((e) => e.kind);

/** Nothing added, removed or changed, and no escalation. */
function expectNoChange(diff: AccessDiff) {
  expect({
    added: diff.grants.added.map(grantLine),
    removed: diff.grants.removed.map(grantLine),
    changed: diff.grants.changed.length,
    trusts: [diff.trusts.added, diff.trusts.removed, diff.trusts.changed].flat().length,
    auditLogs: [diff.auditLogs.added, diff.auditLogs.removed, diff.auditLogs.changed].flat().length,
    escalations: diff.escalations,
  }).toEqual({ added: [], removed: [], changed: 0, trusts: 0, auditLogs: 0, escalations: [] });
}

describe('diffAccess matches grants by what they grant', () => {
  test('renaming constructs and creating them in another order is no change', () => {
    // GIVEN the same access, with other construct ids (so other addresses) and another order
    const diff = diffOf(
      app(),
      app({ ids: { api: 'orders-api', web: 'frontend', bucket: 'uploads' }, bucketFirst: true }),
    );
    // THEN nothing changed, and the Markdown is one line
    expect(diff.head.grants.map((g) => g.address)).not.toEqual(
      diff.base.grants.map((g) => g.address),
    );
    expectNoChange(diff);
    expect(diffMarkdown(diff)).toBe('**Access review**: no access changes in 1 stack.\n');
  });

  test('renaming a stack is no access change; the stacks added and removed are reported', () => {
    const diff = diffOf({ orders: app() }, { 'orders-v2': app() });
    expectNoChange(diff);
    expect([diff.stacksAdded, diff.stacksRemoved]).toEqual([['orders-v2'], ['orders']]);
    expect(diffMarkdown(diff)).toBe(
      '**Access review**: stack `orders-v2` added; stack `orders` removed; no escalation.\n',
    );
  });

  test('a grant moved to another stack is no change', () => {
    const grant = (stack: TerraformStack) =>
      new ProjectIamMember(stack, 'logs', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        member: 'group:ops@example.com',
      });
    const diff = diffOf({ a: grant, b: () => undefined }, { a: () => undefined, b: grant });
    expectNoChange(diff);
  });

  test('one grant written in two stacks is matched one for one: dropping one copy removes it', () => {
    const grant = (stack: TerraformStack) =>
      new ProjectIamMember(stack, 'logs', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        member: 'group:ops@example.com',
      });
    const both = { a: grant, b: grant };
    expectNoChange(diffOf(both, both));
    const dropped = diffOf(both, { a: grant, b: () => undefined });
    expect(dropped.grants.added).toEqual([]);
    expect(dropped.grants.changed).toEqual([]);
    expect(dropped.grants.removed.map((g) => [g.stack, grantLine(g)])).toEqual([
      ['b', 'group:ops@example.com roles/logging.viewer on project acme-prod'],
    ]);
    const copied = diffOf({ a: grant }, both);
    expect(copied.grants.removed).toEqual([]);
    expect(copied.grants.added.map((g) => g.stack)).toEqual(['b']);
  });

  test('another invoker is one grant removed and one added, not a change', () => {
    const invoker = (member: string) => (stack: TerraformStack) => {
      const api = new SecureCloudRunService(stack, 'api', {
        project: 'acme-prod',
        location: 'europe-west1',
        serviceName: 'api',
        image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.0.0',
      });
      api.grantInvoke(Principal.group(member));
    };
    const diff = diffOf(invoker('a@example.com'), invoker('b@example.com'));
    expect(diff.grants.added.map(grantLine)).toEqual([
      'group:b@example.com roles/run.servicesInvoker on cloud_run_v2_service acme-prod/europe-west1/api',
    ]);
    expect(diff.grants.removed.map(grantLine)).toEqual([
      'group:a@example.com roles/run.servicesInvoker on cloud_run_v2_service acme-prod/europe-west1/api',
    ]);
    expect(diff.grants.changed).toEqual([]);
    expect(diff.escalations).toEqual([]);
  });
});

describe('diffAccess escalations', () => {
  test('public-access: a new grant to allUsers', () => {
    const diff = diffOf(app(), app({ publicApi: true }));
    expect(diff.grants.added.map(grantLine)).toEqual([
      'allUsers roles/run.servicesInvoker on cloud_run_v2_service acme-prod/europe-west1/api',
    ]);
    expect(kinds(diff)).toEqual(['public-access']);
    expect(diff.escalations[0].message).toBe(
      'allUsers gets roles/run.servicesInvoker on cloud_run_v2_service acme-prod/europe-west1/api: anyone on the internet.',
    );
  });

  test('impersonation: actAs on a runtime account, and token creation', () => {
    const base = (stack: TerraformStack) =>
      new ServiceIdentity(stack, 'runtime', { project: 'acme-prod', accountId: 'api-run' });
    const diff = diffOf(base, (stack) => {
      base(stack).grantActAs(Principal.serviceAccount('ci@acme-ci.iam.gserviceaccount.com'));
      new ServiceAccountIamMember(stack, 'tokens', {
        serviceAccountId:
          'projects/acme-prod/serviceAccounts/api-run@acme-prod.iam.gserviceaccount.com',
        role: 'roles/iam.serviceAccountTokenCreator',
        member: 'group:ops@example.com',
      });
    });
    expect(kinds(diff)).toEqual(['impersonation', 'impersonation']);
    expect(diff.escalations.map((e) => e.grant!.role)).toEqual([
      'roles/iam.serviceAccountTokenCreator',
      'roles/iam.serviceAccountUser',
    ]);
    // The account of another project is flagged as such.
    expect(diff.escalations[1].grant!.flags).toEqual(['impersonation', 'cross-project']);
  });

  test('wider-role: objectViewer becomes objectUser on the same bucket and prefix', () => {
    const diff = diffOf(app({ prefix: 'in/' }), app({ prefix: 'in/', readWrite: true }));
    expect(diff.grants.added).toEqual([]);
    expect(diff.grants.removed).toEqual([]);
    expect(diff.grants.changed.map((c) => [c.from.role, c.to.role])).toEqual([
      ['roles/storage.objectViewer', 'roles/storage.objectUser'],
    ]);
    expect(kinds(diff)).toEqual(['wider-role']);
    expect(diff.escalations[0].message).toBe(
      'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com on storage_bucket acme-data: roles/storage.objectViewer (8 permissions) becomes roles/storage.objectUser (27 permissions).',
    );
    // The reverse narrows: a change, no escalation.
    const back = diffOf(app({ prefix: 'in/', readWrite: true }), app({ prefix: 'in/' }));
    expect(back.grants.changed).toHaveLength(1);
    expect(back.escalations).toEqual([]);
  });

  test('wider-role: an Azure role with more operations on the same secret', () => {
    const assignment = (role: string) => (stack: TerraformStack) =>
      new RoleAssignment(stack, 'reader', {
        scope: `${VAULT}/secrets/db`,
        roleDefinitionName: role,
        principalId: '22222222-2222-2222-2222-222222222222',
      });
    const diff = diffOf(
      assignment('Key Vault Secrets User'),
      assignment('Key Vault Secrets Officer'),
    );
    expect(kinds(diff)).toEqual(['wider-role']);
    expect(diff.escalations[0].message).toMatch(
      /Key Vault Secrets User \(2 permissions\) becomes Key Vault Secrets Officer \(\d+ permissions\)/,
    );
  });

  test('wider-role: a custom role of the stack that gains a permission', () => {
    const custom = (permissions: string[]) => (stack: TerraformStack) => {
      const role = new ProjectIamCustomRole(stack, 'role', {
        project: 'acme-prod',
        roleId: 'predictor',
        title: 'Predictor',
        permissions,
      });
      new ProjectIamMember(stack, 'grant', {
        project: 'acme-prod',
        role: role.name,
        member: 'group:ml@example.com',
      });
    };
    const diff = diffOf(
      custom(['aiplatform.endpoints.predict']),
      custom(['aiplatform.endpoints.predict', 'iam.serviceAccounts.actAs']),
    );
    expect(diff.grants.changed.map((c) => [c.from.permissions, c.to.permissions])).toEqual([
      [1, 2],
    ]);
    // The new permission is actAs: impersonation too.
    expect(kinds(diff)).toEqual(['impersonation', 'wider-role']);
  });

  test('condition-removed: the prefix is dropped, so the whole bucket', () => {
    const diff = diffOf(app({ prefix: 'in/' }), app());
    expect(diff.grants.changed.map((c) => [c.from.condition?.title, c.to.condition])).toEqual([
      ['objects under in/', undefined],
    ]);
    expect(kinds(diff)).toEqual(['condition-removed']);
  });

  test('project-wide: a new grant on the project', () => {
    const diff = diffOf(app(), (stack) => {
      app()(stack);
      new ProjectIamMember(stack, 'logs', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        member: 'group:ops@example.com',
      });
    });
    expect(kinds(diff)).toEqual(['project-wide']);
    expect(diff.escalations[0].message).toBe(
      'group:ops@example.com gets roles/logging.viewer on project acme-prod: it reaches every resource of the project.',
    );
  });

  test('federation-trust and federation-condition: a new provider, and a changed condition', () => {
    const pool =
      (repositories?: string[], azure = false) =>
      (stack: TerraformStack) => {
        const p = new WorkloadIdentityPool(stack, 'pool', {
          project: 'acme-prod',
          poolId: 'ci-pool',
        });
        p.addGitHubActionsProvider('github', { repositoryOwner: 'acme', repositories });
        if (azure) {
          p.addAzureAdProvider('entra', {
            tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
            allowedAudiences: ['api://acme-gcp'],
          });
        }
      };
    const added = diffOf(pool(), pool(undefined, true));
    expect(kinds(added)).toEqual(['federation-trust']);
    expect(added.trusts.added.map((t) => `${t.kind} ${t.name}`)).toEqual([
      'oidc acme-prod/ci-pool/entra',
    ]);
    const changed = diffOf(pool(), pool(['acme/api']));
    expect(kinds(changed)).toEqual(['federation-condition']);
    expect(changed.trusts.changed[0].to.condition).toContain("assertion.repository == 'acme/api'");
    expect(changed.escalations[0].message).toMatch(
      /^Federation trust oidc acme-prod\/ci-pool\/github changes: .* -> .*acme\/api/,
    );
  });

  test('audit-logs: turned off, a log type dropped, members exempted', () => {
    expect(kinds(diffOf(app(), app({ auditLogs: false })))).toEqual(['audit-logs']);
    const audit =
      (logTypes: Array<{ logType: string; exemptedMembers?: string[] }>) =>
      (stack: TerraformStack) =>
        new ProjectIamAuditConfig(stack, 'audit', {
          project: 'acme-prod',
          service: 'iam.googleapis.com',
          auditLogConfig: logTypes,
        });
    const all = audit([{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }]);
    const narrowed = diffOf(
      all,
      audit([
        {
          logType: 'ADMIN_READ',
          exemptedMembers: ['serviceAccount:bot@acme-prod.iam.gserviceaccount.com'],
        },
      ]),
    );
    expect(narrowed.escalations.map((e) => e.message)).toEqual([
      'Audit logs of iam.googleapis.com on project acme-prod are narrowed: ADMIN_READ exempts serviceAccount:bot@acme-prod.iam.gserviceaccount.com; DATA_READ no longer logged.',
    ]);
    // More logging is a change, not an escalation.
    const widened = diffOf(audit([{ logType: 'ADMIN_READ' }]), all);
    expect(widened.auditLogs.changed).toHaveLength(1);
    expect(widened.escalations).toEqual([]);
  });
});

describe('diff output', () => {
  const diff = diffOf(app({ prefix: 'in/' }), (stack) => {
    app({ prefix: 'in/', readWrite: true, publicApi: true })(stack);
    new ProjectIamMember(stack, 'logs', {
      project: 'acme-prod',
      role: 'roles/logging.viewer',
      member: 'group:ops@example.com',
    });
  });

  test('Markdown for a pull-request comment: summary line, escalations, grants added and changed', () => {
    const markdown = diffMarkdown(diff);
    expect(markdown.split('\n')[0]).toBe(
      '**Access review**: 2 grants added, 1 changed; **3 escalations**.',
    );
    expect(markdown).toMatchSnapshot();
  });

  test('JSON: added, removed and escalations in the documented shape', () => {
    const json = diffJson(diff) as any;
    expect(Object.keys(json)).toEqual([
      'summary',
      'added',
      'removed',
      'changed',
      'federation',
      'auditLogs',
      'escalations',
    ]);
    expect(json.summary).toMatchObject({ added: 2, removed: 0, changed: 1, escalations: 3 });
    for (const grant of [...json.added, ...json.changed.flatMap((c: any) => [c.from, c.to])]) {
      expect(Object.keys(grant)).toEqual([
        'stack',
        'principal',
        'role',
        'permissions',
        'target',
        'condition',
        'address',
        'path',
        'flags',
      ]);
    }
    expect(json.escalations.map((e: any) => [e.kind, e.grant.role])).toEqual([
      ['public-access', 'roles/run.servicesInvoker'],
      ['project-wide', 'roles/logging.viewer'],
      ['wider-role', 'roles/storage.objectUser'],
    ]);
    expect(json.escalations.every((e: any) => typeof e.message === 'string')).toBe(true);
  });
});
