import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { IConstruct } from 'constructs';
import { MemberPrincipal } from './member-principal';
import { SharedBindings } from './shared-bindings';

/** Agent principals per data source and agent domain, made once: each `number` read is a new token. */
const AGENTS = new WeakMap<IConstruct, Map<string, MemberPrincipal>>();

/**
 * A Google service agent of `project` whose address is
 * `service-<project number>@<domain>` (e.g. `gcp-sa-aiplatform-cc.iam.gserviceaccount.com`),
 * without a hard-coded project number: the number comes from one `data.google_project` per
 * project and stack, read at plan time, so every construct of the project names the agent with
 * the same reference and their bindings share one key.
 *
 * Only for agents no Terraform resource creates: naming an agent by its address does not make
 * it exist. A service's primary agent comes from `primaryServiceAgent`, which creates it.
 */
export function projectServiceAgent(
  scope: IConstruct,
  project: string,
  domain: string,
): MemberPrincipal {
  const data = SharedBindings.perProject(
    scope,
    'Project',
    project,
    (shared, id) => new DataGoogleProject(shared, id, { projectId: project }),
  );
  let byDomain = AGENTS.get(data);
  if (!byDomain) AGENTS.set(data, (byDomain = new Map()));
  let agent = byDomain.get(domain);
  if (!agent) {
    agent = new MemberPrincipal(`serviceAccount:service-${data.number}@${domain}`);
    byDomain.set(domain, agent);
  }
  return agent;
}
