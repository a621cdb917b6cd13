import { grantFindings, isProjectOrWider } from '../private/scope';
import type { Rule } from '../rule';

/** Individual users on a project or wider: access that stays when people change teams. */
export const iamUserBroadLevel: Rule = {
  id: 'iam-user-broad-level',
  area: 'iam',
  severity: 'warning',
  description: 'A role is granted to an individual user on a project, folder or organization.',
  fix: 'Grant it to a group (group:team@example.com) and manage people through the group.',
  acknowledgeable: true,
  seeAlso: ['trivy AVD-GCP-0003'],
  check: (model) =>
    grantFindings(
      model,
      (b) => b.memberKind === 'user' && isProjectOrWider(b),
      'grants to people belong to groups, which outlive team changes.',
    ),
};
