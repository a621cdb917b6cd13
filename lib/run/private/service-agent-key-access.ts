import { Construct, IConstruct } from 'constructs';
import { Grant } from '../../core/grant';
import { MemberPrincipal } from '../../core/private/member-principal';
import { projectServiceAgent } from '../../core/private/project-agents';
import { allowServiceAgentToUseKey } from '../../core/private/service-agent-key-access';

/**
 * CMEK for Cloud Run: the project's Cloud Run service agent
 * (`service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`) encrypts the
 * image copy and revision data with the key, so it needs
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key **before** the first revision is
 * deployed (https://cloud.google.com/run/docs/securing/using-cmek). The project number comes
 * from one `data.google_project` per project and stack, read at plan time, so services of a
 * project that share a key share one binding.
 */
export function allowRunServiceAgentToUseKey(
  scope: Construct,
  project: string,
  key: string,
): Grant {
  return allowServiceAgentToUseKey(scope, runServiceAgent(scope, project), key);
}

function runServiceAgent(scope: IConstruct, project: string): MemberPrincipal {
  return projectServiceAgent(scope, project, 'serverless-robot-prod.iam.gserviceaccount.com');
}
