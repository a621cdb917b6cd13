import { isBasicRole } from '../../core/private/role-kinds';
import { isCloudRunService } from '../private/cloud-run';
import { grantFindings } from '../private/scope';
import type { Rule } from '../rule';

/**
 * `allUsers`, `allAuthenticatedUsers` or `principalSet://goog/public:all` as a member. Public
 * Cloud Run invokers are reported by `run-public-invoker`, public basic roles by
 * `iam-basic-role`, so each binding is reported once.
 */
export const iamPublicMember: Rule = {
  id: 'iam-public-member',
  area: 'iam',
  severity: 'error',
  description: 'A role is granted to allUsers or allAuthenticatedUsers (anyone on the internet).',
  fix: 'Grant the role to the groups or service accounts that need it; publish content through a load balancer or signed URLs instead.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_28, CKV_GCP_15, CKV_GCP_112', 'trivy AVD-GCP-0001'],
  check: (model) =>
    grantFindings(
      model,
      (b) => b.memberKind === 'public' && !isBasicRole(b.role) && !isCloudRunService(b.target.type),
      'anyone on the internet gets it.',
    ),
};
