import { keyVaults, vaultName } from '../private/key-vault';
import type { Rule } from '../rule';

/** Key Vaults on access policies instead of Azure RBAC. azurerm 4.x: `rbac_authorization_enabled` (formerly `enable_rbac_authorization`). */
export const azureKeyVaultRbacOff: Rule = {
  id: 'azure-key-vault-rbac-off',
  area: 'azure',
  severity: 'error',
  description: 'A Key Vault uses access policies instead of Azure RBAC authorization.',
  fix: 'Set rbac_authorization_enabled = true and assign data-plane roles per secret (CrossCloudKeyVaultFederation does).',
  acknowledgeable: true,
  seeAlso: ['https://learn.microsoft.com/azure/key-vault/general/rbac-access-policy'],
  check: (model) =>
    keyVaults(model)
      .filter(
        (v) =>
          v.body.rbac_authorization_enabled !== true && v.body.enable_rbac_authorization !== true,
      )
      .map((resource) => ({
        resource,
        message: `${vaultName(resource)} uses access policies: whoever may manage the vault (Contributor) can give itself every secret, and access cannot be scoped to one secret.`,
      })),
};
