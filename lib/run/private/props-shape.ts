import {
  flag,
  grantable,
  list,
  numeric,
  oneOf,
  optional,
  Schema,
  serviceIdentity,
  stringMap,
  struct,
  text,
} from '../../core/private/shape';
import type { IServiceIdentity } from '../../core/service-identity';
import {
  CloudRunBinaryAuthorization,
  CloudRunIngress,
  CloudRunVpcAccess,
  CloudRunVpcEgress,
  GrantInvokeOptions,
  PublicAccess,
  SecretEnvironmentVariable,
} from '../cloud-run-options';
import type { SecureCloudRunServiceProps } from '../secure-cloud-run-service';

/** Longest public-access reason; it is appended to the description (512 characters in all). */
export const MAX_REASON = 400;
/** Longest description, leaving room for the reason. */
export const MAX_DESCRIPTION = 512 - MAX_REASON - 20;
/** Cloud Run accepts environment values up to 32 KiB. */
const MAX_ENVIRONMENT_VALUE = 32_768;

const SECRET: Schema<SecretEnvironmentVariable> = {
  name: text({ example: "'DB_PASSWORD'" }),
  secret: text({ example: "'db-password'" }),
  version: optional(text({ example: "'latest'" })),
};

const PUBLIC_ACCESS: Schema<PublicAccess> = {
  reason: text({
    max: MAX_REASON,
    freeText: true,
    example: "'Public webhook endpoint for the payment provider'",
  }),
};

const VPC_ACCESS: Schema<CloudRunVpcAccess> = {
  connector: optional(text()),
  network: optional(text()),
  subnetwork: optional(text()),
  networkTags: optional(list(text())),
  // Handed to Terraform; the network-path checks skip a reference.
  egress: optional(oneOf(CloudRunVpcEgress, 'CloudRunVpcEgress', { tokens: true })),
  privateRunAppDns: optional(flag()),
};

const BINARY_AUTHORIZATION: Schema<CloudRunBinaryAuthorization> = {
  policy: optional(text()),
};

/** The shape of every prop of a SecureCloudRunService. */
export const CLOUD_RUN_SERVICE_PROPS: Schema<SecureCloudRunServiceProps> = {
  project: text({ example: "'acme-prod'" }),
  location: text({ example: "'europe-west1'" }),
  serviceName: text({ example: "'orders-api'" }),
  image: text({ example: "'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2'" }),
  port: optional(numeric('8080')),
  cpu: optional(text({ example: "'1'" })),
  memory: optional(text({ example: "'512Mi'" })),
  command: optional(list(text({ freeText: true }))),
  args: optional(list(text({ freeText: true, allowEmpty: true }))),
  minInstances: optional(numeric('0')),
  maxInstances: optional(numeric('10')),
  environment: optional(
    stringMap({ freeText: true, allowEmptyValues: true, maxValue: MAX_ENVIRONMENT_VALUE }),
  ),
  secrets: optional(
    list(struct(SECRET, "{ name: 'DB_PASSWORD', secret: 'db-password' }"), { tokens: false }),
  ),
  serviceAccount: optional(serviceIdentity<IServiceIdentity>()),
  ingress: optional(oneOf(CloudRunIngress, 'CloudRunIngress', { tokens: true })),
  invokers: optional(list(grantable(), { tokens: false })),
  users: optional(list(grantable(), { tokens: false })),
  publicAccess: optional(struct(PUBLIC_ACCESS, "{ reason: '<why anyone may invoke it>' }")),
  vpcAccess: optional(struct(VPC_ACCESS)),
  encryptionKey: optional(text()),
  grantEncryptionKeyToServiceAgent: optional(flag()),
  binaryAuthorization: optional(struct(BINARY_AUTHORIZATION)),
  deletionProtection: optional(flag({ tokens: true })),
  description: optional(text({ max: MAX_DESCRIPTION, freeText: true })),
  labels: optional(stringMap({ tokens: true })),
  auditLogs: optional(flag()),
};

/** The shape of the options of `grantInvoke`. */
export const GRANT_INVOKE_OPTIONS: Schema<GrantInvokeOptions> = {
  throughLoadBalancer: optional(flag()),
};
