import { asObject } from '../../analysis/private/google-access';
import { keyVaults, vaultName } from '../private/key-vault';
import type { Rule } from '../rule';

/** Key Vaults reachable from every network: no network ACL that denies by default, and public access on. */
export const azureKeyVaultNetworkOpen: Rule = {
  id: 'azure-key-vault-network-open',
  area: 'azure',
  severity: 'error',
  description:
    'A Key Vault accepts requests from every network (no network_acls with default_action = "Deny").',
  fix: 'Add network_acls { default_action = "Deny", bypass = "AzureServices", ip_rules = [...] }, or turn public network access off.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_AZURE_109, CKV_AZURE_189', 'trivy AVD-AZU-0013'],
  check: (model) =>
    keyVaults(model)
      .filter(
        (v) =>
          asObject(v.body.network_acls).default_action !== 'Deny' &&
          v.body.public_network_access_enabled !== false,
      )
      .map((resource) => ({
        resource,
        message: `${vaultName(resource)} answers requests from any network; a leaked token works from anywhere.`,
      })),
};
