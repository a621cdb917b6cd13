import { azureRole, googleRole, googleRoleCount } from '../../lib/analysis/role-catalog';
import { azureCatalog, gcpCatalog } from '../helpers';

describe('the role catalog shipped in the package', () => {
  const gcp = gcpCatalog();
  const azure = azureCatalog();

  test('lists every predefined Google role of the dataset with its stage and permission count', () => {
    expect(googleRoleCount()).toBe(Object.keys(gcp.roles).length);
    for (const [name, role] of Object.entries(gcp.roles)) {
      const info = googleRole(name);
      expect({ name, stage: info?.stage, count: info?.permissionCount ?? null }).toEqual({
        name,
        stage: role.stage,
        count: role.permissionCount,
      });
    }
    expect(googleRole('roles/aiplatform.endpointUser')).toBeUndefined();
  });

  test('marks the sensitive permissions a role holds', () => {
    expect(googleRole('roles/owner')).toMatchObject({
      canSetIamPolicy: true,
      canActAs: true,
      canCreateKeys: true,
      canWriteRoles: true,
    });
    expect(googleRole('roles/iam.serviceAccountUser')).toMatchObject({
      canActAs: true,
      canSetIamPolicy: false,
    });
    expect(googleRole('roles/iam.serviceAccountTokenCreator')?.canMintTokens).toBe(true);
    expect(googleRole('roles/run.servicesInvoker')).toMatchObject({
      permissionCount: 1,
      canSetIamPolicy: false,
      canActAs: false,
      canMintTokens: false,
      canCreateKeys: false,
      canWriteRoles: false,
    });
    expect(googleRole('roles/storage.admin')?.canSetIamPolicy).toBe(true);
  });

  test('names every Azure built-in role, by name in any case, by GUID and by role definition id', () => {
    for (const [name, id] of Object.entries(azure.roles)) {
      expect(azureRole(name)?.id).toBe(id);
      expect(azureRole(id)?.name).toBe(name);
    }
    expect(azureRole('key vault secrets user')?.name).toBe('Key Vault Secrets User');
    expect(
      azureRole(
        '/subscriptions/1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6',
      )?.name,
    ).toBe('Key Vault Secrets User');
  });

  test('marks privileged Azure roles from their actions', () => {
    expect(azureRole('Owner')?.allActions).toBe(true);
    expect(azureRole('Contributor')).toMatchObject({
      allActions: true,
      writesRoleAssignments: false,
    });
    expect(azureRole('User Access Administrator')?.writesRoleAssignments).toBe(true);
    expect(azureRole('Key Vault Administrator')?.keyVaultWildcard).toBe(true);
    expect(azureRole('Key Vault Secrets User')).toMatchObject({
      allActions: false,
      writesRoleAssignments: false,
      keyVaultWildcard: false,
    });
  });
});
