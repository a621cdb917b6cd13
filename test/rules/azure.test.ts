import { azureFederatedCredentialIssuer } from '../../lib/rules/azure/federated-credential-issuer';
import { azureKeyVaultNetworkOpen } from '../../lib/rules/azure/key-vault-network-open';
import { azureKeyVaultNoAuditEvents } from '../../lib/rules/azure/key-vault-no-audit-events';
import { azureKeyVaultPurgeProtectionOff } from '../../lib/rules/azure/key-vault-purge-protection-off';
import { azureKeyVaultRbacOff } from '../../lib/rules/azure/key-vault-rbac-off';
import { azurePrivilegedRoleAssignment } from '../../lib/rules/azure/privileged-role-assignment';
import { describeRules, stackJson } from './rule-cases';

/** A vault as CrossCloudKeyVaultFederation writes it. */
const hardened = {
  name: 'acme-kv',
  location: 'westeurope',
  resource_group_name: 'rg',
  tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  sku_name: 'standard',
  rbac_authorization_enabled: true,
  purge_protection_enabled: true,
  soft_delete_retention_days: 90,
  network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: ['203.0.113.10/32'] },
};
const auditEvents = {
  name: 'audit',
  target_resource_id: '${azurerm_key_vault.kv.id}',
  log_analytics_workspace_id:
    '/subscriptions/1/resourceGroups/o/providers/Microsoft.OperationalInsights/workspaces/w',
  enabled_log: [{ category: 'AuditEvent' }],
};
const vault = (body: Record<string, unknown>) =>
  stackJson({
    azurerm_key_vault: { kv: body },
    azurerm_monitor_diagnostic_setting: { audit: auditEvents },
  });
const assignment = (role: string, scope: string) => ({
  azurerm_key_vault: { kv: hardened },
  azurerm_role_assignment: {
    grant: {
      scope,
      role_definition_name: role,
      principal_id: '00000000-0000-0000-0000-000000000001',
    },
  },
});
const credential = (issuer: string) =>
  stackJson({
    azurerm_federated_identity_credential: {
      trust: {
        name: 'gcp',
        resource_group_name: 'rg',
        parent_id: '/x',
        issuer,
        subject: '1234',
        audience: ['api://AzureADTokenExchange'],
      },
    },
  });

describeRules([
  {
    rule: azureKeyVaultRbacOff,
    noncompliant: vault({ ...hardened, rbac_authorization_enabled: undefined }),
    compliant: stackJson({
      azurerm_key_vault: {
        kv: hardened,
        old: {
          ...hardened,
          rbac_authorization_enabled: undefined,
          enable_rbac_authorization: true,
        },
      },
    }),
    expected: ['azurerm_key_vault.kv'],
  },
  {
    rule: azureKeyVaultPurgeProtectionOff,
    noncompliant: vault({ ...hardened, purge_protection_enabled: false }),
    compliant: vault(hardened),
    expected: ['azurerm_key_vault.kv'],
  },
  {
    rule: azureKeyVaultNetworkOpen,
    noncompliant: stackJson({
      azurerm_key_vault: {
        kv: { ...hardened, network_acls: undefined },
        allow: { ...hardened, network_acls: { default_action: 'Allow', bypass: 'AzureServices' } },
      },
    }),
    compliant: stackJson({
      azurerm_key_vault: {
        kv: hardened,
        private: { ...hardened, network_acls: undefined, public_network_access_enabled: false },
      },
    }),
    expected: ['azurerm_key_vault.allow', 'azurerm_key_vault.kv'],
  },
  {
    rule: azureKeyVaultNoAuditEvents,
    noncompliant: stackJson({
      azurerm_key_vault: { kv: hardened },
      azurerm_monitor_diagnostic_setting: {
        metrics: { ...auditEvents, enabled_log: undefined, metric: [{ category: 'AllMetrics' }] },
      },
    }),
    compliant: vault(hardened),
    expected: ['azurerm_key_vault.kv'],
  },
  {
    rule: azurePrivilegedRoleAssignment,
    noncompliant: stackJson({
      ...assignment('Key Vault Administrator', '${azurerm_key_vault.kv.id}'),
      azurerm_role_assignment: {
        grant: {
          scope: '${azurerm_key_vault.kv.id}',
          role_definition_name: 'Key Vault Administrator',
          principal_id: 'p',
        },
        owner: {
          scope: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg',
          role_definition_id:
            '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
          principal_id: 'p',
        },
      },
    }),
    compliant: stackJson(
      assignment('Key Vault Secrets User', '${azurerm_key_vault.kv.id}/secrets/db'),
    ),
    expected: ['azurerm_role_assignment.grant', 'azurerm_role_assignment.owner'],
    message:
      /assigns Key Vault Administrator to p on azurerm_key_vault <azurerm_key_vault:rg\/westeurope\/acme-kv>\.id/,
  },
  {
    rule: azureFederatedCredentialIssuer,
    noncompliant: credential('https://issuer.example.net'),
    compliant: credential('https://accounts.google.com'),
    expected: ['azurerm_federated_identity_credential.trust'],
  },
]);
