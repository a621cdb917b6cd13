import type { MemberKind } from '../../core/private/member-kinds';
import { grantFindings } from '../private/scope';
import type { Rule } from '../rule';

const WHAT: Partial<Record<MemberKind, string>> = {
  'whole-pool': 'every identity of a workload or workforce pool',
  'all-service-accounts': 'every service account of a project, folder or organization',
  customer: 'every account of a Workspace or Cloud Identity customer',
  convenience: 'whoever holds a basic role of the project',
};

/** Members that name far more identities than anyone meant: whole pools, all service accounts, a whole customer. */
export const iamBroadPrincipalSet: Rule = {
  id: 'iam-broad-principal-set',
  area: 'iam',
  severity: 'error',
  description:
    'A role is granted to a whole workload identity pool, every service account, a whole customer, or a project convenience member.',
  fix: 'Grant to one federated principal or attribute set (provider.principalForRepository, pool.principalSetForAttribute), or to named groups.',
  acknowledgeable: true,
  check: (model) =>
    grantFindings(
      model,
      (b) => WHAT[b.memberKind] !== undefined,
      (b) => `that is ${WHAT[b.memberKind]}.`,
    ),
};
