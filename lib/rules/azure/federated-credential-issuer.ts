import type { Rule } from '../rule';

/**
 * Issuers a federated identity credential is expected to trust: Google (GCP workloads),
 * GitHub Actions, Entra ID itself, and AKS / Kubernetes OIDC issuers hosted by Azure.
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation
 */
const EXPECTED_ISSUERS: readonly RegExp[] = [
  /^https:\/\/accounts\.google\.com$/,
  /^https:\/\/token\.actions\.githubusercontent\.com$/,
  /^https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/v2\.0$/i,
  /^https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/$/i,
  /^https:\/\/[a-z0-9-]+\.oic\.prod-aks\.azure\.com\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/$/i,
];

/** Federated identity credentials that trust an issuer outside the expected set. */
export const azureFederatedCredentialIssuer: Rule = {
  id: 'azure-federated-credential-issuer',
  area: 'azure',
  severity: 'error',
  description:
    'A federated identity credential trusts an issuer other than Google, GitHub Actions, Entra ID or AKS.',
  fix: 'Use the issuer of the platform the workload runs on; if this issuer is yours, acknowledge the rule and say whose it is.',
  acknowledgeable: true,
  check: (model) =>
    model.federation
      .filter((t) => t.cloud === 'azure')
      .filter((t) => t.issuer === undefined || !t.issuer.includes('${'))
      .filter((t) => !EXPECTED_ISSUERS.some((r) => r.test(t.issuer ?? '')))
      .map((t) => ({
        resource: t.resource,
        message: `trusts tokens from ${t.issuer ? `'${t.issuer}'` : 'no issuer'}: whoever controls that issuer can sign in as the identity.`,
      })),
};
