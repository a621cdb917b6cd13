import { grantFindings } from '../private/scope';
import type { Rule } from '../rule';

/** `domain:` members: everyone with an account in the domain, today and later. */
export const iamDomainMember: Rule = {
  id: 'iam-domain-member',
  area: 'iam',
  severity: 'warning',
  description: 'A role is granted to a whole domain (domain:example.com).',
  fix: 'Grant it to the Google group of the people who need it.',
  acknowledgeable: true,
  check: (model) =>
    grantFindings(
      model,
      (b) => b.memberKind === 'domain',
      'every account of the domain gets it, including ones created later.',
    ),
};
