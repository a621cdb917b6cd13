import { isDefaultServiceAccount } from '../../core/private/member-kinds';
import { cloudRunServices, runtimeAccountOf } from '../private/cloud-run';
import type { Rule } from '../rule';

/** Cloud Run services that run as the Compute Engine default account (no account named, or named explicitly). */
export const runDefaultServiceAccount: Rule = {
  id: 'run-default-service-account',
  area: 'run',
  severity: 'error',
  description:
    'A Cloud Run service runs as the Compute Engine default service account (none is set, or it is named).',
  fix: 'Give the service its own account (SecureCloudRunService does; with raw resources set template.service_account).',
  acknowledgeable: true,
  seeAlso: ['https://cloud.google.com/run/docs/securing/service-identity'],
  check: (model) =>
    cloudRunServices(model)
      .filter((s) => {
        const account = runtimeAccountOf(s);
        return account === undefined || isDefaultServiceAccount(account);
      })
      .map((resource) => ({
        resource,
        message: `Cloud Run service ${String(resource.body.name ?? resource.name)} runs as the default compute account, which often holds the Editor role and is shared by every workload without its own account.`,
      })),
};
