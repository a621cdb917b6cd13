/**
 * Roles whose grant matters beyond the resource it is bound on. One list for the constructs'
 * refusals and for the stack-wide rules and reports.
 */

/** Basic roles grant thousands of permissions on a whole project; the library never binds them. */
export const BASIC_ROLES: ReadonlySet<string> = new Set([
  'roles/owner',
  'roles/editor',
  'roles/viewer',
]);

/**
 * Roles that let the holder act as a service account: attach it to workloads (actAs), mint
 * its access or ID tokens, or exchange a federated token for its credentials.
 */
export const IMPERSONATION_ROLES: ReadonlySet<string> = new Set([
  'roles/iam.serviceAccountUser',
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountOpenIdTokenCreator',
  'roles/iam.workloadIdentityUser',
]);

/** True for `roles/owner`, `roles/editor` and `roles/viewer`. */
export function isBasicRole(role: string): boolean {
  return BASIC_ROLES.has(role);
}

const ADMIN_ROLE_NAME = /^roles\/[a-zA-Z0-9]+\.([a-zA-Z]*Admin|admin|owner)$/;

/**
 * True for predefined roles named as a service's administrator or owner
 * (`roles/storage.admin`, `roles/iam.securityAdmin`, `roles/bigquery.dataOwner` is not one).
 * They manage the service's resources and, mostly, who has access to them.
 */
export function isAdminRoleName(role: string): boolean {
  return ADMIN_ROLE_NAME.test(role);
}
