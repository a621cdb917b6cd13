import type { Rule } from '../rule';

/** Buckets whose public access prevention is not `enforced` (the default, `inherited`, follows the organization policy). */
export const storagePublicAccessPrevention: Rule = {
  id: 'storage-public-access-prevention',
  area: 'storage',
  severity: 'error',
  description: 'A bucket does not enforce public access prevention.',
  fix: 'Set public_access_prevention = "enforced" (ScopedBucket always does).',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_114'],
  check: (model) =>
    model
      .resourcesOfType('google_storage_bucket')
      .filter((b) => b.body.public_access_prevention !== 'enforced')
      .map((resource) => ({
        resource,
        message: `bucket ${String(resource.body.name ?? resource.name)} can be made public by one IAM or ACL change (public_access_prevention is '${String(resource.body.public_access_prevention ?? 'inherited')}').`,
      })),
};
