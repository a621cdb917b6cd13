import { isUnresolved } from '../../core/private/validate';
import { CloudRunIngress, CloudRunVpcAccess, CloudRunVpcEgress } from '../cloud-run-options';
import type { SecureCloudRunService } from '../secure-cloud-run-service';

/** How a caller reaches a Cloud Run service. */
export interface CallPath {
  /** The caller calls a load balancer in front of the service, not its run.app URL. */
  readonly throughLoadBalancer: boolean;
}

/**
 * Why requests of the Cloud Run service `caller` would never reach `target`, or undefined
 * when they can.
 *
 * Cloud Run counts a request from another Cloud Run service as internal only when the caller
 * sends it through a VPC network (Direct VPC egress or a connector, with Private Google
 * Access on the subnet): https://cloud.google.com/run/docs/securing/ingress. With
 * `PRIVATE_RANGES_ONLY` egress a call to `*.run.app` leaves through the internet unless the
 * VPC resolves run.app to the Private Google Access addresses, so only `ALL_TRAFFIC` egress,
 * or a declared private DNS zone for run.app, is a path. An invoker binding without a path
 * is a grant that does nothing.
 */
export function unreachableBecause(
  target: SecureCloudRunService,
  caller: SecureCloudRunService,
  path: CallPath,
): string | undefined {
  const ingress = target.ingress;
  if (isUnresolved(ingress) || ingress === CloudRunIngress.ALL) return undefined;
  const vpc = caller.vpcAccess;
  if (path.throughLoadBalancer) {
    // An external Application Load Balancer is admitted by INTERNAL_AND_CLOUD_LOAD_BALANCING;
    // with INTERNAL_ONLY only an internal one is, and it has a private address in a VPC.
    if (ingress !== CloudRunIngress.INTERNAL_ONLY || vpc) return undefined;
    return `its ingress (${ingress}) admits only an internal Application Load Balancer, whose private address ${caller.node.id} cannot reach without vpcAccess`;
  }
  if (!vpc) {
    return `its ingress (${ingress}) admits another Cloud Run service only when that service sends its requests through a VPC network, and ${caller.node.id} has no vpcAccess`;
  }
  if (!routesRunAppThroughVpc(vpc)) {
    return `its ingress (${ingress}) admits another Cloud Run service only when that service sends its requests through a VPC network, and ${caller.node.id} sends only private ranges there (egress PRIVATE_RANGES_ONLY): its calls to run.app leave through the internet`;
  }
  return undefined;
}

/** The fix for {@link unreachableBecause}, naming both services. */
export function networkPathFix(
  target: SecureCloudRunService,
  caller: SecureCloudRunService,
): string {
  const name = caller.node.id;
  return (
    `Give ${name} vpcAccess with egress: CloudRunVpcEgress.ALL_TRAFFIC (and Private Google Access on its subnet), ` +
    `or set vpcAccess.privateRunAppDns: true if its VPC resolves run.app to the Private Google Access addresses; ` +
    `grant with grantInvoke(${name}, { throughLoadBalancer: true }) if ${name} calls a load balancer in front of ${target.node.id}; ` +
    `or set ingress: CloudRunIngress.ALL on ${target.node.id} (IAM still decides who may invoke)`
  );
}

function routesRunAppThroughVpc(vpc: CloudRunVpcAccess): boolean {
  const egress = vpc.egress ?? CloudRunVpcEgress.PRIVATE_RANGES_ONLY;
  return (
    isUnresolved(egress) ||
    egress === CloudRunVpcEgress.ALL_TRAFFIC ||
    vpc.privateRunAppDns === true
  );
}
