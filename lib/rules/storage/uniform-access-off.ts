import type { Rule } from '../rule';

/** Buckets without uniform bucket-level access: object ACLs can grant access IAM does not show. */
export const storageUniformAccessOff: Rule = {
  id: 'storage-uniform-access-off',
  area: 'storage',
  severity: 'error',
  description:
    'A bucket does not enforce uniform bucket-level access, so object ACLs can grant access.',
  fix: 'Set uniform_bucket_level_access = true (ScopedBucket always does).',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_29', 'trivy AVD-GCP-0002'],
  check: (model) =>
    model
      .resourcesOfType('google_storage_bucket')
      .filter((b) => b.body.uniform_bucket_level_access !== true)
      .map((resource) => ({
        resource,
        message: `bucket ${String(resource.body.name ?? resource.name)} allows object ACLs, which grant access that IAM policies and reviews do not show.`,
      })),
};
