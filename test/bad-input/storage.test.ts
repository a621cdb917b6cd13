import { BucketLifecycleAction, Principal, ScopedBucket, ScopedBucketProps } from '../../lib';
import { testStack } from '../helpers';
import { BadValue, badValues, casesOf, expectRefused } from './harness';

const BASE: ScopedBucketProps = {
  project: 'acme-prod',
  bucketName: 'acme-prod-uploads',
  location: 'europe-west1',
};

function make(props: Record<string, unknown>) {
  return () => new ScopedBucket(testStack(), 'uploads', { ...BASE, ...props } as never);
}

describe('ScopedBucket: bad props', () => {
  test.each(
    casesOf({
      project: 'string',
      bucketName: 'string',
      location: 'string',
      versioning: 'optional-flag',
      retentionPeriodDays: 'optional-number',
      softDeleteRetentionDays: 'optional-number',
      encryptionKey: 'optional-string',
      grantEncryptionKeyToServiceAgent: 'optional-flag',
      forceDestroy: 'optional-flag',
      storageClass: 'optional-string',
      labels: 'optional-map',
      auditLogs: 'optional-flag',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(make({ [prop]: bad.value }), 'test/uploads', prop, bad);
  });

  const lifecycle: Array<[string, unknown, BadValue]> = [
    [
      'a single rule',
      { action: 'Delete', ageDays: 30 },
      { label: '', value: 0, rule: /must be a list, not an object/ },
    ],
    [
      'a rule without action',
      [{ ageDays: 30 }],
      { label: '', value: 0, rule: /is required/, at: '[0].action', shown: 'undefined' },
    ],
    [
      'an unknown action',
      [{ action: 'Remove', ageDays: 30 }],
      {
        label: '',
        value: 'Remove',
        rule: /must be one of BucketLifecycleAction\.DELETE, BucketLifecycleAction\.SET_STORAGE_CLASS, BucketLifecycleAction\.ABORT_INCOMPLETE_MULTIPART_UPLOAD/,
        at: '[0].action',
        shown: "'Remove'",
      },
    ],
    [
      'an age as a string',
      [{ action: BucketLifecycleAction.DELETE, ageDays: '30' }],
      {
        label: '',
        value: '30',
        rule: /must be a number, not a string/,
        at: '[0].ageDays',
        shown: "'30'",
      },
    ],
    [
      'an unknown storage class',
      [{ action: BucketLifecycleAction.SET_STORAGE_CLASS, storageClass: 'GLACIER', ageDays: 30 }],
      {
        label: '',
        value: 'GLACIER',
        rule: /must be a storage class/,
        at: '[0].storageClass',
        shown: "'GLACIER'",
      },
    ],
    [
      'an empty prefix list',
      [{ action: BucketLifecycleAction.DELETE, ageDays: 30, matchesPrefix: [] }],
      {
        label: '',
        value: [],
        rule: /must not be empty: an empty prefix list is no condition, so the rule would apply to every object/,
        at: '[0].matchesPrefix',
        shown: '[]',
      },
    ],
    [
      'a state in lower case',
      [{ action: BucketLifecycleAction.DELETE, ageDays: 30, withState: 'live' }],
      {
        label: '',
        value: 'live',
        rule: /must be one of BucketObjectState\./,
        at: '[0].withState',
        shown: "'live'",
      },
    ],
    [
      'a misspelt key',
      [{ action: BucketLifecycleAction.DELETE, ageDay: 30 }],
      {
        label: '',
        value: 30,
        rule: /is not a known key of 'lifecycleRules\[0\]' \(got 30\)\. Did you mean 'ageDays'\?/,
        at: '[0].ageDay',
      },
    ],
  ];
  test.each(lifecycle)('lifecycleRules: %s', (_label, value, bad) => {
    expectRefused(make({ lifecycleRules: value }), 'test/uploads', 'lifecycleRules', bad);
  });
});

describe('ScopedBucket grant methods: bad arguments', () => {
  const reader = Principal.user('alice@example.com');
  const methods = ['grantRead', 'grantWrite', 'grantReadWrite'] as const;

  test.each(methods)('%s: bad grantees', (method) => {
    for (const bad of badValues('grantee')) {
      const bucket = new ScopedBucket(testStack(), 'uploads', BASE);
      expectRefused(() => bucket[method](bad.value as never), 'test/uploads', 'grantee', bad);
    }
  });

  const options: Array<[string, unknown, string, BadValue]> = [
    [
      'a prefix given instead of options',
      'incoming/',
      'options',
      {
        label: '',
        value: 'incoming/',
        rule: /must be an object with 'prefix', not a string/,
        shown: "'incoming/'",
      },
    ],
    [
      'a misspelt option',
      { prefx: 'incoming/' },
      'options.prefx',
      {
        label: '',
        value: 'incoming/',
        rule: /is not a known key of 'options' \(got 'incoming\/'\)\. Did you mean 'prefix'\?/,
      },
    ],
    [
      'a number prefix',
      { prefix: 5 },
      'options.prefix',
      { label: '', value: 5, rule: /must be a string, not a number/, shown: '5' },
    ],
    [
      'an empty prefix',
      { prefix: '' },
      'options.prefix',
      { label: '', value: '', rule: /must be an object name prefix/, shown: "''" },
    ],
  ];
  test.each(methods.flatMap((m) => options.map((o) => [m, ...o] as const)))(
    '%s: %s',
    (method, _label, value, prop, bad) => {
      const bucket = new ScopedBucket(testStack(), 'uploads', BASE);
      expectRefused(() => bucket[method](reader, value as never), 'test/uploads', prop, bad);
    },
  );

  test('options left out or null mean the whole bucket', () => {
    const bucket = new ScopedBucket(testStack(), 'uploads', BASE);
    expect(bucket.grantRead(reader).condition).toBeUndefined();
    expect(bucket.grantWrite(reader, null as never).condition).toBeUndefined();
  });
});
