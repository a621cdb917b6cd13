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

/** Address blocks that are not on the public internet (RFC 6890 special-purpose ranges). */
const NON_PUBLIC: ReadonlyArray<[string, number, string]> = [
  ['0.0.0.0', 8, "'this network'"],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'shared carrier-grade NAT space'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['224.0.0.0', 3, 'multicast or reserved'],
];

/**
 * A public IPv4 address or range for the vault firewall. Key Vault IP rules only match public
 * addresses: private ranges cannot be added ("any IP range inside 10.0.0.0-10.255.255.255
 * (private IP addresses) cannot be used to add network rules",
 * https://learn.microsoft.com/powershell/module/az.keyvault/add-azkeyvaultnetworkrule), and a
 * range such as 0.0.0.0/0 lets the whole internet through, which is no firewall.
 */
export function validateIpRange(scope: IConstruct, prop: string, range: string): void {
  if (isUnresolved(range)) return;
  const match = IPV4_OR_CIDR.exec(range);
  const fix = "Use the Cloud NAT egress address of the workload, e.g. '203.0.113.10/32'.";
  if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255)) {
    throw invalidValue(scope, prop, range, 'must be a public IPv4 address or CIDR range', fix);
  }
  const bits = match[6] === undefined ? 32 : Number(match[6]);
  const [start, end] = span(match.slice(1, 5).map(Number), bits);
  const reserved = NON_PUBLIC.find(([block, blockBits]) => {
    const [s, e] = span(block.split('.').map(Number), blockBits);
    return start <= e && s <= end;
  });
  if (bits < 8 || reserved) {
    throw invalidValue(
      scope,
      prop,
      range,
      bits < 8
        ? `must be a public address or a narrow range: /${bits} covers a large part of the internet and turns the vault firewall off`
        : `must be a public IPv4 address or range, not ${reserved![2]} space (Key Vault IP rules only match public addresses; they ignore or refuse private ones)`,
      fix,
    );
  }
}

/** First and last address of `octets`/`bits`, as numbers. */
function span(octets: number[], bits: number): [number, number] {
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const start = Math.floor(address / size) * size;
  return [start, start + size - 1];
}
