import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { DataGoogleIamPolicy } from '@cdktf/provider-google/lib/data-google-iam-policy';
import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { ProjectIamBinding } from '@cdktf/provider-google/lib/project-iam-binding';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { StorageBucketIamPolicy } from '@cdktf/provider-google/lib/storage-bucket-iam-policy';
import { Principal, ServiceIdentity } from '../../lib';
import { analyzeStack, StackInputError } from '../../lib/analysis/analyze';
import { AccessBinding, StackModel } from '../../lib/analysis/model';
import { permissionCountOf } from '../../lib/analysis/role-catalog';
import { gcpCatalog, testStack } from '../helpers';
import { synthToFolder } from './synth-output';

/** A stack of raw resources and library constructs, synthesized with metadata, as a model. */
function model(): StackModel {
  const stack = testStack();
  const runtime = new ServiceIdentity(stack, 'runtime', {
    project: 'acme-prod',
    accountId: 'api-run',
  });
  const raw = new ServiceAccount(stack, 'raw-account', { accountId: 'batch-job' }); // provider project
  const bucket = new StorageBucket(stack, 'bucket', { name: 'acme-data', location: 'EU' });
  new StorageBucketIamMember(stack, 'reader', {
    bucket: bucket.name,
    role: 'roles/storage.objectViewer',
    member: runtime.member,
    condition: { title: 'daily only', expression: 'resource.name.startsWith("x")' },
  });
  new StorageBucketIamMember(stack, 'writer', {
    bucket: bucket.name,
    role: 'roles/storage.objectCreator',
    member: `serviceAccount:${raw.email}`,
  });
  new ProjectIamMember(stack, 'person', {
    project: 'acme-prod',
    role: 'roles/logging.viewer',
    member: 'user:Alice@Example.COM',
  });
  new ProjectIamBinding(stack, 'binding', {
    project: 'acme-prod',
    role: 'roles/monitoring.viewer',
    members: ['group:ops@example.com', 'group:dev@example.com'],
  });
  const policy = new DataGoogleIamPolicy(stack, 'policy-data', {
    binding: [{ role: 'roles/storage.admin', members: ['group:storage-admins@example.com'] }],
    auditConfig: [
      {
        service: 'storage.googleapis.com',
        auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:Bot@example.com'] }],
      },
    ],
  });
  new StorageBucketIamPolicy(stack, 'bucket-policy', {
    bucket: bucket.name,
    policyData: policy.policyData,
  });
  const custom = new ProjectIamCustomRole(stack, 'custom', {
    project: 'acme-prod',
    roleId: 'predictor',
    title: 'Predictor',
    permissions: ['aiplatform.endpoints.predict'],
  });
  new ProjectIamMember(stack, 'custom-grant', {
    project: 'acme-prod',
    role: custom.name,
    member: Principal.group('ml@example.com').member,
  });
  new ProjectIamAuditConfig(stack, 'audit', {
    project: 'acme-prod',
    service: 'iam.googleapis.com',
    auditLogConfig: [{ logType: 'ADMIN_READ' }],
  });
  const identity = new UserAssignedIdentity(stack, 'identity', {
    name: 'reader',
    location: 'westeurope',
    resourceGroupName: 'rg',
  });
  const vault = new KeyVault(stack, 'vault', {
    name: 'kv',
    location: 'westeurope',
    resourceGroupName: 'rg',
    tenantId: '00000000-0000-0000-0000-000000000000',
    skuName: 'standard',
  });
  new RoleAssignment(stack, 'secret-reader', {
    scope: `${vault.id}/secrets/db`,
    roleDefinitionId:
      '/subscriptions/1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6',
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
  });
  new RoleAssignment(stack, 'sub-owner', {
    scope: '/subscriptions/00000000-1111-2222-3333-444444444444',
    roleDefinitionName: 'Owner',
    principalId: '11111111-1111-1111-1111-111111111111',
  });
  new FederatedIdentityCredential(stack, 'trust', {
    name: 'gcp',
    resourceGroupName: 'rg',
    parentId: identity.id,
    issuer: 'https://accounts.google.com',
    subject: '1234567890',
    audience: ['api://AzureADTokenExchange'],
  });
  const { json, file } = synthToFolder(stack);
  return analyzeStack(json, { file });
}

const m = model();
const byAddressPrefix = (prefix: string): AccessBinding[] =>
  m.bindings.filter((b) => b.resource.address.startsWith(prefix));

describe('analyzeStack', () => {
  test('indexes resources and data sources by address, with their construct paths', () => {
    expect(m.stack).toBe('test');
    const account = [...m.resources.values()].find((r) => r.path === 'test/runtime/Resource')!;
    expect(account.address).toMatch(/^google_service_account\.runtime_/);
    expect(m.resources.get(account.address)).toBe(account);
    expect([...m.resources.keys()].some((a) => a.startsWith('data.google_iam_policy.'))).toBe(true);
    expect(m.resourcesOfType('google_storage_bucket')).toHaveLength(1);
    expect(m.defaultProject).toBe('acme-prod');
  });

  test('resolves in-stack service account references to their email, with the provider project when none is given', () => {
    const members = byAddressPrefix('google_storage_bucket_iam_member.').map((b) => b.member);
    expect(members.sort()).toEqual([
      'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com',
      'serviceAccount:batch-job@acme-prod.iam.gserviceaccount.com',
    ]);
  });

  test('lower-cases emails, keeps what was written, and classifies the member', () => {
    const [person] = byAddressPrefix('google_project_iam_member.person');
    expect(person.member).toBe('user:alice@example.com');
    expect(person.memberText).toBe('user:Alice@Example.COM');
    expect(person.memberKind).toBe('user');
    const { level, type, id, project, address } = person.target;
    expect({ level, type, id, project, address }).toEqual({
      level: 'project',
      type: 'google_project',
      id: 'acme-prod',
      project: 'acme-prod',
      address: undefined,
    });
    expect(JSON.parse(JSON.stringify(person.target))).toEqual({ level, type, id, project });
  });

  test('a resource-level target names the referenced resource by its literal name and address', () => {
    const [reader] = byAddressPrefix('google_storage_bucket_iam_member.reader');
    expect(reader.target.level).toBe('resource');
    expect(reader.target.type).toBe('google_storage_bucket');
    expect(reader.target.id).toBe('acme-data');
    expect(reader.target.address).toMatch(/^google_storage_bucket\.bucket/);
    expect(reader.condition).toEqual({
      title: 'daily only',
      expression: 'resource.name.startsWith("x")',
      description: undefined,
    });
    expect(reader.mode).toBe('member');
  });

  test('expands authoritative bindings per member and policies through their google_iam_policy data source', () => {
    const binding = byAddressPrefix('google_project_iam_binding.');
    expect(binding.map((b) => [b.mode, b.member])).toEqual([
      ['binding', 'group:ops@example.com'],
      ['binding', 'group:dev@example.com'],
    ]);
    const policy = byAddressPrefix('google_storage_bucket_iam_policy.');
    expect(policy.map((b) => [b.mode, b.role, b.member, b.target.id])).toEqual([
      ['policy', 'roles/storage.admin', 'group:storage-admins@example.com', 'acme-data'],
    ]);
    const policyAudit = m.auditConfigs.find(
      (c) => c.resource.type === 'google_storage_bucket_iam_policy',
    )!;
    expect(policyAudit.logTypes).toEqual([
      { logType: 'DATA_READ', exemptedMembers: ['user:bot@example.com'] },
    ]);
  });

  test('resolves a custom role defined in the stack to its name, with its permissions', () => {
    const [grant] = byAddressPrefix('google_project_iam_member.custom-grant');
    expect(grant.role).toBe('projects/acme-prod/roles/predictor');
    expect(grant.customRolePermissions).toEqual(['aiplatform.endpoints.predict']);
    expect(permissionCountOf(grant)).toBe(1);
    const [person] = byAddressPrefix('google_project_iam_member.person');
    expect(permissionCountOf(person)).toBe(
      gcpCatalog().roles['roles/logging.viewer'].permissionCount,
    );
  });

  test('each binding names its address, construct path and stack', () => {
    for (const b of m.bindings) {
      expect({ address: b.address, path: b.path, stack: b.stack }).toEqual({
        address: b.resource.address,
        path: b.resource.path,
        stack: 'test',
      });
      expect(b.path).toMatch(/^test\//);
    }
  });

  test('describes references whose value only exists after apply by the resource they name', () => {
    const [secret] = byAddressPrefix('azurerm_role_assignment.secret-reader');
    expect(m.describe(secret.member)).toBe(
      '<azurerm_user_assigned_identity:rg/westeurope/reader>.principal_id',
    );
    expect(m.resolve(secret.member)).toBe(secret.member);
  });

  test('reads audit configs', () => {
    const audit = m.auditConfigs.find(
      (c) => c.resource.type === 'google_project_iam_audit_config',
    )!;
    expect(audit).toMatchObject({
      level: 'project',
      target: 'acme-prod',
      service: 'iam.googleapis.com',
    });
    expect(audit.logTypes).toEqual([{ logType: 'ADMIN_READ', exemptedMembers: [] }]);
  });

  test('reads Azure role assignments: role names from GUIDs, scope levels, referenced principals', () => {
    const [secret] = byAddressPrefix('azurerm_role_assignment.secret-reader');
    expect(secret.cloud).toBe('azure');
    expect(secret.role).toBe('Key Vault Secrets User');
    expect(secret.target.level).toBe('resource');
    expect(secret.target.type).toBe('azurerm_key_vault/secrets');
    expect(secret.target.id).toBe('<azurerm_key_vault:rg/westeurope/kv>.id/secrets/db');
    expect(secret.memberReferences[0]).toMatch(/^azurerm_user_assigned_identity\.identity/);
    expect(secret.principalType).toBe('ServicePrincipal');
    const [owner] = byAddressPrefix('azurerm_role_assignment.sub-owner');
    expect(owner.target.level).toBe('subscription');
    expect(owner.role).toBe('Owner');
  });

  test('reads federation trusts', () => {
    expect(m.federation).toEqual([
      expect.objectContaining({
        cloud: 'azure',
        kind: 'federated-credential',
        issuer: 'https://accounts.google.com',
        audiences: ['api://AzureADTokenExchange'],
        subject: '1234567890',
      }),
    ]);
  });

  test('reads a policy written as IAM API JSON, with its audit configs', () => {
    const policy = analyzeStack({
      resource: {
        google_project_iam_policy: {
          p: {
            project: 'acme-prod',
            policy_data: JSON.stringify({
              bindings: [
                { role: 'roles/viewer', members: ['user:A@example.com', 'group:g@example.com'] },
              ],
              auditConfigs: [
                {
                  service: 'allServices',
                  auditLogConfigs: [
                    { logType: 'DATA_READ', exemptedMembers: ['user:B@example.com'] },
                  ],
                },
              ],
            }),
          },
        },
      },
    });
    expect(
      policy.bindings.map((b) => [b.mode, b.target.level, b.target.id, b.role, b.member]),
    ).toEqual([
      ['policy', 'project', 'acme-prod', 'roles/viewer', 'user:a@example.com'],
      ['policy', 'project', 'acme-prod', 'roles/viewer', 'group:g@example.com'],
    ]);
    expect(policy.auditConfigs).toEqual([
      expect.objectContaining({
        level: 'project',
        target: 'acme-prod',
        service: 'allServices',
        logTypes: [{ logType: 'DATA_READ', exemptedMembers: ['user:b@example.com'] }],
      }),
    ]);
  });

  test('one role with and without a condition, and a referenced role, stay apart in every binding', () => {
    // Grants of a literal role without a condition are made once per role and shared; a
    // condition or a custom role must never leak into (or out of) that shared grant.
    const model = analyzeStack({
      resource: {
        google_project_iam_custom_role: {
          deployer: {
            project: 'acme-prod',
            role_id: 'deployer',
            permissions: ['run.services.get'],
          },
        },
        google_project_iam_member: {
          plain: { project: 'acme-prod', role: 'roles/viewer', member: 'user:a@example.com' },
          conditional: {
            project: 'acme-prod',
            role: 'roles/viewer',
            member: 'user:b@example.com',
            condition: {
              title: 'until 2030',
              expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
            },
          },
          again: { project: 'acme-prod', role: 'roles/viewer', member: 'user:c@example.com' },
          custom: {
            project: 'acme-prod',
            role: '${google_project_iam_custom_role.deployer.name}',
            member: 'user:d@example.com',
          },
        },
      },
    });
    expect(
      model.bindings.map((b) => [b.member, b.role, b.condition?.title, b.customRolePermissions]),
    ).toEqual([
      ['user:a@example.com', 'roles/viewer', undefined, undefined],
      ['user:b@example.com', 'roles/viewer', 'until 2030', undefined],
      ['user:c@example.com', 'roles/viewer', undefined, undefined],
      ['user:d@example.com', 'projects/acme-prod/roles/deployer', undefined, ['run.services.get']],
    ]);
  });

  test('resources of one type written with different arguments each name their own target', () => {
    // Target arguments are worked out once per type from its first resource; a resource with
    // another argument list (an optional argument, a condition, another order) keeps its own.
    const model = analyzeStack({
      resource: {
        google_cloud_run_v2_service_iam_member: {
          first: { location: 'eu', member: 'user:a@example.com', name: 'api', role: 'roles/x' },
          noLocation: { member: 'user:b@example.com', name: 'api', role: 'roles/x' },
          withProject: {
            location: 'eu',
            member: 'user:c@example.com',
            name: 'api',
            project: 'acme-prod',
            role: 'roles/x',
          },
          reordered: { name: 'web', role: 'roles/x', member: 'user:d@example.com', location: 'us' },
          conditional: {
            condition: { expression: 'true' },
            location: 'eu',
            member: 'user:e@example.com',
            name: 'api',
            role: 'roles/x',
          },
          last: { location: 'eu', member: 'user:f@example.com', name: 'api', role: 'roles/x' },
        },
        google_storage_bucket_iam_member: {
          bucket: { bucket: 'acme-data', member: 'user:a@example.com', role: 'roles/x' },
        },
      },
    });
    expect(model.bindings.map((b) => [b.member, b.target.id])).toEqual([
      ['user:a@example.com', 'eu/api'],
      ['user:b@example.com', 'api'],
      ['user:c@example.com', 'acme-prod/eu/api'],
      ['user:d@example.com', 'us/web'],
      ['user:e@example.com', 'eu/api'],
      ['user:f@example.com', 'eu/api'],
      ['user:a@example.com', 'acme-data'],
    ]);
  });

  test('reads acknowledgements from the stack metadata', () => {
    const ack = analyzeStack({
      '//': {
        metadata: {
          'cdktf-guardrails': {
            acknowledgements: [
              { path: 's/a', rule: 'iam-basic-role', reason: 'legacy, removed in Q3' },
              { bad: 1 },
            ],
          },
        },
      },
      resource: {},
    });
    expect(ack.acknowledgements).toEqual([
      { path: 's/a', rule: 'iam-basic-role', reason: 'legacy, removed in Q3' },
    ]);
  });

  test.each([
    ['an array', []],
    ['a string', 'resource'],
    ['null', null],
    ['an empty object', {}],
    ['a package.json', { name: 'x', version: '1.0.0' }],
    ['a resource block that is a list', { resource: [] }],
    ['a resource type that is not an object', { resource: { google_x: 'y' } }],
  ])('refuses %s with a message', (_, input) => {
    expect(() => analyzeStack(input, { file: 'x.json' })).toThrow(StackInputError);
    expect(() => analyzeStack(input, { file: 'x.json' })).toThrow(/^x\.json: /);
  });
});
