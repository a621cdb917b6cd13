import type { Rule } from '../rule';

/** Entra ID token issuers (v1 and v2 endpoints). */
const ENTRA_ISSUER = /^https:\/\/(sts\.windows\.net|login\.microsoftonline\.com)\//;

/**
 * OIDC providers for Microsoft Entra ID without `allowed_audiences`. Without it, Google accepts
 * only tokens whose audience is the provider's own resource name
 * (https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers#oidc),
 * which is safe for issuers that let the caller pick the audience (GitHub Actions) but not what
 * Entra tokens carry: they name an application ID URI. The trust then either fails on first use
 * or rests on an application registered under Google's URL, which nobody reviews.
 */
export const federationEntraNoAudience: Rule = {
  id: 'federation-entra-no-audience',
  area: 'federation',
  severity: 'warning',
  description: 'An OIDC provider for Microsoft Entra ID names no allowed audience.',
  fix: 'Set allowed_audiences to the Application ID URI your Azure workloads request tokens for (addAzureAdProvider allowedAudiences).',
  acknowledgeable: true,
  check: (model) =>
    model.federation
      .filter((t) => t.cloud === 'google' && t.kind === 'oidc' && t.audiences.length === 0)
      .filter((t) => t.issuer !== undefined && ENTRA_ISSUER.test(t.issuer))
      .map((t) => ({
        resource: t.resource,
        message: `provider for ${t.issuer} accepts only tokens for its own resource name, which Entra ID issues only to an application registered under that URL.`,
      })),
};
