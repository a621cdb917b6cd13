import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { Construct } from 'constructs';
import { Grant } from '../grant';
import type { IPrincipal } from '../principal';
import { Roles } from '../roles';
import { bindIamMember } from './iam-member';
import { requireApis } from './required-apis';

/**
 * CMEK: a Google service agent (Cloud Storage's, Cloud Run's) encrypts and decrypts with the
 * key on behalf of the resource's users, so it, and only it, gets
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on that one key. `agent` must name the agent
 * the same way for every construct of a project (one data source per project), so that they
 * share one binding. The caller makes its
 * resource depend on the returned grant: the key cannot be used before the binding exists.
 */
export function allowServiceAgentToUseKey(
  requester: Construct,
  agent: IPrincipal,
  key: string,
): Grant {
  const role = Roles.CLOUD_KMS_CRYPTO_KEY_ENCRYPTER_DECRYPTER.name;
  // No owner: the key is made elsewhere, and constructs that share it share this binding.
  const grant = bindIamMember({
    requester,
    prop: 'encryptionKey',
    role,
    grantee: agent,
    resource: `kms:${key}`,
    create: (s, id, member, condition) =>
      new KmsCryptoKeyIamMember(s, id, { cryptoKeyId: key, role, member, condition }),
  });
  grant.resources.forEach((r) =>
    requireApis(r, key.split('/')[1], ['cloudkms.googleapis.com'], requester),
  );
  return grant;
}
