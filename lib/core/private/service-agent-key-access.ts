import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { Construct } from 'constructs';
import { Grant } from '../grant';
import { Roles } from '../roles';
import { bindIamMember } from './iam-member';
import { MemberPrincipal } from './member-principal';
import { requireApis } from './required-apis';

/**
 * CMEK: a Google service agent (Cloud Storage's, Cloud Run's) encrypts and decrypts with the
 * key on behalf of the resource's users, so it, and only it, gets
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on that one key. The caller makes its
 * resource depend on the returned grant: the key cannot be used before the binding exists.
 */
export function allowServiceAgentToUseKey(
  scope: Construct,
  agentMember: string,
  key: string,
): Grant {
  const role = Roles.CLOUD_KMS_CRYPTO_KEY_ENCRYPTER_DECRYPTER.name;
  const grant = bindIamMember({
    scope,
    role,
    grantee: new MemberPrincipal(agentMember),
    resource: `kms:${key}`,
    create: (s, id, member, condition) =>
      new KmsCryptoKeyIamMember(s, id, { cryptoKeyId: key, role, member, condition }),
  });
  grant.resources.forEach((r) => requireApis(r, key.split('/')[1], ['cloudkms.googleapis.com']));
  return grant;
}
