import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalidProps } from '../../core/private/messages';
import { OncePerKey } from '../../core/private/once-per-key';
import { stackRelativePath } from '../../core/private/stable-id';
import { stackSingleton } from '../../core/private/stack-singleton';

/** The only permission a caller needs to predict (also covers rawPredict and streamRawPredict). */
export const PREDICT_PERMISSIONS = ['aiplatform.endpoints.predict'];
/** Predict, plus explanations of predictions. */
export const EXPLAIN_PERMISSIONS = ['aiplatform.endpoints.predict', 'aiplatform.endpoints.explain'];

const SINGLETON_ID = 'GuardrailsVertexCallerRoles';

/** One caller role as a stack uses it. */
export interface CallerRole {
  /** The custom role resource; it may belong to another stack of the app (see `roleFor`). */
  readonly resource: ProjectIamCustomRole;
  /** What bindings name: a reference in the owning stack, `projects/<p>/roles/<id>` elsewhere. */
  readonly name: string;
  /** What identifies the role in binding keys: its stack-relative path. */
  readonly key: string;
}

/** The roles of each app, by project and permission set, with the stack that owns each. */
const OWNERS = new WeakMap<IConstruct, Map<string, ProjectIamCustomRole>>();

/**
 * The custom roles of Vertex AI endpoint callers: at most two per project, one with `predict`
 * and one with `predict` + `explain`, shared by every caller of that project.
 *
 * Role ids are fixed (`guardrailsVertexPredict`, `guardrailsVertexPredictExplain`), never
 * derived from the stack's name, a counter or a timestamp, so renaming a stack changes no
 * role. That matters because a deleted custom role keeps its id: it can be undeleted for 7
 * days and the id cannot be reused until the deletion completes (about 37 days); with a fixed
 * id, destroying and re-creating the stack reuses the same role, which the google provider
 * undeletes. A project holds each id once, so one stack of an app owns each role (the first
 * that asks); the others bind it by name and depend on that stack, which `cdktf deploy`
 * applies first.
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

  private readonly roles = new OncePerKey<CallerRole>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The custom role of `project` with predict (and explain when asked). */
  public roleFor(requester: IConstruct, project: string, explain: boolean): CallerRole {
    return this.roles.get(this, explain ? 'predict-explain' : 'predict', [project], (id) => {
      const roleId = `guardrailsVertex${explain ? 'PredictExplain' : 'Predict'}`;
      const owners = ownersOf(this);
      const ownerKey = `${project}\n${roleId}`;
      const owned = owners.get(ownerKey);
      if (owned) return this.useOwnedElsewhere(requester, owned, project, roleId);
      const resource = new ProjectIamCustomRole(this, id, {
        project,
        roleId,
        title: explain
          ? 'Vertex AI endpoint caller with explanations'
          : 'Vertex AI endpoint caller',
        description: `Predict${explain ? ' and explain' : ''} on Vertex AI endpoints, nothing else. Managed by cdktf-guardrails.`,
        permissions: explain ? EXPLAIN_PERMISSIONS : PREDICT_PERMISSIONS,
        stage: 'GA',
      });
      owners.set(ownerKey, resource);
      return { resource, name: resource.name, key: stackRelativePath(resource) };
    });
  }

  /** The role another stack of the app owns, by its literal name, with this stack depending on that one. */
  private useOwnedElsewhere(
    requester: IConstruct,
    owned: ProjectIamCustomRole,
    project: string,
    roleId: string,
  ): CallerRole {
    const here = TerraformStack.of(this);
    const owner = TerraformStack.of(owned);
    if (owner.dependsOn(here)) {
      throw invalidProps(
        requester,
        'project',
        `('${project}') has its Vertex AI caller role in stack '${owner.node.id}', which already depends on stack '${here.node.id}'; the two stacks would depend on each other`,
        `Create the Vertex AI endpoint callers of project '${project}' in one stack, or let '${here.node.id}' own them by creating its callers first.`,
      );
    }
    here.addDependency(owner);
    return {
      resource: owned,
      name: `projects/${project}/roles/${roleId}`,
      key: stackRelativePath(owned),
    };
  }
}

function ownersOf(scope: IConstruct): Map<string, ProjectIamCustomRole> {
  const app = scope.node.root;
  let owners = OWNERS.get(app);
  if (!owners) OWNERS.set(app, (owners = new Map()));
  return owners;
}
