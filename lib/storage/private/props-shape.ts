import {
  flag,
  list,
  numeric,
  oneOf,
  optional,
  Schema,
  stringMap,
  struct,
  text,
} from '../../core/private/shape';
import {
  BucketGrantOptions,
  BucketLifecycleAction,
  BucketLifecycleRule,
  BucketObjectState,
} from '../bucket-options';
import type { ScopedBucketProps } from '../scoped-bucket';

const LIFECYCLE_RULE: Schema<BucketLifecycleRule> = {
  action: oneOf(BucketLifecycleAction, 'BucketLifecycleAction'),
  storageClass: optional(text({ example: "'COLDLINE'" })),
  ageDays: optional(numeric('30')),
  numNewerVersions: optional(numeric('3')),
  daysSinceNoncurrentTime: optional(numeric('30')),
  matchesPrefix: optional(
    list(text({ freeText: true }), {
      nonEmpty: 'an empty prefix list is no condition, so the rule would apply to every object',
      emptyFix: "Name the prefixes, e.g. ['tmp/'], or leave matchesPrefix out.",
    }),
  ),
  withState: optional(oneOf(BucketObjectState, 'BucketObjectState')),
};

/** The shape of every prop of a ScopedBucket. */
export const SCOPED_BUCKET_PROPS: Schema<ScopedBucketProps> = {
  project: text({ example: "'acme-prod'" }),
  bucketName: text({ example: "'acme-prod-uploads'" }),
  location: text({ example: "'europe-west1'" }),
  versioning: optional(flag()),
  retentionPeriodDays: optional(numeric('365')),
  softDeleteRetentionDays: optional(numeric('30')),
  encryptionKey: optional(text()),
  grantEncryptionKeyToServiceAgent: optional(flag()),
  lifecycleRules: optional(list(struct(LIFECYCLE_RULE), { tokens: false })),
  forceDestroy: optional(flag({ tokens: true })),
  storageClass: optional(text({ example: "'STANDARD'" })),
  labels: optional(stringMap({ tokens: true })),
  auditLogs: optional(flag()),
};

/** The shape of the options of the grant methods. */
export const BUCKET_GRANT_OPTIONS: Schema<BucketGrantOptions> = {
  prefix: optional(text({ freeText: true, allowEmpty: true, example: "'incoming/'" })),
};
