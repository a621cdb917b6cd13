import type { StackModel } from './model';

/** What a reader calls the resources that references in members and targets point to most often. */
const KIND_NAMES: Record<string, string> = {
  google_iam_workload_identity_pool: 'pool',
  google_iam_workload_identity_pool_provider: 'pool provider',
  google_service_account: 'service account',
  'data.google_service_account': 'service account',
  google_project_iam_custom_role: 'custom role',
  google_organization_iam_custom_role: 'custom role',
  azurerm_user_assigned_identity: 'managed identity',
  azurerm_key_vault: 'key vault',
  azurerm_key_vault_secret: 'key vault secret',
  azurerm_resource_group: 'resource group',
};

/** `<type:identity>.attribute`, as `StackModel.describe` shows a value known only after apply. */
const PLACEHOLDER = /<((?:data\.)?[a-z0-9_]+):([^<>]*)>\.[A-Za-z0-9_]+/g;

/**
 * `text` as a reviewer should read it: references to in-stack resources replaced by their
 * values where the JSON gives them (a service account's email), and the others shown as
 * `<kind identity>` (`<pool acme-prod/ci>`, `<managed identity rg/westeurope/reader>`). The
 * identity comes from the resource's literal arguments, never its construct id, so the text
 * stays the same when a construct is renamed or created in another order.
 */
export function readableText(model: StackModel, text: string): string {
  return readablePlaceholders(text.includes('${') ? model.describe(text) : text);
}

/** Text already described by the model (a binding target's `id`), placeholders shown as `<kind identity>`. */
export function readablePlaceholders(described: string): string {
  if (!described.includes('<')) return described;
  return described.replace(PLACEHOLDER, (_, type: string, identity: string) => {
    return `<${kindName(type)} ${identity}>`;
  });
}

/** `pool` for a workload identity pool, else the type without its provider prefix, in words. */
export function kindName(type: string): string {
  return (
    KIND_NAMES[type] ??
    type
      .replace(/^data\./, '')
      .replace(/^(google|azurerm)_/, '')
      .replace(/_/g, ' ')
  );
}
