import { IMPERSONATION_ROLES } from '../../core/private/role-kinds';
import { grantFindings, isProjectOrWider } from '../private/scope';
import type { Rule } from '../rule';

/** serviceAccountUser, token creators and workloadIdentityUser on a project or wider: every service account. */
export const iamImpersonationBroad: Rule = {
  id: 'iam-impersonation-broad',
  area: 'iam',
  severity: 'error',
  description:
    'serviceAccountUser, serviceAccountTokenCreator or workloadIdentityUser is granted on a project, folder or organization (every service account in it).',
  fix: 'Grant the role on the one service account to act as (google_service_account_iam_member).',
  acknowledgeable: true,
  seeAlso: [
    'checkov CKV_GCP_41, CKV_GCP_44, CKV_GCP_45, CKV_GCP_49',
    'trivy AVD-GCP-0006, AVD-GCP-0008, AVD-GCP-0011',
  ],
  check: (model) =>
    grantFindings(
      model,
      (b) => IMPERSONATION_ROLES.has(b.role) && isProjectOrWider(b),
      'the member can act as every service account there, and so hold all of their access.',
    ),
};
