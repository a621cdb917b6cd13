import { Construct } from 'constructs';
import { Grant } from '../../core/grant';
import { primaryServiceAgent } from '../../core/private/primary-service-agent';
import { allowServiceAgentToUseKey } from '../../core/private/service-agent-key-access';

/**
 * CMEK for Cloud Run: the project's Cloud Run service agent
 * (`service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`) encrypts the
 * image copy and revision data with the key, so it needs
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key **before** the first revision is
 * deployed (https://cloud.google.com/run/docs/securing/using-cmek).
 *
 * The agent is the primary agent of `run.googleapis.com` (Cloud Foundation Fabric
 * `modules/project/service-agents.yaml`: `serverless-robot-prod`, `is_primary: true`), so the
 * member comes from one google-beta `google_project_service_identity` per project and stack,
 * which creates the agent if the project has none yet: the key binding cannot fail with "does
 * not exist" on a new project, and services of a project that share a key share one binding.
 */
export function allowRunServiceAgentToUseKey(
  scope: Construct,
  project: string,
  key: string,
): Grant {
  const agent = primaryServiceAgent({
    requester: scope,
    project,
    service: 'run.googleapis.com',
    idPrefix: 'RunServiceAgent',
    prop: 'encryptionKey',
    usedFor: 'CMEK grants the key to the Cloud Run service agent before the first deploy',
  });
  return allowServiceAgentToUseKey(scope, agent, key);
}
