import {
  list,
  oneOf,
  optional,
  Schema,
  serviceIdentity,
  stringMap,
  text,
} from '../../core/private/shape';
import type { IServiceIdentity } from '../../core/service-identity';
import type { CrossCloudKeyVaultFederationProps } from '../cross-cloud-key-vault-federation';
import { KeyVaultAccess } from '../key-vault-access';

/** The shape of every prop of a CrossCloudKeyVaultFederation. */
export const KEY_VAULT_FEDERATION_PROPS: Schema<CrossCloudKeyVaultFederationProps> = {
  workload: serviceIdentity<IServiceIdentity>(),
  resourceGroupName: text({ max: 90, example: "'rg-orders'" }),
  location: text({ example: "'westeurope'" }),
  tenantId: text({ example: "'00000000-0000-0000-0000-000000000000'" }),
  vaultName: optional(text({ example: "'acme-orders-kv'" })),
  existingVaultId: optional(text()),
  secretNames: optional(
    list(text({ example: "'partner-api-key'" }), {
      nonEmpty: 'an empty list scopes nothing, so the role would cover the whole vault',
      emptyFix:
        "Name the secrets, e.g. ['partner-api-key'], or leave secretNames out to grant on the whole vault.",
    }),
  ),
  access: optional(oneOf(KeyVaultAccess, 'KeyVaultAccess')),
  logAnalyticsWorkspaceId: optional(text()),
  allowedIpRanges: optional(list(text({ example: "'203.0.113.10/32'" }))),
  identityName: optional(text({ max: 128, example: "'gcp-orders-api'" })),
  tags: optional(stringMap({ tokens: true, freeText: true, maxValue: 256 })),
};
