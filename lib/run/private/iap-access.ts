import type { CloudRunV2Service } from '@cdktf/provider-google/lib/cloud-run-v2-service';
import { IapWebCloudRunServiceIamMember } from '@cdktf/provider-google/lib/iap-web-cloud-run-service-iam-member';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AuditLogs } from '../../core/audit-logs';
import type { Grant } from '../../core/grant';
import type { IGrantable, IPrincipal } from '../../core/principal';
import { useBetaProvider } from '../../core/private/beta-provider';
import { bindIamMember } from '../../core/private/iam-member';
import { memberKey } from '../../core/private/member-key';
import { MemberPrincipal } from '../../core/private/member-principal';
import { isPeopleMember, validateMember } from '../../core/private/member-rules';
import { invalidProps, invalidValue } from '../../core/private/messages';
import { primaryServiceAgent } from '../../core/private/primary-service-agent';
import { requireApis } from '../../core/private/required-apis';
import { checkArg, grantable } from '../../core/private/shape';
import { isUnresolved } from '../../core/private/validate';
import { Roles } from '../../core/roles';
import { ServiceIdentity } from '../../core/service-identity';
import { CloudRunIngress } from '../cloud-run-options';

/** What the IAP access of a service needs of it. */
export interface IapTarget {
  /** The SecureCloudRunService: refusals name it, audit logs and bindings live under it. */
  readonly construct: Construct;
  /** Its `google_cloud_run_v2_service`. */
  readonly resource: CloudRunV2Service;
  readonly project: string;
  readonly location: string;
  readonly serviceName: string;
  readonly ingress: CloudRunIngress;
  /** False when the ingress is the library's default rather than the user's choice. */
  readonly ingressGiven: boolean;
  readonly publicAccess: boolean;
  readonly auditLogs: boolean;
  /** The service's `name` reference. */
  readonly nameRef: () => string;
  /** Binds `roles/run.servicesInvoker` on the service, as its other invokers are bound. */
  readonly bindInvoker: (principal: IPrincipal, prop: string) => Grant;
}

const GRANTEE = grantable<IGrantable>();
const IAP_API = 'iap.googleapis.com';

/**
 * People reach a Cloud Run service through Identity-Aware Proxy enabled on the service
 * itself, which protects its run.app URL and any load balancer in front of it
 * (https://cloud.google.com/run/docs/securing/identity-aware-proxy-cloud-run):
 *
 * - the service gets `iap_enabled = true`, an argument only the google-beta provider has in
 *   6.50.0 (the GA provider gained it in 7.x), so the service is put on the stack's
 *   google-beta provider (`google_cloud_run_v2_service` is the same resource type in both);
 * - each user or group gets `roles/iap.httpsResourceAccessor` (one permission) on this
 *   service only (`google_iap_web_cloud_run_service_iam_member`, GA provider);
 * - IAP then calls the service as the project's IAP service agent,
 *   `service-<project number>@gcp-sa-iap.iam.gserviceaccount.com`, which gets
 *   `roles/run.servicesInvoker` on the service; the agent is named by a google-beta
 *   `google_project_service_identity` for `iap.googleapis.com`, which also creates it if the
 *   project has none yet, so the binding works on the first apply without a project number
 *   (as Google's own Cloud Run IAP deployment does: googlemaps/js-route-optimization-app,
 *   `deployment/iap.tf`; magic-modules `project_service_identity.html.markdown`);
 * - the IAP API is required and its Data Access audit logs (`iap.googleapis.com`, which
 *   record each access decision) are turned on.
 */
export class IapUserAccess {
  private invokersNoted = false;

  constructor(
    private readonly target: IapTarget,
    prop: string,
  ) {
    this.refuseConflicts(prop);
    const { construct, resource, project } = target;
    useBetaProvider(resource, construct, () =>
      invalidProps(
        construct,
        prop,
        'turns on Identity-Aware Proxy on the service (iap_enabled), which the google provider 6.50.0 lacks and the google-beta provider has, and the stack has no google-beta provider',
        "Add one: new GoogleBetaProvider(stack, 'google-beta', { project }) from '@cdktf/provider-google-beta/lib/provider'.",
      ),
    );
    resource.addOverride('iap_enabled', true);
    requireApis(resource, project, [IAP_API], construct);
    const agentGrant = target.bindInvoker(this.serviceAgent(prop), prop);
    agentGrant.resources.forEach((r) => requireApis(r, project, [IAP_API], construct));
    // https://cloud.google.com/iap/docs/audit-log-howto
    if (target.auditLogs) AuditLogs.of(construct).enable(project, IAP_API);
  }

  /**
   * `roles/iap.httpsResourceAccessor` on this service for one user, group or domain. Service
   * accounts and federated identities are refused: IAP on Cloud Run admits identities of the
   * organization (people); workloads invoke the service with `grantInvoke`.
   */
  public grant(grantee: unknown, prop: string): Grant {
    const { construct, project, location, serviceName } = this.target;
    const checked = checkArg(construct, prop, grantee, GRANTEE);
    const principal = checked.grantPrincipal;
    const member = principal.member;
    validateMember(construct, prop, member, construct);
    const serviceAccount =
      ServiceIdentity.isServiceIdentity(principal) ||
      memberKey(principal).startsWith('serviceAccount:');
    if (serviceAccount || !isPeopleMember(construct, member)) {
      throw invalidValue(
        construct,
        prop,
        member,
        'must be people of the organization (a user, a group or a domain): Identity-Aware Proxy on Cloud Run admits only identities from the organization of the project, and signs them in with a browser',
        "Use Principal.group('team@example.com') (or Principal.user); let service accounts call the service with grantInvoke.",
      );
    }
    const role = Roles.IAP_HTTPS_RESOURCE_ACCESSOR.name;
    const grant = bindIamMember({
      requester: construct,
      owner: construct,
      prop,
      role,
      grantee: checked,
      resource: `iap-cloud-run:${location}/${serviceName}`,
      create: (scope, id, m, condition) =>
        new IapWebCloudRunServiceIamMember(scope, id, {
          project,
          location,
          cloudRunServiceName: this.target.nameRef(),
          role,
          member: m,
          condition,
        }),
    });
    grant.resources.forEach((r) => requireApis(r, project, [IAP_API], construct));
    return grant;
  }

  /**
   * Notes, once, that the service also has invokers: IAP checks every request before IAM,
   * so a workload calling the run.app URL with an ID token must also pass IAP, and push
   * subscriptions (Pub/Sub) that authenticate on their own fail.
   */
  public noteInvokers(): void {
    if (this.invokersNoted) return;
    this.invokersNoted = true;
    Annotations.of(this.target.construct).addWarning(
      'has invokers and Identity-Aware Proxy: IAP checks every request before Cloud Run IAM, so an invoker calling the run.app URL must also be admitted by IAP, and Pub/Sub push or other callers that authenticate on their own fail. Give workloads a service of their own without IAP, or check that their calls pass IAP.',
    );
  }

  /** The combinations the Cloud Run IAP documentation says do not work. */
  private refuseConflicts(prop: string): void {
    const { construct, ingress, ingressGiven, publicAccess } = this.target;
    if (publicAccess) {
      throw invalidProps(
        construct,
        prop,
        'turns on Identity-Aware Proxy, and publicAccess makes the service invocable by allUsers: IAP checks every request first, so the public grant would never be used, and the two say opposite things about who may call the service',
        'Remove publicAccess (people sign in through IAP), or remove users/grantUserAccess if the service must be public.',
      );
    }
    if (isUnresolved(ingress)) return;
    if (ingress === CloudRunIngress.INTERNAL_ONLY) {
      throw invalidProps(
        construct,
        prop,
        `turns on Identity-Aware Proxy for people, but the service's ingress (${ingress}) admits only requests from VPC networks, which browsers do not send`,
        'Set ingress: CloudRunIngress.ALL (IAP then guards the run.app URL and every other path), or CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING behind an external Application Load Balancer without IAP of its own.',
      );
    }
    if (!ingressGiven && ingress !== CloudRunIngress.ALL) {
      throw invalidProps(
        construct,
        prop,
        `turns on Identity-Aware Proxy for people, but the service's ingress is the default ${ingress}, which people reach only through a load balancer`,
        'Pass users in the props (even users: []): the ingress then defaults to CloudRunIngress.ALL, with IAP on every request; or set ingress explicitly (INTERNAL_AND_CLOUD_LOAD_BALANCING if an external load balancer without IAP of its own is in front).',
      );
    }
  }

  /**
   * The project's IAP service agent, from one `google_project_service_identity` per project and
   * stack (google-beta), so every IAP-enabled service of the project names the same member.
   */
  private serviceAgent(prop: string): MemberPrincipal {
    const { construct, project } = this.target;
    return primaryServiceAgent({
      requester: construct,
      project,
      service: IAP_API,
      idPrefix: 'IapServiceAgent',
      prop,
      usedFor: 'Identity-Aware Proxy calls the service as the IAP service agent',
    });
  }
}
