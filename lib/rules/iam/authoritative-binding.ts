import { googleIamKind } from '../../analysis/private/google-access';
import type { Rule, RuleFinding } from '../rule';

/**
 * `google_*_iam_binding` and `google_*_iam_policy`: authoritative resources that remove every
 * member (or every binding) not listed in them, including grants made by other stacks, other
 * teams and Google itself (service agents), on the next apply.
 */
export const iamAuthoritativeBinding: Rule = {
  id: 'iam-authoritative-binding',
  area: 'iam',
  severity: 'error',
  description:
    'An authoritative google_*_iam_binding or google_*_iam_policy replaces access granted anywhere else.',
  fix: 'Use the additive google_*_iam_member resource, one per (role, member).',
  acknowledgeable: true,
  seeAlso: [
    'provider docs: "google_project_iam_policy ... can remove access" (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam)',
  ],
  check: (model) => {
    const findings: RuleFinding[] = [];
    for (const resource of model.resources.values()) {
      if (resource.mode !== 'managed') continue;
      const kind = googleIamKind(resource.type);
      if (kind !== 'binding' && kind !== 'policy') continue;
      findings.push({
        resource,
        message:
          kind === 'binding'
            ? `${resource.type} sets every member of ${String(resource.body.role)}: members granted it elsewhere lose it on the next apply.`
            : `${resource.type} sets the whole IAM policy: every binding not written here is removed on the next apply.`,
      });
    }
    return findings;
  },
};
