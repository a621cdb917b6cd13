import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { OncePerKey } from '../../core/private/once-per-key';
import { stableId } from '../../core/private/stable-id';
import { stackSingleton } from '../../core/private/stack-singleton';

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
    return stackSingleton(
      scope,
      SINGLETON_ID,
      (c): c is EndpointCallerRoles => c instanceof EndpointCallerRoles,
      (stack, id) => new EndpointCallerRoles(stack, id),
    );
  }

  private readonly roles = new OncePerKey<ProjectIamCustomRole>();

  /** Each role's `name` reference, made once: every token records a stack trace. */
  private readonly names = new Map<ProjectIamCustomRole, string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The `name` (`projects/<p>/roles/<id>`) of one of these roles, as a reference. */
  public roleName(role: ProjectIamCustomRole): string {
    let name = this.names.get(role);
    if (name === undefined) {
      name = role.name;
      this.names.set(role, name);
    }
    return name;
  }

  /** The custom role of `project` with predict (and explain when asked). */
  public roleFor(project: string, explain: boolean): ProjectIamCustomRole {
    return this.roles.get(this, explain ? 'predict-explain' : 'predict', [project], (id) => {
      const stack = TerraformStack.of(this);
      const stackHash = stableId(this, 'stack', [stack.node.path]).slice(-8);
      return new ProjectIamCustomRole(this, id, {
        project,
        roleId: `guardrailsVertex${explain ? 'PredictExplain' : 'Predict'}_${stackHash}`,
        title: explain
          ? 'Vertex AI endpoint caller with explanations'
          : 'Vertex AI endpoint caller',
        description: `Predict${explain ? ' and explain' : ''} on Vertex AI endpoints, nothing else. Managed by cdktf-guardrails (stack ${stack.node.id}).`,
        permissions: explain ? EXPLAIN_PERMISSIONS : PREDICT_PERMISSIONS,
        stage: 'GA',
      });
    });
  }
}
