import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stableId } from '../../core/private/stable-id';

/** The only permission a caller needs to predict (also covers rawPredict and streamRawPredict). */
export const PREDICT_PERMISSIONS = ['aiplatform.endpoints.predict'];
/** Predict, plus explanations of predictions. */
export const EXPLAIN_PERMISSIONS = ['aiplatform.endpoints.predict', 'aiplatform.endpoints.explain'];

const SINGLETON_ID = 'GuardrailsVertexCallerRoles';

/**
 * The custom roles of Vertex AI endpoint callers in a stack: at most two per project, one
 * with `predict` and one with `predict` + `explain`, shared by every caller of that project.
 *
 * Role ids are stable (derived from the stack path and the permission set, never from a
 * counter or a timestamp). That matters because a deleted custom role keeps its id: it can
 * be undeleted for 7 days and the id cannot be reused until the deletion completes (about
 * 37 days). With a stable id, destroying and re-creating the stack reuses the same role,
 * which the google provider undeletes, instead of failing on a new id clashing with nothing
 * or an old id clashing with a deleted role.
 */
export class EndpointCallerRoles extends Construct {
  /** The roles of the stack that contains `scope`. */
  public static of(scope: IConstruct): EndpointCallerRoles {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(SINGLETON_ID);
    return existing instanceof EndpointCallerRoles
      ? existing
      : new EndpointCallerRoles(stack, SINGLETON_ID);
  }

  private readonly roles = new Map<string, ProjectIamCustomRole>();
  /** The same roles by the arguments of `roleFor`, so repeated calls skip hashing. */
  private readonly byArguments = new Map<string, ProjectIamCustomRole>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The custom role of `project` with predict (and explain when asked). */
  public roleFor(project: string, explain: boolean): ProjectIamCustomRole {
    const asked = this.byArguments.get(`${project}\n${explain}`);
    if (asked) return asked;
    const permissions = explain ? EXPLAIN_PERMISSIONS : PREDICT_PERMISSIONS;
    const id = stableId(this, explain ? 'predict-explain' : 'predict', [project]);
    const existing = this.roles.get(id);
    if (existing) {
      this.byArguments.set(`${project}\n${explain}`, existing);
      return existing;
    }
    const stackHash = stableId(this, 'stack', [TerraformStack.of(this).node.path]).slice(-8);
    const role = new ProjectIamCustomRole(this, id, {
      project,
      roleId: `guardrailsVertex${explain ? 'PredictExplain' : 'Predict'}_${stackHash}`,
      title: explain ? 'Vertex AI endpoint caller with explanations' : 'Vertex AI endpoint caller',
      description: `Predict${explain ? ' and explain' : ''} on Vertex AI endpoints, nothing else. Managed by cdktf-guardrails (stack ${TerraformStack.of(this).node.id}).`,
      permissions,
      stage: 'GA',
    });
    this.roles.set(id, role);
    this.byArguments.set(`${project}\n${explain}`, role);
    return role;
  }
}
