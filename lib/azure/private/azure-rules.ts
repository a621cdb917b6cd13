import { IConstruct } from 'constructs';
import { invalidValue } from '../../core/private/messages';
import { isUnresolved, validatePattern } from '../../core/private/validate';

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
const OBJECT_NAME = /^[0-9a-zA-Z-]{1,127}$/;
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const VAULT_ID = new RegExp(
  `^/subscriptions/${GUID}/resourceGroups/[^/]+/providers/Microsoft\\.KeyVault/vaults/([a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9])$`,
  'i',
);
const WORKSPACE_ID = new RegExp(
  `^/subscriptions/${GUID}/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+$`,
  'i',
);
const IPV4_OR_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d|[12]\d|3[0-2]))?$/;

export function validateVaultName(scope: IConstruct, name: string): void {
  validatePattern(
    scope,
    'vaultName',
    name,
    VAULT_NAME,
    "must be 3-24 characters of letters, digits and '-', starting with a letter, ending with a letter or digit, without '--'",
    "Use e.g. 'acme-orders-kv' (vault names are global: add a company or project prefix).",
  );
}

export function validateVaultObjectName(scope: IConstruct, prop: string, name: string): void {
  validatePattern(
    scope,
    prop,
    name,
    OBJECT_NAME,
    "must be a Key Vault object name: 1-127 letters, digits and '-'",
    "Use the name as shown in the vault, e.g. 'partner-api-key' (not its URL or version).",
  );
}

/** The vault name inside an `existingVaultId`, or undefined for a token. */
export function validateVaultId(scope: IConstruct, id: string): string | undefined {
  validatePattern(
    scope,
    'existingVaultId',
    id,
    VAULT_ID,
    'must be the resource id of a Key Vault',
    "Use '/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>' (az keyvault show --query id).",
  );
  return isUnresolved(id) ? undefined : VAULT_ID.exec(id)?.[1];
}

export function validateWorkspaceId(scope: IConstruct, id: string): void {
  validatePattern(
    scope,
    'logAnalyticsWorkspaceId',
    id,
    WORKSPACE_ID,
    'must be the resource id of a Log Analytics workspace',
    "Use '/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>'.",
  );
}

export function validateIpRange(scope: IConstruct, prop: string, range: string): void {
  if (isUnresolved(range)) return;
  const match = IPV4_OR_CIDR.exec(range);
  if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255)) {
    throw invalidValue(
      scope,
      prop,
      range,
      'must be a public IPv4 address or CIDR range',
      "Use the Cloud NAT egress address of the workload, e.g. '203.0.113.10/32'.",
    );
  }
}
