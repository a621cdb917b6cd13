import type { AccessBinding } from '../../analysis/model';
import { azureRole } from '../../analysis/role-catalog';
import type { Rule } from '../rule';

/** Privileged built-in roles named explicitly, in case the catalog lacks one (renamed or new). */
const PRIVILEGED_NAMES = new Set(
  [
    'Owner',
    'Contributor',
    'User Access Administrator',
    'Role Based Access Control Administrator',
    'Key Vault Administrator',
    'Key Vault Contributor',
    'Key Vault Data Access Administrator',
  ].map((n) => n.toLowerCase()),
);
/** Scopes narrower than a vault: one secret, key or certificate. */
const ITEM_SCOPE = /\/(secrets|keys|certificates)$/i;

/**
 * Owner, Contributor, User Access Administrator, Key Vault Administrator and any built-in role
 * the catalog marks as holding every action, role-assignment writes or a Key Vault wildcard,
 * assigned on a vault, a resource or wider.
 */
export const azurePrivilegedRoleAssignment: Rule = {
  id: 'azure-privileged-role-assignment',
  area: 'azure',
  severity: 'error',
  description:
    'A privileged Azure role (Owner, Contributor, User Access Administrator, Key Vault Administrator...) is assigned on a vault, a resource or wider.',
  fix: 'Assign the data-plane role the workload needs (Key Vault Secrets User) on each secret it reads.',
  acknowledgeable: true,
  check: (model) =>
    model.bindings
      .filter((b) => b.cloud === 'azure' && isPrivileged(b.role) && !ITEM_SCOPE.test(b.target.type))
      .map((b: AccessBinding) => ({
        resource: b.resource,
        message: `assigns ${b.role} to ${b.member} on ${b.target.level === 'resource' ? b.target.type : b.target.level} ${b.target.id}: it can read every secret or grant itself any access there.`,
      })),
};

function isPrivileged(role: string): boolean {
  if (PRIVILEGED_NAMES.has(role.toLowerCase())) return true;
  const info = azureRole(role);
  return (
    info !== undefined && (info.allActions || info.writesRoleAssignments || info.keyVaultWildcard)
  );
}
