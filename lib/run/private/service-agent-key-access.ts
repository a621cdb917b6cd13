import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { Construct } from 'constructs';
import { Grant } from '../../core/grant';
import { bindIamMember } from '../../core/private/iam-member';
import { MemberPrincipal } from '../../core/private/member-principal';
import { requireApis } from '../../core/private/required-apis';
import { Roles } from '../../core/roles';

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
  const agent = new MemberPrincipal(
    `serviceAccount:service-${projectData.number}@serverless-robot-prod.iam.gserviceaccount.com`,
  );
  const role = Roles.CLOUD_KMS_CRYPTO_KEY_ENCRYPTER_DECRYPTER.name;
  const grant = bindIamMember({
    scope,
    role,
    grantee: agent,
    resource: `kms:${key}`,
    create: (s, id, member, condition) =>
      new KmsCryptoKeyIamMember(s, id, { cryptoKeyId: key, role, member, condition }),
  });
  grant.resources.forEach((r) => requireApis(r, key.split('/')[1], ['cloudkms.googleapis.com']));
  return grant;
}
