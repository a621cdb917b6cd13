import type { StackModel, TfResource } from '../../analysis/model';
import { asArray, asObject } from '../../analysis/private/google-access';

const V2 = 'google_cloud_run_v2_service';
const V1 = 'google_cloud_run_service';

/** True for the Cloud Run service types (v2 and the older v1 resource). */
export function isCloudRunService(type: string): boolean {
  return type === V2 || type === V1;
}

/** Every Cloud Run service of the stack, v2 and v1. */
export function cloudRunServices(model: StackModel): TfResource[] {
  return [...model.resourcesOfType(V2), ...model.resourcesOfType(V1)];
}

/** The ingress setting, normalized to `all`, `internal` or `internal-and-cloud-load-balancing`. */
export function ingressOf(service: TfResource): string {
  if (service.type === V2) {
    // Unset means the API default, INGRESS_TRAFFIC_ALL.
    const ingress = String(service.body.ingress ?? 'INGRESS_TRAFFIC_ALL');
    return (
      {
        INGRESS_TRAFFIC_ALL: 'all',
        INGRESS_TRAFFIC_INTERNAL_ONLY: 'internal',
        INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: 'internal-and-cloud-load-balancing',
      }[ingress] ?? ingress
    );
  }
  const annotations = asObject(asObject(service.body.metadata).annotations);
  return String(annotations['run.googleapis.com/ingress'] ?? 'all');
}

/** The service account a service runs as, as written (undefined: the default compute account). */
export function runtimeAccountOf(service: TfResource): string | undefined {
  const template = asObject(service.body.template);
  const account =
    service.type === V2 ? template.service_account : asObject(template.spec).service_account_name;
  return typeof account === 'string' && account.length > 0 ? account : undefined;
}

/** Environment variables with a plain `value`, of every container. */
export function plainEnvironmentOf(service: TfResource): Array<{ name: string; value: unknown }> {
  const template = asObject(service.body.template);
  const containers = service.type === V2 ? template.containers : asObject(template.spec).containers;
  return asArray(containers)
    .flatMap((c) => asArray(asObject(c).env))
    .map((e) => asObject(e))
    .filter((e) => typeof e.name === 'string' && e.value !== undefined)
    .map((e) => ({ name: String(e.name), value: e.value }));
}

/**
 * True when Identity-Aware Proxy is enabled on the service itself (`iap_enabled`, v2; the
 * `run.googleapis.com/iap-enabled` annotation, v1): IAP then admits only the people it
 * authorizes on every path, the run.app URL included.
 */
export function iapEnabledOn(service: TfResource): boolean {
  if (service.type === V2) return service.body.iap_enabled === true;
  const annotations = asObject(asObject(service.body.metadata).annotations);
  return String(annotations['run.googleapis.com/iap-enabled']) === 'true';
}
