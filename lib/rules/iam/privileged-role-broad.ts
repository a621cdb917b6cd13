import { googleRole } from '../../analysis/role-catalog';
import { IMPERSONATION_ROLES, isAdminRoleName, isBasicRole } from '../../core/private/role-kinds';
import { grantFindings, isProjectOrWider } from '../private/scope';
import type { Rule } from '../rule';
import { PROJECT_WIDE_SECRET_ROLES } from './secret-accessor-project';
import { VERTEX_BROAD_ROLES } from './vertex-project-role';

/**
 * Roles that manage access or identities, or administer a service, bound on a whole project
 * or wider. The catalog shipped with the package says which predefined roles hold
 * `*.setIamPolicy`, `actAs`, token or key creation, or custom-role writes.
 */
export const iamPrivilegedRoleBroad: Rule = {
  id: 'iam-privileged-role-broad',
  area: 'iam',
  severity: 'error',
  description:
    'An administrator role, or one that can change IAM policies, act as service accounts or create their keys, is granted on a project, folder or organization.',
  fix: 'Grant a narrower role, or the same role on the one resource that needs administering.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_42', 'trivy AVD-GCP-0007'],
  check: (model) =>
    grantFindings(
      model,
      (b) => isProjectOrWider(b) && isPrivileged(b.role),
      (b) => `${why(b.role)}, across everything there.`,
    ),
};

/** Roles reported by a more specific rule are left to it. */
function isPrivileged(role: string): boolean {
  if (
    isBasicRole(role) ||
    IMPERSONATION_ROLES.has(role) ||
    VERTEX_BROAD_ROLES.has(role) ||
    PROJECT_WIDE_SECRET_ROLES.has(role)
  )
    return false;
  const info = googleRole(role);
  return (
    isAdminRoleName(role) ||
    (info !== undefined &&
      (info.canSetIamPolicy ||
        info.canActAs ||
        info.canMintTokens ||
        info.canCreateKeys ||
        info.canWriteRoles))
  );
}

function why(role: string): string {
  const info = googleRole(role);
  if (info?.canSetIamPolicy) return 'it can change who has access';
  if (info?.canActAs || info?.canMintTokens) return 'it can act as service accounts';
  if (info?.canCreateKeys) return 'it can create service account keys';
  if (info?.canWriteRoles) return 'it can write custom roles';
  return 'it administers the service';
}
