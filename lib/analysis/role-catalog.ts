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
}

let google: Map<string, GoogleRoleInfo> | undefined;
let azureByName: Map<string, AzureRoleInfo> | undefined;
let azureById: Map<string, AzureRoleInfo> | undefined;

function googleRoles(): Map<string, GoogleRoleInfo> {
  if (google) return google;
  google = new Map();
  for (const line of GCP_ROLES.split('\n')) {
    const [short, count, stage, flags = ''] = line.split(' ');
    const name = `roles/${short}`;
    google.set(name, {
      name,
      permissionCount: count === '?' ? undefined : Number(count),
      stage,
      canSetIamPolicy: flags.includes('i'),
      canActAs: flags.includes('a'),
      canMintTokens: flags.includes('t'),
      canCreateKeys: flags.includes('k'),
      canWriteRoles: flags.includes('r'),
    });
  }
  return google;
}

function azureRoles(): Map<string, AzureRoleInfo> {
  if (azureByName) return azureByName;
  azureByName = new Map();
  azureById = new Map();
  for (const line of AZURE_ROLES.split('\n')) {
    const [name, id, flags = ''] = line.split('|');
    const info: AzureRoleInfo = {
      name,
      id,
      allActions: flags.includes('*'),
      writesRoleAssignments: flags.includes('R'),
      keyVaultWildcard: flags.includes('K'),
    };
    azureByName.set(name.toLowerCase(), info);
    azureById.set(id.toLowerCase(), info);
  }
  return azureByName;
}

/** The predefined Google role `role` (e.g. `roles/run.invoker`), or undefined when unknown. */
export function googleRole(role: string): GoogleRoleInfo | undefined {
  return googleRoles().get(role);
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
 * How many permissions a Google binding's role carries: a custom role defined in the same
 * stack by its list, a predefined role by the catalog; undefined when unknown (a custom role
 * defined elsewhere, a role missing from the catalog, Azure roles).
 */
export function permissionCountOf(binding: AccessBinding): number | undefined {
  if (binding.cloud !== 'google') return undefined;
  return binding.customRolePermissions?.length ?? googleRole(binding.role)?.permissionCount;
}
