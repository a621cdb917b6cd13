import { SecureCloudRunService, SecureCloudRunServiceProps } from '../../lib';
import { testStack } from '../helpers';
import { BadValue, badValues, casesOf, expectRefused } from './harness';

const BASE: SecureCloudRunServiceProps = {
  project: 'acme-prod',
  location: 'europe-west1',
  serviceName: 'orders-api',
  image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2',
};

function make(props: Record<string, unknown>) {
  return () => new SecureCloudRunService(testStack(), 'api', { ...BASE, ...props } as never);
}

describe('SecureCloudRunService: bad props', () => {
  test.each(
    casesOf({
      project: 'string',
      location: 'string',
      serviceName: 'string',
      image: 'string',
      port: 'optional-number',
      cpu: 'optional-string',
      memory: 'optional-string',
      command: 'optional-string-list',
      minInstances: 'optional-number',
      maxInstances: 'optional-number',
      environment: 'optional-map',
      serviceAccount: 'optional-identity',
      ingress: 'optional-passthrough-enum',
      invokers: 'optional-grantees',
      users: 'optional-grantees',
      publicAccess: 'optional-struct',
      vpcAccess: 'optional-struct',
      encryptionKey: 'optional-string',
      binaryAuthorization: 'optional-struct',
      deletionProtection: 'optional-flag',
      description: 'optional-free-text',
      labels: 'optional-map',
      auditLogs: 'optional-flag',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(make({ [prop]: bad.value }), 'test/api', prop, bad);
  });

  const nested: Array<[string, unknown, string, BadValue]> = [
    ['args', 'acme/api', 'args', badValues('optional-string-list')[0]],
    [
      'args',
      [5],
      'args',
      { label: '', value: [5], rule: /must be a string, not a number/, at: '[0]' },
    ],
    [
      'secrets',
      'db',
      'secrets',
      { label: '', value: 'db', rule: /must be a list, not a string/, shown: "'db'" },
    ],
    [
      'secrets',
      ['db'],
      'secrets',
      {
        label: '',
        value: ['db'],
        rule: /must be an object with 'name', 'secret', 'version', not a string/,
        at: '[0]',
        shown: "'db'",
      },
    ],
    [
      'secrets',
      [{ name: 'DB_PASSWORD' }],
      'secrets',
      { label: '', value: 0, rule: /is required/, at: '[0].secret', shown: 'undefined' },
    ],
    [
      'secrets',
      [{ name: 'DB_PASSWORD', secret: 7 }],
      'secrets',
      { label: '', value: 7, rule: /must be a string, not a number/, at: '[0].secret', shown: '7' },
    ],
    [
      'secrets',
      [{ name: 'DB_PASSWORD', secret: 'db', versoin: '2' }],
      'secrets',
      {
        label: '',
        value: 0,
        rule: /is not a known key of 'secrets\[0\]' \(got '2'\)\. Did you mean 'version'\?/,
        at: '[0].versoin',
      },
    ],
    [
      'publicAccess',
      { reason: 5 },
      'publicAccess',
      { label: '', value: 5, rule: /must be a string, not a number/, at: '.reason', shown: '5' },
    ],
    [
      'publicAccess',
      {},
      'publicAccess',
      { label: '', value: 0, rule: /is required/, at: '.reason', shown: 'undefined' },
    ],
    [
      'vpcAccess',
      { connector: 'c', egress: 'ALL' },
      'vpcAccess',
      {
        label: '',
        value: 'ALL',
        rule: /must be one of CloudRunVpcEgress\.PRIVATE_RANGES_ONLY, CloudRunVpcEgress\.ALL_TRAFFIC/,
        at: '.egress',
        shown: "'ALL'",
      },
    ],
    [
      'vpcAccess',
      { network: 'n', networkTags: 'web' },
      'vpcAccess',
      {
        label: '',
        value: 'web',
        rule: /must be a list, not a string/,
        at: '.networkTags',
        shown: "'web'",
      },
    ],
    [
      'ingress',
      'internal',
      'ingress',
      {
        label: '',
        value: 'internal',
        rule: /must be one of CloudRunIngress\.INTERNAL_ONLY/,
        shown: "'internal'",
      },
    ],
  ];
  test.each(nested)('%s given %j', (prop, value, named, bad) => {
    expectRefused(make({ [prop]: value }), 'test/api', named, bad);
  });

  test('an unknown prop is refused, with the closest known one', () => {
    expect(make({ invoker: [] })).toThrow(
      /^test\/api: 'invoker' is not a known prop \(got \[\]\)\. Did you mean 'invokers'\?/,
    );
  });

  test('ingress written in lower case says which member to use', () => {
    expect(make({ ingress: 'all' })).toThrow('Use CloudRunIngress.ALL.');
  });

  test('a boolean given as a string says to drop the quotes', () => {
    expect(make({ auditLogs: 'false' })).toThrow(
      "test/api: 'auditLogs' must be true or false written in code, not a string (it decides what the library writes) (got 'false'). Write false without quotes.",
    );
  });

  test('a port given as a string says to drop the quotes', () => {
    expect(make({ port: '8080' })).toThrow(
      "test/api: 'port' must be a number, not a string (got '8080'). Write 8080 without quotes.",
    );
  });
});

describe('SecureCloudRunService grant methods: bad grantees', () => {
  const bad = badValues('grantee');
  test.each(['grantInvoke', 'grantDeploy', 'grantView'] as const)('%s', (method) => {
    for (const b of bad) {
      const service = new SecureCloudRunService(testStack(), 'api', BASE);
      expectRefused(() => service[method](b.value as never), 'test/api', 'grantee', b);
    }
  });
});
