import { isDefaultServiceAccount } from '../../core/private/member-kinds';
import { grantFindings } from '../private/scope';
import type { Rule } from '../rule';

/** Grants to the Compute Engine or App Engine default service account: every workload without its own account gets them. */
export const iamDefaultServiceAccount: Rule = {
  id: 'iam-default-service-account',
  area: 'iam',
  severity: 'error',
  description: 'A role is granted to the Compute Engine or App Engine default service account.',
  fix: 'Create a dedicated service account for the workload (ServiceIdentity) and grant the role to it.',
  acknowledgeable: true,
  seeAlso: [
    'checkov CKV_GCP_46, CKV_GCP_47, CKV_GCP_48',
    'trivy AVD-GCP-0004, AVD-GCP-0005, AVD-GCP-0009',
  ],
  check: (model) =>
    grantFindings(
      model,
      (b) => isDefaultServiceAccount(b.member) || isDefaultServiceAccount(b.memberText),
      'every VM, function and service that runs as the default account gets it.',
    ),
};
