import { grantFindings, isProjectOrWider } from '../private/scope';
import type { Rule } from '../rule';

/** Roles that read secret payloads. */
export const PROJECT_WIDE_SECRET_ROLES: ReadonlySet<string> = new Set([
  'roles/secretmanager.secretAccessor',
  'roles/secretmanager.secretVersionManager',
]);

/** Secret Manager accessor on a project or wider: every secret in it, including later ones. */
export const iamSecretAccessorProject: Rule = {
  id: 'iam-secret-accessor-project',
  area: 'iam',
  severity: 'error',
  description:
    'roles/secretmanager.secretAccessor is granted on a project, folder or organization (every secret in it).',
  fix: 'Grant it on each secret the workload reads (google_secret_manager_secret_iam_member).',
  acknowledgeable: true,
  check: (model) =>
    grantFindings(
      model,
      (b) => PROJECT_WIDE_SECRET_ROLES.has(b.role) && isProjectOrWider(b),
      'the member can read every secret there, including ones created later.',
    ),
};
