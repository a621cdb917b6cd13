import { asObject } from '../../analysis/private/google-access';
import type { Rule } from '../rule';

/** Buckets that keep data with neither object versioning nor a retention policy: one delete or overwrite loses it. */
export const storageNoVersioningOrRetention: Rule = {
  id: 'storage-no-versioning-or-retention',
  area: 'storage',
  severity: 'warning',
  description: 'A bucket has neither object versioning nor a retention policy.',
  fix: 'Turn on versioning (ScopedBucket does by default) with a lifecycle rule for old versions, or set a retention policy.',
  acknowledgeable: true,
  seeAlso: ['trivy AVD-GCP-0078'],
  check: (model) =>
    model
      .resourcesOfType('google_storage_bucket')
      .filter(
        (b) =>
          asObject(b.body.versioning).enabled !== true &&
          asObject(b.body.retention_policy).retention_period === undefined,
      )
      .map((resource) => ({
        resource,
        message: `bucket ${String(resource.body.name ?? resource.name)} keeps no earlier versions and has no retention policy: an overwrite or delete loses the data.`,
      })),
};
