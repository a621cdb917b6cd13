import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { Construct } from 'constructs';
import { Grant } from '../../core/grant';
import { allowServiceAgentToUseKey } from '../../core/private/service-agent-key-access';

/**
 * CMEK for Cloud Run: the project's Cloud Run service agent
 * (`service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`) encrypts the
 * image copy and revision data with the key, so it needs
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key **before** the first revision is
 * deployed (https://cloud.google.com/run/docs/securing/using-cmek). The project number comes
 * from `data.google_project`, read at plan time, so it need not be known at synth.
 */
export function allowRunServiceAgentToUseKey(
  scope: Construct,
  project: string,
  key: string,
): Grant {
  const projectData = new DataGoogleProject(scope, 'Project', { projectId: project });
  return allowServiceAgentToUseKey(
    scope,
    `serviceAccount:service-${projectData.number}@serverless-robot-prod.iam.gserviceaccount.com`,
    key,
  );
}
