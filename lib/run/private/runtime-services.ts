import type { IServiceIdentity } from '../../core/service-identity';
import type { SecureCloudRunService } from '../secure-cloud-run-service';

/**
 * The Cloud Run services that run as each identity, so that a construct handed only the
 * identity (an invoker, the workload of a Key Vault federation) can check the network path
 * of the service behind it. Filled by the SecureCloudRunService constructor; read at synth,
 * when every service of the stack exists.
 */
const SERVICES_OF_IDENTITY = new WeakMap<IServiceIdentity, SecureCloudRunService[]>();

export function registerRuntime(identity: IServiceIdentity, service: SecureCloudRunService): void {
  const services = SERVICES_OF_IDENTITY.get(identity);
  if (services) services.push(service);
  else SERVICES_OF_IDENTITY.set(identity, [service]);
}

/** The Cloud Run services (made by this library) that run as `identity`. */
export function servicesRunningAs(identity: IServiceIdentity): readonly SecureCloudRunService[] {
  return SERVICES_OF_IDENTITY.get(identity) ?? [];
}
