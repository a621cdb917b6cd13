import { federationConditionNoClaim } from '../../lib/rules/federation/condition-no-claim';
import { federationEntraNoAudience } from '../../lib/rules/federation/entra-no-audience';
import { federationProviderNoCondition } from '../../lib/rules/federation/provider-no-condition';
import { describeRules, stackJson } from './rule-cases';

const GITHUB = 'https://token.actions.githubusercontent.com';
const ENTRA = 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/';
const provider = (body: Record<string, unknown>) =>
  stackJson({
    google_iam_workload_identity_pool_provider: {
      ci: {
        workload_identity_pool_id: 'ci',
        workload_identity_pool_provider_id: 'github',
        ...body,
      },
    },
  });

describeRules([
  {
    rule: federationProviderNoCondition,
    noncompliant: provider({ oidc: { issuer_uri: GITHUB } }),
    compliant: provider({
      oidc: { issuer_uri: GITHUB },
      attribute_condition: "assertion.repository_owner_id == '123'",
    }),
    expected: ['google_iam_workload_identity_pool_provider.ci'],
    message: /any repository of any owner/,
  },
  {
    rule: federationConditionNoClaim,
    noncompliant: provider({ oidc: { issuer_uri: GITHUB }, attribute_condition: 'true' }),
    compliant: provider({
      oidc: { issuer_uri: GITHUB },
      attribute_condition: "attribute.repository == 'acme/app'",
    }),
    expected: ['google_iam_workload_identity_pool_provider.ci'],
  },
  {
    rule: federationEntraNoAudience,
    noncompliant: provider({
      oidc: { issuer_uri: ENTRA },
      attribute_condition: "assertion.tid == 'x'",
    }),
    compliant: stackJson({
      google_iam_workload_identity_pool_provider: {
        entra: {
          workload_identity_pool_id: 'ci',
          oidc: { issuer_uri: ENTRA, allowed_audiences: ['api://acme-gcp'] },
          attribute_condition: "assertion.tid == 'x'",
        },
        // GitHub Actions asks for the provider's own resource name as audience by default.
        github: {
          workload_identity_pool_id: 'ci',
          oidc: { issuer_uri: GITHUB },
          attribute_condition: "assertion.repository_owner == 'acme'",
        },
      },
    }),
    expected: ['google_iam_workload_identity_pool_provider.ci'],
  },
]);
