import { isCloudRunService } from '../private/cloud-run';
import { grantFindings } from '../private/scope';
import type { Rule } from '../rule';

/** A Cloud Run service anyone may invoke. SecureCloudRunService acknowledges it with its `publicAccess` reason. */
export const runPublicInvoker: Rule = {
  id: 'run-public-invoker',
  area: 'run',
  severity: 'error',
  description: 'A Cloud Run service grants a role to allUsers or allAuthenticatedUsers.',
  fix: "Name the invokers; if the service must be public, say why (SecureCloudRunService 'publicAccess: { reason }', or acknowledge this rule with the reason).",
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_102'],
  check: (model) =>
    grantFindings(
      model,
      (b) => b.memberKind === 'public' && isCloudRunService(b.target.type),
      'anyone on the internet may call the service.',
    ),
};
