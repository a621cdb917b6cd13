import type { IConstruct } from 'constructs';
import type { Grant } from '../core/grant';
import type { IGrantable } from '../core/principal';

/**
 * Where requests to a Cloud Run service may come from. The values are the provider's
 * `ingress` settings.
 */
export enum CloudRunIngress {
  /** Only from the project's VPC networks, Shared VPC and VPC Service Controls perimeter. */
  INTERNAL_ONLY = 'INGRESS_TRAFFIC_INTERNAL_ONLY',
  /** Internal sources and Cloud Load Balancing (where Cloud Armor and IAP can sit). The default. */
  INTERNAL_AND_CLOUD_LOAD_BALANCING = 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
  /** Anyone on the internet may reach the URL (IAM still decides who may invoke). */
  ALL = 'INGRESS_TRAFFIC_ALL',
}

/** Which outbound traffic of a Cloud Run service goes through the VPC. */
export enum CloudRunVpcEgress {
  /** Only traffic to private IP ranges goes through the VPC. */
  PRIVATE_RANGES_ONLY = 'PRIVATE_RANGES_ONLY',
  /** All outbound traffic goes through the VPC, so its firewall rules and NAT apply. */
  ALL_TRAFFIC = 'ALL_TRAFFIC',
}

/** A Secret Manager secret exposed to the container as an environment variable. */
export interface SecretEnvironmentVariable {
  /** Name of the environment variable, e.g. `DB_PASSWORD`. */
  readonly name: string;
  /**
   * The secret: its id in the service's project (`db-password`), or its full name
   * (`projects/<p>/secrets/<id>`) when it lives in another project.
   */
  readonly secret: string;
  /**
   * The version to read: a number, or `latest` (read at each instance start).
   * @default 'latest'
   */
  readonly version?: string;
}

/** The written-down reason for making a Cloud Run service invocable by anyone. */
export interface PublicAccess {
  /**
   * Why this service must be public, at least 10 characters. It is recorded in the service's
   * description and in the grant registry, where access reviews read it.
   */
  readonly reason: string;
}

/**
 * How a Cloud Run service reaches a VPC: through a Serverless VPC Access connector, or with
 * Direct VPC egress (a network and/or subnetwork). Exactly one of the two.
 */
export interface CloudRunVpcAccess {
  /**
   * A Serverless VPC Access connector, `projects/<p>/locations/<r>/connectors/<name>`.
   * @default - Direct VPC egress through `network`/`subnetwork`
   */
  readonly connector?: string;
  /**
   * The VPC network for Direct VPC egress.
   * @default - the subnetwork's network
   */
  readonly network?: string;
  /**
   * The subnetwork for Direct VPC egress.
   * @default - the subnetwork named like the network in the service's region
   */
  readonly subnetwork?: string;
  /**
   * Network tags for Direct VPC egress, for firewall rules.
   * @default - none
   */
  readonly networkTags?: string[];
  /**
   * Which outbound traffic goes through the VPC. To call another Cloud Run service whose
   * ingress is not `ALL`, requests must go through the VPC: use `ALL_TRAFFIC`, or declare
   * `privateRunAppDns`.
   * @default CloudRunVpcEgress.PRIVATE_RANGES_ONLY
   */
  readonly egress?: CloudRunVpcEgress;
  /**
   * The VPC resolves `run.app` to the Private Google Access addresses (a Cloud DNS private
   * zone pointing at `private.googleapis.com` or `restricted.googleapis.com`), so calls to
   * other Cloud Run services go through the VPC even with `PRIVATE_RANGES_ONLY` egress. The
   * library cannot see DNS: set this to declare it, and the invoker check accepts the path.
   * @default false
   */
  readonly privateRunAppDns?: boolean;
}

/** Options of `SecureCloudRunService.grantInvoke`. */
export interface GrantInvokeOptions {
  /**
   * The grantee calls a load balancer in front of the service (an external Application Load
   * Balancer for `INTERNAL_AND_CLOUD_LOAD_BALANCING` ingress, an internal one for
   * `INTERNAL_ONLY`), not its run.app URL. The network check then accepts a Cloud Run caller
   * without VPC egress (for an internal load balancer it still needs vpcAccess).
   * @default false
   */
  readonly throughLoadBalancer?: boolean;
}

/** Binary Authorization for a Cloud Run service: only attested images may be deployed. */
export interface CloudRunBinaryAuthorization {
  /**
   * The policy, `projects/<p>/platforms/cloudRun/policies/<name>`.
   * @default - the project's default policy
   */
  readonly policy?: string;
}

/**
 * A Cloud Run service that grants invocation on itself alone: a {@link SecureCloudRunService},
 * or a service created elsewhere (`SecureCloudRunService.fromServiceName`).
 */
export interface ICloudRunService extends IConstruct {
  /** Project of the service. */
  readonly project: string;
  /** Region of the service. */
  readonly location: string;
  /** Name of the service. */
  readonly serviceName: string;
  /** Where requests to the service may come from (what the invoker network check reads). */
  readonly ingress: CloudRunIngress;
  /**
   * `roles/run.servicesInvoker` (only `run.routes.invoke`) on this service for `grantee`;
   * a Cloud Run grantee must have a network path to it (see `SecureCloudRunService.grantInvoke`).
   */
  grantInvoke(grantee: IGrantable, options?: GrantInvokeOptions): Grant;
}

/** What names a Cloud Run service created elsewhere (`SecureCloudRunService.fromServiceName`). */
export interface CloudRunServiceAttributes {
  /** Project of the service. */
  readonly project: string;
  /** Region of the service, e.g. `europe-west1`. */
  readonly location: string;
  /** Name of the service. */
  readonly serviceName: string;
  /**
   * The service's ingress, which decides whether a Cloud Run invoker can reach it without a
   * VPC path (checked as for a SecureCloudRunService).
   * @default CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING (the library's default; say
   * `ALL` for a service reachable from the internet)
   */
  readonly ingress?: CloudRunIngress;
}
