import type { IConstruct } from 'constructs';
import type { ValidationError } from '../../core/errors';
import { IGrantable } from '../../core/principal';
import { invalidProps } from '../../core/private/messages';
import { checkAtSynth } from '../../core/private/synth-check';
import { isUnresolved } from '../../core/private/validate';
import { IServiceIdentity, ServiceIdentity } from '../../core/service-identity';
import {
  CloudRunIngress,
  CloudRunVpcAccess,
  CloudRunVpcEgress,
  GrantInvokeOptions,
} from '../cloud-run-options';
import type { SecureCloudRunService } from '../secure-cloud-run-service';
import { servicesRunningAs } from './runtime-services';

/** The service being invoked: a SecureCloudRunService, or one imported by name. */
type InvokeTarget = IConstruct & { readonly ingress: CloudRunIngress };

/** How a caller reaches a Cloud Run service. */
interface CallPath {
  /** The caller calls a load balancer in front of the service, not its run.app URL. */
  readonly throughLoadBalancer: boolean;
}

/** An invoker given as an identity, checked at synth against the services that run as it. */
interface IdentityInvoker {
  readonly identity: IServiceIdentity;
  readonly path: CallPath;
  readonly prop: string;
}

/**
 * Checks that each invoker of one Cloud Run service can reach it: a SecureCloudRunService
 * at once, an identity at synth (the services that run as it may be constructed later).
 */
export class InvokerNetworkPaths {
  private readonly identityInvokers: IdentityInvoker[] = [];

  /**
   * @param target the service being invoked
   * @param isService `SecureCloudRunService.isSecureCloudRunService` (passed in: this module
   * cannot import the class that imports it)
   */
  constructor(
    private readonly target: InvokeTarget,
    private readonly isService: (x: unknown) => x is SecureCloudRunService,
  ) {}

  /** Throws when `grantee` is a Cloud Run service without a path; `prop` names it in the message. */
  public check(grantee: IGrantable, options: GrantInvokeOptions | undefined, prop: string): void {
    const path = { throughLoadBalancer: options?.throughLoadBalancer === true };
    if (this.isService(grantee)) {
      const problem = this.problem(grantee, path);
      if (problem) throw invalidProps(this.target, prop, problem.problem, problem.fix);
    } else if (ServiceIdentity.isServiceIdentity(grantee)) {
      if (this.identityInvokers.length === 0) {
        // The services that run as the identity may be made later: checked at synth.
        checkAtSynth(this.target, () => {
          const [problem] = this.identityProblems();
          if (problem) throw problem;
        });
      }
      this.identityInvokers.push({ identity: grantee as IServiceIdentity, path, prop });
    }
  }

  private identityProblems(): ValidationError[] {
    return this.identityInvokers.flatMap(({ identity, path, prop }) =>
      servicesRunningAs(identity).flatMap((caller) => {
        const problem = this.problem(caller, path);
        return problem ? [invalidProps(this.target, prop, problem.problem, problem.fix)] : [];
      }),
    );
  }

  private problem(
    caller: SecureCloudRunService,
    path: CallPath,
  ): { problem: string; fix: string } | undefined {
    const reason = unreachableBecause(this.target, caller, path);
    if (!reason) return undefined;
    return {
      problem: `names the Cloud Run service ${caller.node.path}, whose requests would never reach this service: ${reason}`,
      fix: `${networkPathFix(this.target, caller)}.`,
    };
  }
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
function unreachableBecause(
  target: InvokeTarget,
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
function networkPathFix(target: InvokeTarget, caller: SecureCloudRunService): string {
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
