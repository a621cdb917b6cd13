import type { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import { IConstruct } from 'constructs';
import { useBetaProvider } from './beta-provider';
import { MemberPrincipal } from './member-principal';
import { invalidProps } from './messages';
import { loadOptionalProvider, OPTIONAL_PROVIDERS } from './optional-provider';
import { requireApis } from './required-apis';
import { SharedBindings } from './shared-bindings';

/** What needs a service's primary agent, for the messages when google-beta is missing. */
export interface PrimaryServiceAgentUse {
  /** The construct that binds a role to the agent: refusals name it. */
  readonly requester: IConstruct;
  /** The project of the agent. */
  readonly project: string;
  /** The API whose primary agent it is, e.g. `run.googleapis.com`. */
  readonly service: string;
  /**
   * Prefix of the id under the stack's shared bindings (one resource per project and stack).
   * Part of the Terraform address: never change it for an existing agent.
   */
  readonly idPrefix: string;
  /** The prop that made the construct bind to the agent. */
  readonly prop: string;
  /** What needs it, e.g. `CMEK grants the key to the Cloud Run service agent`. */
  readonly usedFor: string;
}

/** The agent principal per `google_project_service_identity`, made once (each `member` read is a new token). */
const AGENTS = new WeakMap<IConstruct, MemberPrincipal>();

/**
 * The **primary** service agent of `service` in `project`, named by one google-beta
 * `google_project_service_identity` per project and stack (so every construct of the project
 * names it with the same reference and their bindings share one key).
 *
 * Why a resource and not the well-known address: Google creates service agents "at some point
 * after you activate and use the API", and "if a service agent hasn't been created yet, then
 * you can't grant roles to the service agent"
 * (https://cloud.google.com/iam/docs/service-agents,
 * https://cloud.google.com/iam/docs/create-service-agents). The resource calls Service Usage
 * `services.generateServiceIdentity`, which creates the agent if the project has none yet and
 * returns its email (magic-modules
 * `mmv1/third_party/terraform/services/resourcemanager/resource_project_service_identity.go.tmpl`),
 * and a binding whose member is the resource's `member` attribute is created after it: the
 * grant works on the first apply.
 *
 * Only for the service's primary agent: the API creates one identity per service, and for a
 * service with several agents it returns the primary one (for `aiplatform.googleapis.com`,
 * `gcp-sa-aiplatform`, not the Custom Code Service Agent `gcp-sa-aiplatform-cc`:
 * hashicorp/terraform-provider-google#10469; Cloud Foundation Fabric
 * `modules/project/service-agents.yaml` marks which agent is primary). The resource exists only
 * in google-beta (the GA template is empty), so it is put on the stack's google-beta provider
 * and its class is loaded only when needed.
 */
export function primaryServiceAgent(use: PrimaryServiceAgentUse): MemberPrincipal {
  const { requester, project, service, idPrefix, prop, usedFor } = use;
  const identity = SharedBindings.perProject(requester, idPrefix, project, (shared, id) => {
    const { GoogleProjectServiceIdentity: Identity } = loadOptionalProvider<
      typeof import('@cdktf/provider-google-beta/lib/google-project-service-identity')
    >(requester, OPTIONAL_PROVIDERS.googleBeta, 'google-project-service-identity', {
      prop,
      usedFor: `${usedFor}, named and created with google_project_service_identity (${service})`,
    });
    const resource: GoogleProjectServiceIdentity = new Identity(shared, id, { project, service });
    useBetaProvider(resource, requester, () =>
      invalidProps(
        requester,
        prop,
        `needs the google-beta provider for google_project_service_identity, which creates the ${service} service agent before it is granted a role (${usedFor}), and the stack has none`,
        "Add one: new GoogleBetaProvider(stack, 'google-beta', { project }) from '@cdktf/provider-google-beta/lib/provider'.",
      ),
    );
    requireApis(resource, project, [service], requester);
    return resource;
  });
  let agent = AGENTS.get(identity);
  if (!agent) AGENTS.set(identity, (agent = new MemberPrincipal(identity.member)));
  return agent;
}
