import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member';
import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { ProjectIamBinding } from '@cdktf/provider-google/lib/project-iam-binding';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketAcl } from '@cdktf/provider-google/lib/storage-bucket-acl';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { TerraformResource, TerraformStack } from 'cdktf';
import { Principal, ScopedBucket, ServiceIdentity, WorkloadIdentityPool } from '../../lib';
import { accessText } from '../../lib/report/formats/access-text';
import { gcpCatalog } from '../helpers';
import { grantLine, snapshotOf } from './report-helpers';

const catalog = gcpCatalog();

function bucketWithReader(stack: TerraformStack, ids = { identity: 'api', bucket: 'data' }) {
  const identity = new ServiceIdentity(stack, ids.identity, {
    project: 'acme-prod',
    accountId: 'api-run',
  });
  const bucket = new ScopedBucket(stack, ids.bucket, {
    project: 'acme-prod',
    bucketName: 'acme-data',
    location: 'europe-west1',
  });
  bucket.grantRead(identity, { prefix: 'in/' });
  return { identity, bucket };
}

describe('accessSnapshot', () => {
  test('lists a grant with its readable principal, role, catalog permission count, target, condition, address and path', () => {
    // GIVEN a bucket read grant to a service identity of the stack
    const snapshot = snapshotOf((stack) => bucketWithReader(stack));
    // THEN the principal is the account's email, not a reference
    expect(snapshot.grants).toHaveLength(1);
    const [grant] = snapshot.grants;
    expect(grant).toMatchObject({
      stack: 'app',
      cloud: 'google',
      principal: 'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com',
      role: 'roles/storage.objectViewer',
      permissions: catalog.roles['roles/storage.objectViewer'].permissionCount,
      target: 'storage_bucket acme-data',
      level: 'resource',
      condition: { title: 'objects under in/' },
      flags: [],
    });
    expect(grant.permissions).toBe(8);
    expect(grant.condition!.expression).toContain('projects/_/buckets/acme-data/objects/in/');
    expect(grant.address).toMatch(/^google_storage_bucket_iam_member\.data_storageobjectViewer-/);
    expect(grant.path).toMatch(/^app\/data\/storage\.objectViewer-[0-9a-f]{12}$/);
    // AND the audit logs the bucket turns on are listed
    expect(snapshot.auditLogs.map((a) => `${a.target} ${a.service}`)).toEqual([
      'project acme-prod storage.googleapis.com',
    ]);
  });

  test('flags public, impersonation, project-wide, cross-project and authoritative grants', () => {
    const snapshot = snapshotOf((stack) => {
      new CloudRunV2ServiceIamMember(stack, 'public', {
        project: 'acme-prod',
        location: 'europe-west1',
        name: 'web',
        role: 'roles/run.invoker',
        member: 'allUsers',
      });
      new ServiceAccountIamMember(stack, 'token', {
        serviceAccountId:
          'projects/acme-prod/serviceAccounts/runtime@acme-prod.iam.gserviceaccount.com',
        role: 'roles/iam.serviceAccountTokenCreator',
        member: 'group:ops@example.com',
      });
      const actAs = new ProjectIamCustomRole(stack, 'deployer', {
        project: 'acme-prod',
        roleId: 'deployer',
        title: 'Deployer',
        permissions: ['run.services.update', 'iam.serviceAccounts.actAs'],
      });
      new ProjectIamMember(stack, 'custom', {
        project: 'acme-prod',
        role: actAs.name,
        member: 'group:deployers@example.com',
      });
      // A bucket of the provider's project (acme-prod), read by an account of another project.
      new StorageBucketIamMember(stack, 'other-project', {
        bucket: 'acme-data',
        role: 'roles/storage.objectViewer',
        member: 'serviceAccount:etl@acme-analytics.iam.gserviceaccount.com',
      });
      new ProjectIamBinding(stack, 'viewers', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        members: ['group:sre@example.com'],
      });
      // A service agent's domain names its service, not a project: no cross-project flag.
      new StorageBucketIamMember(stack, 'agent', {
        bucket: 'acme-data',
        role: 'roles/storage.objectViewer',
        member: 'serviceAccount:service-123456789012@gcp-sa-aiplatform-cc.iam.gserviceaccount.com',
      });
    });
    const flags = Object.fromEntries(snapshot.grants.map((g) => [g.principal, g.flags]));
    expect(flags).toEqual({
      allUsers: ['public'],
      'group:ops@example.com': ['impersonation'],
      'group:deployers@example.com': ['impersonation', 'project-wide'],
      'serviceAccount:etl@acme-analytics.iam.gserviceaccount.com': ['cross-project'],
      'group:sre@example.com': ['project-wide', 'authoritative'],
      'serviceAccount:service-123456789012@gcp-sa-aiplatform-cc.iam.gserviceaccount.com': [],
    });
    // The custom role of the stack is shown by name, with its own permission count.
    const custom = snapshot.grants.find((g) => g.principal === 'group:deployers@example.com')!;
    expect([custom.role, custom.permissions]).toEqual(['projects/acme-prod/roles/deployer', 2]);
  });

  test('shows federated principals with their pool, and flags them', () => {
    const snapshot = snapshotOf((stack) => {
      const pool = new WorkloadIdentityPool(stack, 'pool', {
        project: 'acme-prod',
        poolId: 'ci-pool',
      });
      const github = pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
      const identity = new ServiceIdentity(stack, 'deployer', {
        project: 'acme-prod',
        accountId: 'deployer',
      });
      identity.allowWorkloadIdentity(github.principalForRepository('acme/api'));
    });
    expect(snapshot.grants.map((g) => [g.principal, g.role, g.flags])).toEqual([
      [
        'principalSet://iam.googleapis.com/<pool acme-prod/ci-pool>/attribute.repository/acme/api',
        'roles/iam.workloadIdentityUser',
        ['federated', 'impersonation'],
      ],
    ]);
    expect(snapshot.trusts).toHaveLength(1);
    expect(snapshot.trusts[0]).toMatchObject({
      cloud: 'google',
      kind: 'oidc',
      name: 'acme-prod/ci-pool/github',
      issuer: 'https://token.actions.githubusercontent.com',
    });
    expect(snapshot.trusts[0].condition).toContain("assertion.repository_owner == 'acme'");
  });

  test("flags a federated principal as cross-project by its pool's project: its argument, else its provider's", () => {
    const snapshot = snapshotOf((stack) => {
      // A pool in the CI project, named by its project argument.
      const pool = new WorkloadIdentityPool(stack, 'pool', {
        project: 'acme-ci',
        poolId: 'ci-pool',
      });
      const github = pool.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
      // A pool without a project argument, made through a provider configured for the CI project.
      const ci = new GoogleProvider(stack, 'google-ci', { alias: 'ci', project: 'acme-ci' });
      const aliased = new IamWorkloadIdentityPool(stack, 'aliased', {
        provider: ci,
        workloadIdentityPoolId: 'other-pool',
      });
      const identity = new ServiceIdentity(stack, 'deployer', {
        project: 'acme-prod',
        accountId: 'deployer',
      });
      identity.allowWorkloadIdentity(github.principalForRepository('acme/api'));
      identity.allowWorkloadIdentity(
        Principal.fromMember(
          `principalSet://iam.googleapis.com/${aliased.name}/attribute.repository/acme/web`,
        ),
      );
    });
    expect(snapshot.grants.map((g) => [g.principal, g.flags])).toEqual([
      [
        'principalSet://iam.googleapis.com/<pool acme-ci/ci-pool>/attribute.repository/acme/api',
        ['federated', 'impersonation', 'cross-project'],
      ],
      [
        expect.stringContaining('/attribute.repository/acme/web'),
        ['federated', 'impersonation', 'cross-project'],
      ],
    ]);
  });

  test('names Azure roles given by id, counts their operations, and flags federated managed identities', () => {
    const snapshot = snapshotOf((stack) => {
      const identity = new UserAssignedIdentity(stack, 'identity', {
        name: 'reader',
        location: 'westeurope',
        resourceGroupName: 'rg',
      });
      new FederatedIdentityCredential(stack, 'trust', {
        name: 'gcp',
        resourceGroupName: 'rg',
        parentId: identity.id,
        issuer: 'https://accounts.google.com',
        subject: '1234567890',
        audience: ['api://AzureADTokenExchange'],
      });
      new RoleAssignment(stack, 'reader', {
        scope:
          '/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/db',
        roleDefinitionId:
          '/subscriptions/1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6',
        principalId: identity.principalId,
      });
      new RoleAssignment(stack, 'owner', {
        scope: '/subscriptions/1',
        roleDefinitionName: 'Owner',
        principalId: '11111111-1111-1111-1111-111111111111',
      });
    });
    const byRole = Object.fromEntries(snapshot.grants.map((g) => [g.role, g]));
    expect(byRole['Key Vault Secrets User']).toMatchObject({
      cloud: 'azure',
      principal: '<managed identity rg/westeurope/reader>',
      // getSecret and readMetadata on secrets
      permissions: 2,
      flags: ['federated'],
    });
    expect(byRole.Owner.flags).toEqual(['impersonation', 'project-wide']);
    expect(byRole.Owner.permissions).toBeGreaterThan(3000);
    expect(snapshot.trusts[0]).toMatchObject({
      cloud: 'azure',
      kind: 'federated-credential',
      subject: '1234567890',
      audiences: ['api://AzureADTokenExchange'],
    });
  });

  test('a role absent from the catalog has no permission count, shown as ?', () => {
    const snapshot = snapshotOf((stack) => {
      new ProjectIamMember(stack, 'future', {
        project: 'acme-prod',
        role: 'roles/newservice.viewer',
        member: 'group:ops@example.com',
      });
      new ProjectIamMember(stack, 'elsewhere', {
        project: 'acme-prod',
        role: 'organizations/123/roles/auditor',
        member: 'group:ops@example.com',
      });
    });
    expect(snapshot.grants.map((g) => g.permissions)).toEqual([undefined, undefined]);
    expect(accessText(snapshot)).toContain(
      'roles/newservice.viewer (? permissions) on project acme-prod [project-wide]',
    );
  });

  test('counts resources it does not read: other providers and access it cannot read (ACLs)', () => {
    const snapshot = snapshotOf((stack) => {
      new TerraformResource(stack, 'random', { terraformResourceType: 'random_id' });
      new TerraformResource(stack, 'other', { terraformResourceType: 'acme_widget' });
      new StorageBucketAcl(stack, 'acl', { bucket: 'acme-data', predefinedAcl: 'publicRead' });
      bucketWithReader(stack);
    });
    expect(snapshot.ignored).toEqual({
      count: 3,
      types: ['acme_widget', 'google_storage_bucket_acl', 'random_id'],
    });
    expect(snapshot.grants).toHaveLength(1);
  });

  test('the text is the same when constructs are renamed or created in another order', () => {
    // GIVEN the same access built with other construct ids, in another order
    const first = snapshotOf((stack) => {
      bucketWithReader(stack);
      new ProjectIamMember(stack, 'ops', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        member: Principal.group('ops@example.com').member,
      });
    });
    const second = snapshotOf((stack) => {
      new ProjectIamMember(stack, 'operators-can-read-logs', {
        project: 'acme-prod',
        role: 'roles/logging.viewer',
        member: 'group:OPS@example.com',
      });
      bucketWithReader(stack, { identity: 'runtime', bucket: 'uploads' });
    });
    // THEN addresses differ, the access text does not
    expect(second.grants.map((g) => g.address)).not.toEqual(first.grants.map((g) => g.address));
    expect(accessText(second)).toBe(accessText(first));
    expect(first.grants.map(grantLine)).toEqual([
      'group:ops@example.com roles/logging.viewer on project acme-prod',
      'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com roles/storage.objectViewer on storage_bucket acme-data if objects under in/',
    ]);
  });
});
