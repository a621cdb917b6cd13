import { asArray } from '../../analysis/private/google-access';
import type { Rule, RuleFinding } from '../rule';

/**
 * Permissions that let the holder give itself more access: act as or mint tokens for service
 * accounts, create their keys, rewrite roles or policies, or deploy code that runs as another
 * account. Sources: Sonar rule S6408 (GCP custom roles should not enable privilege escalation)
 * and Rhino Security Labs, "Privilege Escalation in Google Cloud Platform".
 */
export const ESCALATION_PERMISSIONS: ReadonlySet<string> = new Set([
  'iam.serviceAccounts.actAs',
  'iam.serviceAccounts.getAccessToken',
  'iam.serviceAccounts.getOpenIdToken',
  'iam.serviceAccounts.implicitDelegation',
  'iam.serviceAccounts.signBlob',
  'iam.serviceAccounts.signJwt',
  'iam.serviceAccountKeys.create',
  'iam.roles.create',
  'iam.roles.update',
  'deploymentmanager.deployments.create',
  'cloudbuild.builds.create',
  'orgpolicy.policy.set',
  'storage.hmacKeys.create',
  'serviceusage.apiKeys.create',
]);

const CUSTOM_ROLE_TYPES = ['google_project_iam_custom_role', 'google_organization_iam_custom_role'];

/** Custom roles holding wildcards or permissions that escalate privileges. */
export const iamCustomRoleEscalation: Rule = {
  id: 'iam-custom-role-escalation',
  area: 'iam',
  severity: 'error',
  description:
    'A custom role holds a wildcard or a permission that escalates privileges (setIamPolicy, actAs, getAccessToken, key creation...).',
  fix: 'Remove those permissions from the role; grant impersonation on one service account with its own binding where it is needed.',
  acknowledgeable: true,
  seeAlso: [
    'Sonar S6408',
    'https://rhinosecuritylabs.com/gcp/privilege-escalation-google-cloud-platform-part-1/',
  ],
  check: (model) => {
    const findings: RuleFinding[] = [];
    for (const type of CUSTOM_ROLE_TYPES) {
      for (const resource of model.resourcesOfType(type)) {
        const risky = asArray(resource.body.permissions)
          .map(String)
          .filter(
            (p) => p.includes('*') || p.endsWith('.setIamPolicy') || ESCALATION_PERMISSIONS.has(p),
          );
        if (risky.length === 0) continue;
        findings.push({
          resource,
          message: `custom role ${String(resource.body.role_id ?? resource.name)} holds ${risky.join(', ')}: whoever holds the role can give itself more access.`,
        });
      }
    }
    return findings;
  },
};
