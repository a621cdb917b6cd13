import { auditedResources, keyVaults, vaultName } from '../private/key-vault';
import type { Rule } from '../rule';

/** Key Vaults whose AuditEvent logs go nowhere: nobody can tell who read which secret. */
export const azureKeyVaultNoAuditEvents: Rule = {
  id: 'azure-key-vault-no-audit-events',
  area: 'azure',
  severity: 'warning',
  description: 'A Key Vault has no diagnostic setting that sends its AuditEvent logs anywhere.',
  fix: 'Add an azurerm_monitor_diagnostic_setting for the vault with enabled_log { category = "AuditEvent" } (CrossCloudKeyVaultFederation does).',
  acknowledgeable: true,
  seeAlso: ['https://learn.microsoft.com/azure/key-vault/general/logging'],
  check: (model) => {
    const audited = auditedResources(model);
    return keyVaults(model)
      .filter((v) => !audited.has(v.address))
      .map((resource) => ({
        resource,
        message: `${vaultName(resource)} records no AuditEvent logs in this stack: reads of its secrets leave no trace.`,
      }));
  },
};
