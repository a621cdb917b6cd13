import { cloudRunServices, iapEnabledOn, ingressOf } from '../private/cloud-run';
import type { Rule } from '../rule';

/**
 * Cloud Run ingress open to the internet (the API default when `ingress` is unset), unless
 * Identity-Aware Proxy is enabled on the service, which then authorizes every request.
 */
export const runIngressAll: Rule = {
  id: 'run-ingress-all',
  area: 'run',
  severity: 'warning',
  description:
    'A Cloud Run service accepts traffic from the internet (ingress ALL, the default when unset) without Identity-Aware Proxy on it or a recorded reason.',
  fix: 'Use INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER behind a load balancer (Cloud Armor, IAP), enable IAP on the service for people (SecureCloudRunService `users`), or acknowledge the rule with the reason the URL must be public.',
  acknowledgeable: true,
  seeAlso: ['https://cloud.google.com/run/docs/securing/ingress'],
  check: (model) =>
    cloudRunServices(model)
      .filter((s) => ingressOf(s) === 'all' && !iapEnabledOn(s))
      .map((resource) => ({
        resource,
        message: `Cloud Run service ${String(resource.body.name ?? resource.name)} accepts requests from the whole internet; only IAM stands between it and every caller.`,
      })),
};
