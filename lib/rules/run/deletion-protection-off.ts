import type { Rule } from '../rule';

/** `deletion_protection = false` on a Cloud Run v2 service (the provider default is true). */
export const runDeletionProtectionOff: Rule = {
  id: 'run-deletion-protection-off',
  area: 'run',
  severity: 'warning',
  description: 'A Cloud Run service has deletion protection turned off.',
  fix: 'Leave deletion_protection at its default (true); turn it off in the change that removes the service.',
  acknowledgeable: true,
  check: (model) =>
    model
      .resourcesOfType('google_cloud_run_v2_service')
      .filter((s) => s.body.deletion_protection === false)
      .map((resource) => ({
        resource,
        message: `Cloud Run service ${String(resource.body.name ?? resource.name)} can be destroyed by any plan that drops or renames it.`,
      })),
};
