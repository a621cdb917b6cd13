import { isBasicRole } from '../../core/private/role-kinds';
import { describeGrant, googleBindings } from '../private/scope';
import type { Rule } from '../rule';

/**
 * Basic roles (owner, editor, viewer) anywhere. They carry thousands of permissions over every
 * resource of the project; granted to the public they cannot be acknowledged.
 */
export const iamBasicRole: Rule = {
  id: 'iam-basic-role',
  area: 'iam',
  severity: 'error',
  description: 'A basic role (roles/owner, roles/editor, roles/viewer) is granted.',
  fix: 'Grant the predefined role of the service that holds the permissions needed, on the one resource that needs them.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_115, CKV_GCP_116, CKV_GCP_117'],
  check: (model) =>
    googleBindings(model.bindings)
      .filter((b) => isBasicRole(b.role))
      .map((b) => ({
        resource: b.resource,
        message: `${describeGrant(b)}: a basic role carries thousands of permissions on everything in the project.`,
        acknowledgeable: b.memberKind !== 'public',
      })),
};
