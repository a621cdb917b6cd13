// Acceptance (issue 14): a stack of raw provider resources with a planted violation of every
// rule gets a finding on each planted resource and none on the compliant ones, at synth and
// through `cdktf-guardrails check --format json` run in a child process; the acknowledged
// finding is reported as acknowledged and does not fail.
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { KeyVault, KeyVaultConfig } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import {
  BigqueryDataset,
  BigqueryDatasetAccess,
} from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import {
  CloudRunV2Service,
  CloudRunV2ServiceConfig,
} from '@cdktf/provider-google/lib/cloud-run-v2-service';
import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { ProjectIamBinding } from '@cdktf/provider-google/lib/project-iam-binding';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ProjectIamPolicy } from '@cdktf/provider-google/lib/project-iam-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';
import { StorageBucket, StorageBucketConfig } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketAcl } from '@cdktf/provider-google/lib/storage-bucket-acl';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { App, TerraformStack } from 'cdktf';
import { Guardrails } from '../../lib';
import { ALL_RULES } from '../../lib/rules/all-rules';
import { cliProcess, folderWith } from './cli-helpers';

const P = 'acme-prod';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Planted violations: construct id (= Terraform name) → the rules that must find it. */
const PLANTED: Record<string, string[]> = {
  'bad-basic-role': ['iam-basic-role'],
  'bad-public-member': ['iam-public-member'],
  'bad-authoritative': ['iam-authoritative-binding'],
  'bad-key': ['iam-service-account-key'],
  'bad-impersonation': ['iam-impersonation-broad'],
  'bad-privileged': ['iam-privileged-role-broad'],
  'bad-whole-pool': ['iam-broad-principal-set'],
  'bad-domain': ['iam-domain-member'],
  'bad-user': ['iam-user-broad-level'],
  'bad-default-account': ['iam-default-service-account'],
  'bad-vertex': ['iam-vertex-project-role'],
  'bad-secrets': ['iam-secret-accessor-project'],
  'bad-custom-role': ['iam-custom-role-escalation'],
  'bad-run-ingress': ['run-ingress-all'],
  'bad-run-default-account': ['run-default-service-account'],
  'bad-run-public': ['run-public-invoker'],
  'bad-run-deletion': ['run-deletion-protection-off'],
  'bad-run-env': ['run-plain-secret-env'],
  'bad-bucket-ubla': ['storage-uniform-access-off'],
  'bad-bucket-pap': ['storage-public-access-prevention'],
  'bad-bucket-acl': ['storage-public-acl'],
  'bad-bucket-versioning': ['storage-no-versioning-or-retention'],
  'bad-dataset-access': ['bigquery-dataset-access-conflict'],
  'bad-provider-no-condition': ['federation-provider-no-condition'],
  'bad-provider-no-claim': ['federation-condition-no-claim'],
  'bad-provider-entra': ['federation-entra-no-audience'],
  'bad-audit-exempt': ['audit-exempted-members'],
  'bad-audit-dup-1': ['audit-duplicate-config'],
  'bad-audit-dup-2': ['audit-duplicate-config'],
  'bad-project-policy': ['audit-policy-with-audit-config', 'iam-authoritative-binding'],
  'bad-kv-rbac': ['azure-key-vault-rbac-off'],
  'bad-kv-purge': ['azure-key-vault-purge-protection-off'],
  'bad-kv-network': ['azure-key-vault-network-open'],
  'bad-kv-audit': ['azure-key-vault-no-audit-events'],
  'bad-owner': ['azure-privileged-role-assignment'],
  'bad-issuer': ['azure-federated-credential-issuer'],
};
/** Planted and acknowledged in code. */
const ACKNOWLEDGED = { 'acked-run-ingress': 'run-ingress-all' };

function plantedStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'planted');
  new GoogleProvider(stack, 'google', { project: P });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const group = 'group:team@example.com';
  const projectGrant = (id: string, role: string, member = group) =>
    new ProjectIamMember(stack, id, { project: P, role, member });

  // IAM
  const account = new ServiceAccount(stack, 'good-account', { project: P, accountId: 'job-run' });
  projectGrant('good-project-grant', 'roles/logging.viewer');
  projectGrant('bad-basic-role', 'roles/editor');
  const bucket = (id: string, overrides: Partial<StorageBucketConfig> = {}) =>
    new StorageBucket(stack, id, {
      name: `acme-${id}`,
      location: 'EU',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      ...overrides,
    });
  const data = bucket('good-bucket');
  const bucketGrant = (id: string, member: string) =>
    new StorageBucketIamMember(stack, id, {
      bucket: data.name,
      role: 'roles/storage.objectViewer',
      member,
    });
  bucketGrant('good-bucket-grant', account.member);
  bucketGrant('bad-public-member', 'allUsers');
  bucketGrant('bad-domain', 'domain:example.com');
  new ProjectIamBinding(stack, 'bad-authoritative', {
    project: P,
    role: 'roles/monitoring.viewer',
    members: [group],
  });
  new ServiceAccountKey(stack, 'bad-key', { serviceAccountId: account.name });
  projectGrant('bad-impersonation', 'roles/iam.serviceAccountTokenCreator');
  new ServiceAccountIamMember(stack, 'good-actas', {
    serviceAccountId: account.name,
    role: 'roles/iam.serviceAccountUser',
    member: group,
  });
  projectGrant('bad-privileged', 'roles/resourcemanager.projectIamAdmin');
  new ServiceAccountIamMember(stack, 'bad-whole-pool', {
    serviceAccountId: account.name,
    role: 'roles/iam.workloadIdentityUser',
    member:
      'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*',
  });
  projectGrant('bad-user', 'roles/logging.viewer', 'user:alice@example.com');
  projectGrant(
    'bad-default-account',
    'roles/logging.logWriter',
    'serviceAccount:123456789012-compute@developer.gserviceaccount.com',
  );
  projectGrant('bad-vertex', 'roles/aiplatform.user');
  projectGrant('bad-secrets', 'roles/secretmanager.secretAccessor');
  new ProjectIamCustomRole(stack, 'bad-custom-role', {
    project: P,
    roleId: 'deployer',
    title: 'Deployer',
    permissions: ['run.services.update', 'iam.serviceAccounts.actAs'],
  });
  new ProjectIamCustomRole(stack, 'good-custom-role', {
    project: P,
    roleId: 'predictor',
    title: 'Predictor',
    permissions: ['aiplatform.endpoints.predict'],
  });

  // Cloud Run
  const service = (id: string, overrides: Partial<CloudRunV2ServiceConfig> = {}) =>
    new CloudRunV2Service(stack, id, {
      project: P,
      location: 'europe-west1',
      name: id,
      ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      template: {
        serviceAccount: account.email,
        containers: [{ image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1' }],
      },
      ...overrides,
    });
  const api = service('good-service');
  service('bad-run-ingress', { ingress: 'INGRESS_TRAFFIC_ALL' });
  const acked = service('acked-run-ingress', { ingress: 'INGRESS_TRAFFIC_ALL' });
  Guardrails.acknowledge(acked, 'run-ingress-all', 'Called by partners through our API gateway');
  service('bad-run-default-account', {
    template: { containers: [{ image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1' }] },
  });
  service('bad-run-deletion', { deletionProtection: false });
  service('bad-run-env', {
    template: {
      serviceAccount: account.email,
      containers: [
        {
          image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1',
          env: [{ name: 'API_TOKEN', value: 'abc' }],
        },
      ],
    },
  });
  const invoker = (id: string, member: string) =>
    new CloudRunV2ServiceIamMember(stack, id, {
      project: P,
      location: 'europe-west1',
      name: api.name,
      role: 'roles/run.invoker',
      member,
    });
  invoker('good-invoker', account.member);
  invoker('bad-run-public', 'allUsers');

  // Storage
  bucket('bad-bucket-ubla', { uniformBucketLevelAccess: false });
  bucket('bad-bucket-pap', { publicAccessPrevention: 'inherited' });
  bucket('bad-bucket-versioning', { versioning: { enabled: false } });
  new StorageBucketAcl(stack, 'bad-bucket-acl', {
    bucket: data.name,
    roleEntity: ['READER:allUsers'],
  });

  // BigQuery: access blocks beside an IAM member on one dataset; IAM members only on another.
  const dataset = (id: string, access?: BigqueryDatasetAccess[]) =>
    new BigqueryDataset(stack, id, { project: P, datasetId: id.replace(/-/g, '_'), access });
  const datasetGrant = (id: string, on: BigqueryDataset) =>
    new BigqueryDatasetIamMember(stack, id, {
      project: on.project,
      datasetId: on.datasetId,
      role: 'roles/bigquery.dataViewer',
      member: account.member,
    });
  datasetGrant('good-dataset-grant', dataset('good-dataset'));
  datasetGrant(
    'good-dataset-grant-on-bad',
    dataset('bad-dataset-access', [{ role: 'READER', groupByEmail: 'analysts@example.com' }]),
  );

  // Federation
  const provider = (
    id: string,
    issuerUri: string,
    attributeCondition?: string,
    allowedAudiences?: string[],
  ) =>
    new IamWorkloadIdentityPoolProvider(stack, id, {
      project: P,
      workloadIdentityPoolId: 'ci',
      workloadIdentityPoolProviderId: id,
      attributeMapping: { 'google.subject': 'assertion.sub' },
      attributeCondition,
      oidc: { issuerUri, allowedAudiences },
    });
  provider(
    'good-provider',
    'https://token.actions.githubusercontent.com',
    "assertion.repository_owner_id == '42'",
  );
  provider('good-entra', `https://sts.windows.net/${TENANT}/`, `assertion.tid == '${TENANT}'`, [
    'api://acme-gcp',
  ]);
  provider('bad-provider-no-condition', 'https://token.actions.githubusercontent.com');
  provider('bad-provider-no-claim', 'https://token.actions.githubusercontent.com', 'true');
  provider(
    'bad-provider-entra',
    `https://sts.windows.net/${TENANT}/`,
    `assertion.tid == '${TENANT}'`,
  );

  // Audit
  const audit = (id: string, service: string, exemptedMembers?: string[]) =>
    new ProjectIamAuditConfig(stack, id, {
      project: P,
      service,
      auditLogConfig: [
        { logType: 'ADMIN_READ' },
        { logType: 'DATA_READ', exemptedMembers },
        { logType: 'DATA_WRITE' },
      ],
    });
  audit('good-audit', 'iam.googleapis.com');
  audit('bad-audit-exempt', 'storage.googleapis.com', ['group:etl@example.com']);
  audit('bad-audit-dup-1', 'run.googleapis.com');
  audit('bad-audit-dup-2', 'run.googleapis.com');
  new ProjectIamPolicy(stack, 'bad-project-policy', { project: P, policyData: '{"bindings":[]}' });

  // Azure
  const vault = (id: string, overrides: Partial<KeyVaultConfig> = {}, audited = true) => {
    const kv = new KeyVault(stack, id, {
      name: id,
      location: 'westeurope',
      resourceGroupName: 'rg',
      tenantId: TENANT,
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
      ...overrides,
    });
    if (audited) {
      new MonitorDiagnosticSetting(stack, `${id}-audit`, {
        name: 'audit',
        targetResourceId: kv.id,
        logAnalyticsWorkspaceId:
          '/subscriptions/1/resourceGroups/o/providers/Microsoft.OperationalInsights/workspaces/w',
        enabledLog: [{ category: 'AuditEvent' }],
      });
    }
    return kv;
  };
  const kv = vault('good-kv');
  vault('bad-kv-rbac', { rbacAuthorizationEnabled: false });
  vault('bad-kv-purge', { purgeProtectionEnabled: false });
  vault('bad-kv-network', { networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' } });
  vault('bad-kv-audit', {}, false);
  new RoleAssignment(stack, 'good-secret-reader', {
    scope: `${kv.id}/secrets/db`,
    roleDefinitionName: 'Key Vault Secrets User',
    principalId: '00000000-0000-0000-0000-000000000001',
  });
  new RoleAssignment(stack, 'bad-owner', {
    scope: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg',
    roleDefinitionName: 'Owner',
    principalId: '00000000-0000-0000-0000-000000000001',
  });
  const credential = (id: string, issuer: string) =>
    new FederatedIdentityCredential(stack, id, {
      name: id,
      resourceGroupName: 'rg',
      parentId:
        '/subscriptions/1/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader',
      issuer,
      subject: '1234567890',
      audience: ['api://AzureADTokenExchange'],
    });
  credential('good-issuer', 'https://accounts.google.com');
  credential('bad-issuer', 'https://tokens.example.net');
  return stack;
}

/** (construct id → sorted rules) of findings, by the id at the end of the construct path. */
function byConstruct(findings: Array<{ path: string; rule: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) {
    const id = f.path.split('/')[1];
    (out[id] ??= []).push(f.rule);
  }
  for (const rules of Object.values(out)) rules.sort();
  return out;
}

test('every rule has a planted violation here', () => {
  const planted = new Set([...Object.values(PLANTED).flat(), ...Object.values(ACKNOWLEDGED)]);
  expect(ALL_RULES.map((r) => r.id).filter((id) => !planted.has(id))).toEqual([]);
});

test('at synth: each planted error is in the failure, each planted warning is printed, nothing else', () => {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const app = new App({ outdir: folderWith({}) });
    plantedStack(app);
    Guardrails.check(app);
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    const reported = [
      ...`${message}\n${printed}`.matchAll(/\[([a-z-]+)\] [^ ]+ \((planted\/[^)]+)\)/g),
    ].map((m) => ({
      rule: m[1],
      path: m[2],
    }));
    expect(byConstruct(reported)).toEqual(PLANTED);
    const errors = ALL_RULES.filter((r) => r.severity === 'error').map((r) => r.id);
    for (const [id, rules] of Object.entries(PLANTED)) {
      for (const rule of rules) {
        const where = errors.includes(rule) ? message : printed;
        expect({
          id,
          rule,
          reported: where.includes(`[${rule}]`) && where.includes(`(planted/${id}`),
        }).toEqual({ id, rule, reported: true });
      }
    }
  } finally {
    stderr.mockRestore();
  }
});

test('cdktf-guardrails check --format json in a child process: the same findings, the acknowledged one marked', () => {
  const outdir = folderWith({});
  const app = new App({ outdir });
  plantedStack(app);
  app.synth();
  const { code, out, err } = cliProcess(['check', outdir, '--format', 'json'], outdir);
  expect(err).toBe('');
  expect(code).toBe(1);
  const findings = JSON.parse(out).findings as Array<{
    path: string;
    rule: string;
    acknowledged: boolean;
    reason?: string;
    stack: string;
  }>;
  expect(byConstruct(findings.filter((f) => !f.acknowledged))).toEqual(PLANTED);
  expect(findings.filter((f) => f.acknowledged)).toEqual([
    expect.objectContaining({
      rule: 'run-ingress-all',
      stack: 'planted',
      path: 'planted/acked-run-ingress',
      reason: 'Called by partners through our API gateway',
    }),
  ]);
});
