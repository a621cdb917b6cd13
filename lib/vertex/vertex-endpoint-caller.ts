import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AuditLogs } from '../core/audit-logs';
import { Grant } from '../core/grant';
import { IGrantable } from '../core/principal';
import { useBetaProvider } from '../core/private/beta-provider';
import { constructScope } from '../core/private/construct-args';
import { bindIamMember } from '../core/private/iam-member';
import { invalidProps, invalidValue } from '../core/private/messages';
import { requireApis } from '../core/private/required-apis';
import { checkProps, flag, grantable, oneOf, optional, Schema, text } from '../core/private/shape';
import {
  isUnresolved,
  validatePattern,
  validateProjectId,
  validateRegion,
} from '../core/private/validate';
import { SecureCloudRunService } from '../run/secure-cloud-run-service';
import { endpointIamMemberClass } from './private/beta-classes';
import { CallerRole, EndpointCallerRoles } from './private/endpoint-caller-roles';
import { VertexGrantScope } from './vertex-grant-scope';

/** Props of a {@link VertexEndpointCaller}. */
export interface VertexEndpointCallerProps {
  /** Who may call the endpoint: a ServiceIdentity, a SecureCloudRunService, a principal. */
  readonly caller: IGrantable;
  /** Project of the endpoint. */
  readonly project: string;
  /** Region of the endpoint, e.g. `europe-west1`. */
  readonly region: string;
  /** Numeric id of the endpoint: the last part of `projects/<p>/locations/<r>/endpoints/<id>`. */
  readonly endpointId: string;
  /**
   * Also allow explanations (`aiplatform.endpoints.explain`).
   * @default false
   */
  readonly allowExplain?: boolean;
  /**
   * Where the custom role is bound.
   * @default VertexGrantScope.ENDPOINT
   */
  readonly scope?: VertexGrantScope;
  /**
   * Allow a SecureCloudRunService caller in another region than the endpoint.
   * @default false
   */
  readonly allowCrossRegion?: boolean;
  /**
   * Enable the Vertex AI Data Access audit logs (who predicted on which endpoint).
   * @default true
   */
  readonly auditLogs?: boolean;
}

const ENDPOINT_ID = /^[1-9][0-9]{0,18}$/;

const PROPS: Schema<VertexEndpointCallerProps> = {
  caller: grantable<IGrantable>(),
  project: text({ example: "'acme-prod'" }),
  region: text({ example: "'europe-west1'" }),
  endpointId: text({ example: "'1234567890123456789'" }),
  allowExplain: optional(flag()),
  scope: optional(oneOf(VertexGrantScope, 'VertexGrantScope')),
  allowCrossRegion: optional(flag()),
  auditLogs: optional(flag()),
};

/**
 * Lets one caller predict on one Vertex AI endpoint, and nothing else.
 *
 * No predefined role fits: there is no `roles/aiplatform.endpointUser`, and the smallest
 * predefined role with `aiplatform.endpoints.predict` is `roles/aiplatform.user`, with 446
 * permissions (including creating and deleting endpoints, models and datasets). So the
 * caller gets a project custom role holding only `aiplatform.endpoints.predict` (plus
 * `aiplatform.endpoints.explain` with `allowExplain`), bound on the endpoint itself.
 */
export class VertexEndpointCaller extends Construct {
  /** The custom role bound to the caller (in another stack of the app when that stack owns it). */
  public readonly customRole: ProjectIamCustomRole;
  /** The grant (also in the stack's grant registry). */
  public readonly grant: Grant;
  /** The URL the caller POSTs predictions to. */
  public readonly predictUrl: string;
  /**
   * Name of the custom role, `projects/<p>/roles/<id>`: a reference in the stack that owns the
   * role, the literal name in the other stacks of the app.
   */
  public readonly role: string;

  private readonly shared: EndpointCallerRoles;
  private readonly callerRole: CallerRole;

  constructor(scope: Construct, id: string, givenProps: VertexEndpointCallerProps) {
    super(constructScope('VertexEndpointCaller', scope, id), id);
    const props = checkProps(this, givenProps, PROPS);
    this.validate(props);
    const { project, region, endpointId } = props;
    const endpoint = `projects/${project}/locations/${region}/endpoints/${endpointId}`;
    this.predictUrl = `https://${region}-aiplatform.googleapis.com/v1/${endpoint}:predict`;
    // Roles and bindings live in one stack-level construct, so two caller objects for the same
    // caller and endpoint share one binding (two would remove each other's access on destroy).
    this.shared = EndpointCallerRoles.of(this);
    this.callerRole = this.shared.roleFor(this, project, props.allowExplain ?? false);
    this.customRole = this.callerRole.resource;
    this.role = this.callerRole.name;

    if ((props.scope ?? VertexGrantScope.ENDPOINT) === VertexGrantScope.ENDPOINT) {
      this.grant = this.bindOnEndpoint(props.caller, project, region, endpoint);
    } else {
      Annotations.of(this).addWarning(
        `The Vertex AI caller role is bound on project '${project}', so the caller can predict on every endpoint of the project. Use VertexGrantScope.ENDPOINT (google-beta provider) to limit it to endpoint ${endpointId}.`,
      );
      this.grant = bindIamMember({
        requester: this,
        owner: this.shared,
        prop: 'caller',
        role: this.role,
        roleKey: this.callerRole.key,
        grantee: props.caller,
        resource: `project:${project}`,
        create: (s, bindingId, member, condition) =>
          new ProjectIamMember(s, bindingId, { project, role: this.role, member, condition }),
      });
    }
    requireApis(this.customRole, project, ['iam.googleapis.com']);
    if (props.auditLogs !== false) AuditLogs.of(this).enable(project, 'aiplatform.googleapis.com');
  }

  /**
   * Binds the role with `google_vertex_ai_endpoint_iam_member`, which only the google-beta
   * provider has. A provider added after this construct is found at synth; a stack without
   * one fails every synth (`app.synth()`, `Testing.synth(stack)`) with how to add it.
   */
  private bindOnEndpoint(
    caller: IGrantable,
    project: string,
    region: string,
    endpoint: string,
  ): Grant {
    const GoogleVertexAiEndpointIamMember = endpointIamMemberClass(this);
    const grant = bindIamMember({
      requester: this,
      owner: this.shared,
      prop: 'caller',
      role: this.role,
      roleKey: this.callerRole.key,
      grantee: caller,
      resource: `vertex-endpoint:${region}/${endpoint.split('/').pop()}`,
      create: (s, bindingId, member, condition) =>
        new GoogleVertexAiEndpointIamMember(s, bindingId, {
          project,
          location: region,
          endpoint,
          role: this.role,
          member,
          condition,
        }),
    });
    const [binding] = grant.resources;
    requireApis(binding, project, ['aiplatform.googleapis.com']);
    useBetaProvider(binding, this, () =>
      invalidProps(
        this,
        'scope',
        'is VertexGrantScope.ENDPOINT (the default), whose binding (google_vertex_ai_endpoint_iam_member) needs the google-beta provider, and the stack has none',
        "Add one: new GoogleBetaProvider(stack, 'google-beta', { project }) from '@cdktf/provider-google-beta/lib/provider', " +
          'or use scope: VertexGrantScope.PROJECT (the caller could then predict on every endpoint of the project).',
      ),
    );
    return grant;
  }

  private validate(props: VertexEndpointCallerProps): void {
    validateProjectId(this, 'project', props.project);
    validateRegion(this, 'region', props.region);
    const id = props.endpointId;
    const lastPart = isUnresolved(id) ? id : id.split('/').pop();
    validatePattern(
      this,
      'endpointId',
      id,
      ENDPOINT_ID,
      'must be the numeric id of a Vertex AI endpoint',
      lastPart !== id && lastPart && ENDPOINT_ID.test(lastPart)
        ? `Pass only the id, '${lastPart}'; project and region come from their own props.`
        : "Use the last part of 'projects/<p>/locations/<r>/endpoints/<id>', e.g. '1234567890123456789'.",
    );
    const caller = props.caller;
    if (SecureCloudRunService.isSecureCloudRunService(caller) && !props.allowCrossRegion) {
      const callerRegion = caller.location;
      if (
        !isUnresolved(callerRegion) &&
        !isUnresolved(props.region) &&
        callerRegion !== props.region
      ) {
        throw invalidValue(
          this,
          'region',
          props.region,
          `differs from the region of the calling Cloud Run service ${caller.node.path} ('${callerRegion}'); a cross-region call adds latency and egress cost, and is the usual cause of timeouts between the two`,
          `Deploy the endpoint in '${callerRegion}' (or the service in '${props.region}'), or set allowCrossRegion: true if the distance is intended.`,
        );
      }
    }
  }
}
