import type { AccessBinding } from './model';
import { AZURE_ROLES, GCP_ROLES } from './private/role-catalog-data';

/**
 * What the shipped catalog knows of a predefined Google Cloud role (from the public IAM
 * dataset, see `private/role-catalog-data.ts` for its source and license).
 */
export interface GoogleRoleInfo {
  readonly name: string;
  /** Number of permissions; undefined when the dataset lists the role without its permissions. */
  readonly permissionCount?: number;
  /** GA, BETA, ALPHA or DEPRECATED. */
  readonly stage: string;
  /** Holds a `*.setIamPolicy` permission: whoever holds it can change who has access. */
  readonly canSetIamPolicy: boolean;
  /** Holds `iam.serviceAccounts.actAs`: can attach service accounts to workloads. */
  readonly canActAs: boolean;
  /** Holds a permission that mints a service account's tokens or signatures. */
  readonly canMintTokens: boolean;
  /** Holds `iam.serviceAccountKeys.create`. */
  readonly canCreateKeys: boolean;
  /** Holds `iam.roles.create` or `iam.roles.update`: can write custom roles. */
  readonly canWriteRoles: boolean;
}

/** What the shipped catalog knows of an Azure built-in role. */
export interface AzureRoleInfo {
  readonly name: string;
  /** The role definition GUID. */
  readonly id: string;
  /** Every management action (`*`): Owner, Contributor. */
  readonly allActions: boolean;
  /** Can create role assignments, so can grant itself or others any role. */
  readonly writesRoleAssignments: boolean;
  /** A Key Vault wildcard (management or data plane): every secret, key and certificate, or their access policies. */
  readonly keyVaultWildcard: boolean;
  /**
   * How many operations (actions and data actions) the role grants, wildcards expanded over
   * the operations that built-in roles name: comparable between roles, a lower bound for
   * wildcard roles such as Owner. Undefined when the catalog has no count.
   */
  readonly operationCount?: number;
}

let google: Map<string, GoogleRoleInfo> | undefined;
/** Roles looked up one by one, before (or without) reading the whole catalog. */
const googleLookedUp = new Map<string, GoogleRoleInfo | null>();
let azureByName: Map<string, AzureRoleInfo> | undefined;
let azureById: Map<string, AzureRoleInfo> | undefined;

function googleRoles(): Map<string, GoogleRoleInfo> {
  if (google) return google;
  google = new Map();
  for (const line of GCP_ROLES.split('\n')) {
    const info = googleRoleOfLine(line);
    google.set(info.name, info);
  }
  return google;
}

/** One line of the catalog: `<name without roles/> <permission count or ?> <stage> <flags>`. */
function googleRoleOfLine(line: string): GoogleRoleInfo {
  const [short, count, stage, flags = ''] = line.split(' ');
  return {
    name: `roles/${short}`,
    permissionCount: count === '?' ? undefined : Number(count),
    stage,
    canSetIamPolicy: flags.includes('i'),
    canActAs: flags.includes('a'),
    canMintTokens: flags.includes('t'),
    canCreateKeys: flags.includes('k'),
    canWriteRoles: flags.includes('r'),
  };
}

/**
 * The catalog line of one role, found in the catalog text without reading all of it: a stack
 * uses a few dozen roles of the 2,390, and a command line run reads the catalog once.
 */
function findGoogleRole(role: string): GoogleRoleInfo | undefined {
  if (!role.startsWith('roles/')) return undefined;
  const key = `${role.slice('roles/'.length)} `;
  const start = GCP_ROLES.startsWith(key) ? 0 : GCP_ROLES.indexOf(`\n${key}`) + 1;
  if (start === 0 && !GCP_ROLES.startsWith(key)) return undefined;
  const end = GCP_ROLES.indexOf('\n', start);
  return googleRoleOfLine(GCP_ROLES.slice(start, end < 0 ? undefined : end));
}

function azureRoles(): Map<string, AzureRoleInfo> {
  if (azureByName) return azureByName;
  azureByName = new Map();
  azureById = new Map();
  for (const line of AZURE_ROLES.split('\n')) {
    const [name, id, flags = '', count] = line.split('|');
    const info: AzureRoleInfo = {
      name,
      id,
      allActions: flags.includes('*'),
      writesRoleAssignments: flags.includes('R'),
      keyVaultWildcard: flags.includes('K'),
      operationCount: count === undefined || count === '' ? undefined : Number(count),
    };
    azureByName.set(name.toLowerCase(), info);
    azureById.set(id.toLowerCase(), info);
  }
  return azureByName;
}

/** The predefined Google role `role` (e.g. `roles/run.invoker`), or undefined when unknown. */
export function googleRole(role: string): GoogleRoleInfo | undefined {
  if (google) return google.get(role);
  let info = googleLookedUp.get(role);
  if (info === undefined) {
    info = findGoogleRole(role) ?? null;
    googleLookedUp.set(role, info);
  }
  return info ?? undefined;
}

/**
 * The Azure built-in role named `nameOrId`: a role name (`Key Vault Secrets User`, any case),
 * its GUID, or a role definition id ending in the GUID
 * (`/subscriptions/<s>/providers/Microsoft.Authorization/roleDefinitions/<guid>`).
 */
export function azureRole(nameOrId: string): AzureRoleInfo | undefined {
  const byName = azureRoles();
  const key = nameOrId.toLowerCase();
  return byName.get(key) ?? azureById!.get(key.slice(key.lastIndexOf('/') + 1));
}

/** Number of predefined Google roles in the catalog (for tests and reports). */
export function googleRoleCount(): number {
  return googleRoles().size;
}

/**
 * How many permissions a binding's role carries: a custom role defined in the same stack by
 * its list, a predefined Google role by the catalog, an Azure built-in role by its operation
 * count; undefined when unknown (a custom role defined elsewhere, a role missing from the
 * catalog).
 */
export function permissionCountOf(binding: AccessBinding): number | undefined {
  if (binding.cloud === 'azure') return azureRole(binding.role)?.operationCount;
  return binding.customRolePermissions?.length ?? googleRole(binding.role)?.permissionCount;
}
