import { keyVaults, vaultName } from '../private/key-vault';
import type { Rule } from '../rule';

/** Key Vaults without purge protection: a deleted vault or secret can be purged before anyone notices. */
export const azureKeyVaultPurgeProtectionOff: Rule = {
  id: 'azure-key-vault-purge-protection-off',
  area: 'azure',
  severity: 'error',
  description: 'A Key Vault has purge protection turned off.',
  fix: 'Set purge_protection_enabled = true (it cannot be turned off again).',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_AZURE_110', 'trivy AVD-AZU-0016'],
  check: (model) =>
    keyVaults(model)
      .filter((v) => v.body.purge_protection_enabled !== true)
      .map((resource) => ({
        resource,
        message: `${vaultName(resource)} can be purged, secrets and all, during its soft-delete period.`,
      })),
};
