import type { Rule } from '../rule';

/** A claim, mapped attribute or Google attribute named in a CEL condition. */
const CLAIM = /\b(assertion|attribute|google)\.[A-Za-z_]/;

/** Attribute conditions that look at no claim (`true`, `1 == 1`): the same as none. */
export const federationConditionNoClaim: Rule = {
  id: 'federation-condition-no-claim',
  area: 'federation',
  severity: 'error',
  description:
    'A workload identity pool provider has an attribute_condition that references no claim (assertion.*, attribute.*, google.*).',
  fix: "Write the condition on the claims that name your identities, e.g. assertion.repository_owner_id == '123456'.",
  acknowledgeable: true,
  check: (model) =>
    model.federation
      .filter((t) => t.cloud === 'google' && t.condition !== undefined && t.condition.trim() !== '')
      .filter((t) => !t.condition!.includes('${') && !CLAIM.test(t.condition!))
      .map((t) => ({
        resource: t.resource,
        message: `condition '${t.condition}' looks at no claim of the token, so it accepts every token the issuer signs.`,
      })),
};
