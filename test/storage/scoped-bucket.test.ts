import { TerraformStack, Token } from 'cdktf';
import {
  BucketLifecycleAction,
  BucketObjectState,
  Grant,
  Principal,
  ScopedBucket,
  ScopedBucketProps,
  ServiceIdentity,
} from '../../lib';
import { addresses, bodiesOf, synth, testStack, warningsOf } from '../helpers';

const base: ScopedBucketProps = {
  project: 'acme-prod',
  bucketName: 'acme-prod-uploads',
  location: 'europe-west1',
};

function bucket(stack: TerraformStack, props: Partial<ScopedBucketProps> = {}) {
  return new ScopedBucket(stack, 'uploads', { ...base, ...props });
}

const api = Principal.serviceAccount('api-run@acme-prod.iam.gserviceaccount.com');
const OBJECTS =
  'resource.name.startsWith("projects/_/buckets/acme-prod-uploads/objects/incoming/")';
const LISTING =
  '(resource.type == "storage.googleapis.com/Bucket" && api.getAttribute("storage.googleapis.com/objectListPrefix", "").startsWith("incoming/"))';

describe('ScopedBucket defaults', () => {
  test('private, uniform, versioned, not force-destroyed, audited', () => {
    const stack = testStack();
    const b = bucket(stack);
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    expect(bodiesOf(json, 'google_storage_bucket')).toEqual([
      {
        project: 'acme-prod',
        name: 'acme-prod-uploads',
        location: 'europe-west1',
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
        force_destroy: false,
        versioning: { enabled: true },
      },
    ]);
    expect(bodiesOf(json, 'google_project_iam_audit_config')).toEqual([
      {
        project: 'acme-prod',
        service: 'storage.googleapis.com',
        audit_log_config: [
          { log_type: 'ADMIN_READ' },
          { log_type: 'DATA_READ' },
          { log_type: 'DATA_WRITE' },
        ],
      },
    ]);
    expect(b.url).toBe('gs://acme-prod-uploads');
    expect(b.bucketName).toBe('acme-prod-uploads');
  });

  test('auditLogs: false, retention, soft delete, lifecycle, labels', () => {
    const stack = testStack();
    bucket(stack, {
      auditLogs: false,
      retentionPeriodDays: 30,
      softDeleteRetentionDays: 14,
      labels: { team: 'orders' },
      forceDestroy: true,
      storageClass: 'NEARLINE',
      lifecycleRules: [
        { action: BucketLifecycleAction.DELETE, ageDays: 365, matchesPrefix: ['tmp/'] },
        {
          action: BucketLifecycleAction.SET_STORAGE_CLASS,
          storageClass: 'COLDLINE',
          ageDays: 90,
          withState: BucketObjectState.LIVE,
        },
      ],
    });
    const json = synth(stack);
    const [b] = bodiesOf(json, 'google_storage_bucket');
    expect(b.versioning).toEqual({ enabled: false });
    expect(b.retention_policy).toEqual({ retention_period: 30 * 86400 });
    expect(b.soft_delete_policy).toEqual({ retention_duration_seconds: 14 * 86400 });
    expect(b.labels).toEqual({ team: 'orders' });
    expect(b.force_destroy).toBe(true);
    expect(b.storage_class).toBe('NEARLINE');
    expect(b.lifecycle_rule).toEqual([
      { action: { type: 'Delete' }, condition: { age: 365, matches_prefix: ['tmp/'] } },
      {
        action: { type: 'SetStorageClass', storage_class: 'COLDLINE' },
        condition: { age: 90, with_state: 'LIVE' },
      },
    ]);
    expect(json.resource.google_project_iam_audit_config).toBeUndefined();
    expect(b.uniform_bucket_level_access).toBe(true);
    expect(b.public_access_prevention).toBe('enforced');
  });
});

describe('ScopedBucket grants', () => {
  test.each([
    ['grantRead', 'roles/storage.objectViewer'],
    ['grantWrite', 'roles/storage.objectCreator'],
    ['grantReadWrite', 'roles/storage.objectUser'],
  ] as const)('%s binds %s on this bucket, unconditionally', (method, role) => {
    const stack = testStack();
    const grant = bucket(stack)[method](api);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_storage_bucket_iam_member')).toEqual([
      {
        bucket: expect.stringMatching(/^\$\{google_storage_bucket\.uploads_[A-Z0-9]+\.name\}$/),
        role,
        member: api.member,
      },
    ]);
    expect(json.resource.google_project_iam_member).toBeUndefined();
    expect(grant.resource).toBe('storage:acme-prod-uploads');
    expect(grant.condition).toBeUndefined();
  });

  test('grantRead with a prefix: objects under it, and listing under it', () => {
    const stack = testStack();
    const grant = bucket(stack).grantRead(api, { prefix: 'incoming/' });
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.role).toBe('roles/storage.objectViewer');
    expect(binding.condition).toEqual({
      title: 'objects under incoming/',
      description:
        "Only objects of gs://acme-prod-uploads whose name starts with 'incoming/', and listing under it.",
      expression: `${OBJECTS} || ${LISTING}`,
    });
    expect(grant.condition?.expression).toBe(`${OBJECTS} || ${LISTING}`);
  });

  test('grantWrite with a prefix: objectCreator cannot list, so only the object condition', () => {
    const stack = testStack();
    bucket(stack).grantWrite(api, { prefix: 'incoming/' });
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.role).toBe('roles/storage.objectCreator');
    expect(binding.condition).toEqual({
      title: 'objects under incoming/',
      description: "Only objects of gs://acme-prod-uploads whose name starts with 'incoming/'.",
      expression: OBJECTS,
    });
  });

  test('grantReadWrite with a prefix includes listing', () => {
    const stack = testStack();
    bucket(stack).grantReadWrite(api, { prefix: 'incoming/' });
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.role).toBe('roles/storage.objectUser');
    expect(binding.condition.expression).toBe(`${OBJECTS} || ${LISTING}`);
  });

  test('two prefixes for one grantee are two bindings; the same grant twice is one', () => {
    const stack = testStack();
    const b = bucket(stack);
    const first = b.grantRead(api, { prefix: 'incoming/' });
    expect(b.grantRead(api, { prefix: 'incoming/' })).toBe(first);
    b.grantRead(api, { prefix: 'processed/' });
    b.grantRead(api);
    expect(bodiesOf(synth(stack), 'google_storage_bucket_iam_member')).toHaveLength(3);
    expect(Grant.of(stack)).toHaveLength(3);
  });

  test('a prefix without a trailing slash is allowed with a warning', () => {
    const stack = testStack();
    bucket(stack).grantRead(api, { prefix: 'logs-2026' });
    expect(warningsOf(stack)).toEqual([
      expect.stringContaining("Grant prefix 'logs-2026' does not end with '/'"),
    ]);
  });

  test.each(['', '/incoming/', 'in"coming', 'in\\coming', 'a\nb'])(
    'fails if the prefix is %j',
    (prefix) => {
      expect(() => bucket(testStack()).grantRead(api, { prefix })).toThrow(
        /test\/uploads: 'options.prefix' must be an object name prefix.*Use e.g. 'incoming\/'/,
      );
    },
  );

  test('reordering grantees leaves every address unchanged', () => {
    const users = ['a@example.com', 'b@example.com', 'c@example.com'].map((e) => Principal.user(e));
    const build = (order: typeof users) => {
      const stack = testStack();
      const b = bucket(stack);
      order.forEach((u) => b.grantRead(u, { prefix: 'incoming/' }));
      return addresses(synth(stack));
    };
    expect(build([...users].reverse())).toEqual(build(users));
  });
});

describe('ScopedBucket CMEK', () => {
  const KEY = 'projects/acme-sec/locations/europe-west1/keyRings/storage/cryptoKeys/uploads';

  test('uses the key and lets the Cloud Storage service agent use it, before the bucket exists', () => {
    const stack = testStack();
    bucket(stack, { encryptionKey: KEY });
    const json = synth(stack);
    const [b] = bodiesOf(json, 'google_storage_bucket');
    expect(b.encryption).toEqual({ default_kms_key_name: KEY });
    expect(Object.values(json.data.google_storage_project_service_account)).toEqual([
      expect.objectContaining({ project: 'acme-prod' }),
    ]);
    const keyBindings = Object.entries(json.resource.google_kms_crypto_key_iam_member);
    expect(keyBindings.map(([, v]) => v)).toEqual([
      {
        crypto_key_id: KEY,
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member: expect.stringMatching(
          /^\$\{data\.google_storage_project_service_account\.GuardrailsSharedBindings_StorageServiceAgent-[0-9a-f]{12}_[A-Z0-9]+\.member\}$/,
        ),
      },
    ]);
    expect(b.depends_on).toEqual([`google_kms_crypto_key_iam_member.${keyBindings[0][0]}`]);
  });

  test('grantEncryptionKeyToServiceAgent: false leaves key IAM alone', () => {
    const stack = testStack();
    bucket(stack, { encryptionKey: KEY, grantEncryptionKeyToServiceAgent: false });
    const json = synth(stack);
    expect(json.resource.google_kms_crypto_key_iam_member).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test('multi-region buckets take keys from the matching KMS location', () => {
    expect(() =>
      bucket(testStack(), {
        location: 'EU',
        encryptionKey: 'projects/p/locations/europe/keyRings/r/cryptoKeys/k',
      }),
    ).not.toThrow();
    expect(() => bucket(testStack(), { location: 'EU', encryptionKey: KEY })).toThrow(
      "test/uploads: 'encryptionKey' must be in the bucket's location 'europe' (it is in 'europe-west1')",
    );
  });
});

describe('ScopedBucket bad input', () => {
  test.each([
    ['ab', /'bucketName' must be 3-63 characters .* It has 2 characters; use 3-63\./],
    ['a'.repeat(64), /It has 64 characters; use 3-63\./],
    ['Acme_Uploads', /Use lowercase letters, digits and '-', e.g. 'acme_uploads'\./],
    ['-uploads', /'bucketName' must be 3-63/],
    ['uploads-', /'bucketName' must be 3-63/],
    ['goog-uploads', /Names starting with 'goog' are reserved/],
    ['acme-google-data', /Names containing 'google'/],
    ['acme-g00gle-data', /Names containing 'google'/],
    ['192.168.5.4', /cannot look like an IP address/],
    [`${'a'.repeat(64)}.example.com`, /Keep each dot-separated part 1-63 characters/],
    ['a..b', /Keep each dot-separated part/],
  ])('fails on bucket name %j', (bucketName, message) => {
    expect(() => bucket(testStack(), { bucketName })).toThrow(message);
  });

  test('a dotted name up to 222 characters is fine', () => {
    expect(() =>
      bucket(testStack(), { bucketName: `${'a'.repeat(63)}.${'b'.repeat(63)}.example.com` }),
    ).not.toThrow();
  });

  test.each([
    [
      { location: 'europe-west1-b' },
      "test/uploads: 'location' must be a Cloud Storage location (got 'europe-west1-b'). That is a zone; use its region 'europe-west1'.",
    ],
    [
      { versioning: true, retentionPeriodDays: 7 },
      /test\/uploads: 'versioning' is true together with retentionPeriodDays.*Remove versioning/,
    ],
    [
      { retentionPeriodDays: 0 },
      /'retentionPeriodDays' must be a whole number of days from 1 to 36500/,
    ],
    [
      { softDeleteRetentionDays: 3 },
      /'softDeleteRetentionDays' must be a whole number of days from 7 to 90 \(or 0 to turn it off\)/,
    ],
    [{ encryptionKey: 'uploads-key' }, /'encryptionKey' must be the full name of a Cloud KMS key/],
    [{ storageClass: 'COLD' }, /'storageClass' must be a storage class/],
    [
      { lifecycleRules: [{ action: BucketLifecycleAction.DELETE }] },
      /'lifecycleRules\[0\]' has no condition/,
    ],
    [
      { lifecycleRules: [{ action: BucketLifecycleAction.SET_STORAGE_CLASS, ageDays: 3 }] },
      /'lifecycleRules\[0\].storageClass' is required by SET_STORAGE_CLASS/,
    ],
    [
      { lifecycleRules: [{ action: BucketLifecycleAction.DELETE, ageDays: -1 }] },
      /'lifecycleRules\[0\].ageDays' must be a whole number of at least 0/,
    ],
  ] as Array<[Partial<ScopedBucketProps>, string | RegExp]>)('fails on %j', (props, message) => {
    expect(() => bucket(testStack(), props)).toThrow(message);
  });

  test('softDeleteRetentionDays: 0 turns soft delete off', () => {
    const stack = testStack();
    bucket(stack, { softDeleteRetentionDays: 0 });
    expect(bodiesOf(synth(stack), 'google_storage_bucket')[0].soft_delete_policy).toEqual({
      retention_duration_seconds: 0,
    });
  });

  test('tokens are never rejected', () => {
    const stack = testStack();
    const name = Token.asString({ Ref: 'name' });
    const b = bucket(stack, { bucketName: name, location: Token.asString({ Ref: 'loc' }) });
    expect(() =>
      b.grantRead(
        new ServiceIdentity(stack, 'w', { project: 'acme-prod', accountId: 'worker-run' }),
        { prefix: 'in/' },
      ),
    ).not.toThrow();
  });
});
