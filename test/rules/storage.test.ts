import { storageNoVersioningOrRetention } from '../../lib/rules/storage/no-versioning-or-retention';
import { storagePublicAccessPrevention } from '../../lib/rules/storage/public-access-prevention';
import { storagePublicAcl } from '../../lib/rules/storage/public-acl';
import { storageUniformAccessOff } from '../../lib/rules/storage/uniform-access-off';
import { describeRules, stackJson } from './rule-cases';

/** A bucket as ScopedBucket writes it. */
const hardened = {
  name: 'acme-data',
  location: 'EU',
  uniform_bucket_level_access: true,
  public_access_prevention: 'enforced',
  versioning: { enabled: true },
};
const bucket = (body: Record<string, unknown>) =>
  stackJson({ google_storage_bucket: { data: body } });

describeRules([
  {
    rule: storageUniformAccessOff,
    noncompliant: bucket({ ...hardened, uniform_bucket_level_access: false }),
    compliant: bucket(hardened),
    expected: ['google_storage_bucket.data'],
  },
  {
    rule: storagePublicAccessPrevention,
    noncompliant: bucket({ ...hardened, public_access_prevention: 'inherited' }),
    compliant: bucket(hardened),
    expected: ['google_storage_bucket.data'],
  },
  {
    rule: storagePublicAcl,
    noncompliant: stackJson({
      google_storage_bucket_acl: {
        list: { bucket: 'acme-data', role_entity: ['OWNER:project-owners-1', 'READER:allUsers'] },
        predefined: { bucket: 'acme-data', predefined_acl: 'publicRead' },
      },
      google_storage_object_access_control: {
        object: {
          bucket: 'acme-data',
          object: 'a.txt',
          role: 'READER',
          entity: 'allAuthenticatedUsers',
        },
      },
    }),
    compliant: stackJson({
      google_storage_bucket_acl: {
        list: {
          bucket: 'acme-data',
          role_entity: ['OWNER:project-owners-1', 'READER:group-readers@example.com'],
        },
        predefined: { bucket: 'acme-data', predefined_acl: 'projectPrivate' },
      },
    }),
    expected: [
      'google_storage_bucket_acl.list',
      'google_storage_bucket_acl.predefined',
      'google_storage_object_access_control.object',
    ],
  },
  {
    rule: storageNoVersioningOrRetention,
    noncompliant: bucket({ ...hardened, versioning: { enabled: false } }),
    compliant: stackJson({
      google_storage_bucket: {
        versioned: hardened,
        retained: {
          ...hardened,
          versioning: undefined,
          retention_policy: { retention_period: 86400 },
        },
      },
    }),
    expected: ['google_storage_bucket.data'],
  },
]);
