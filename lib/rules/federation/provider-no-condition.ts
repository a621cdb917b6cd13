import type { Rule } from '../rule';

/** Workload identity pool providers without an attribute condition: every token of the issuer is accepted. */
export const federationProviderNoCondition: Rule = {
  id: 'federation-provider-no-condition',
  area: 'federation',
  severity: 'error',
  description: 'A workload identity pool provider has no attribute_condition.',
  fix: 'Set an attribute_condition on the claims that name your identities (assertion.repository_owner_id, assertion.tid...); WorkloadIdentityPool providers always do.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_118', 'trivy AVD-GCP-0068'],
  check: (model) =>
    model.federation
      .filter(
        (t) => t.cloud === 'google' && (t.condition === undefined || t.condition.trim() === ''),
      )
      .map((t) => ({
        resource: t.resource,
        message: `provider ${String(t.resource.body.workload_identity_pool_provider_id ?? t.resource.name)} accepts every token its issuer${t.issuer ? ` (${t.issuer})` : ''} signs: for GitHub, any repository of any owner.`,
      })),
};
