import type { StackModel, TfResource } from '../../analysis/model';
import { asArray, asObject } from '../../analysis/private/google-access';
import { referencesIn } from '../../analysis/private/references';

/** Every Key Vault created in the stack. */
export function keyVaults(model: StackModel): readonly TfResource[] {
  return model.resourcesOfType('azurerm_key_vault');
}

/** `vault <name>`, for messages. */
export function vaultName(vault: TfResource): string {
  return `Key Vault ${String(vault.body.name ?? vault.name)}`;
}

/**
 * Addresses of the resources whose diagnostic settings send audit logs (category AuditEvent,
 * or the `audit`/`allLogs` category groups), indexed once per stack.
 */
export function auditedResources(model: StackModel): Set<string> {
  const audited = new Set<string>();
  for (const setting of model.resourcesOfType('azurerm_monitor_diagnostic_setting')) {
    const logs = [...asArray(setting.body.enabled_log), ...asArray(setting.body.log)].map((l) =>
      asObject(l),
    );
    const sendsAudit = logs.some(
      (l) =>
        l.enabled !== false &&
        (l.category === 'AuditEvent' ||
          l.category_group === 'audit' ||
          l.category_group === 'allLogs'),
    );
    if (!sendsAudit) continue;
    for (const ref of referencesIn(String(setting.body.target_resource_id ?? ''))) {
      audited.add(ref.address);
    }
  }
  return audited;
}
