import { App, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AuditLogs,
  Grant,
  IamRole,
  FederatedPrincipal,
  Principal,
  ServiceIdentity,
  ServiceIdentityProps,
} from '../../lib';
import { testStack } from '../helpers';
import { BadValue, casesOf, expectRefused } from './harness';

const IDENTITY: ServiceIdentityProps = { project: 'acme-prod', accountId: 'api-run' };

describe('ServiceIdentity: bad props', () => {
  test.each(
    casesOf({
      project: 'string',
      accountId: 'string',
      displayName: 'optional-free-text',
      description: 'optional-free-text',
    }),
  )('%s: %s', (prop, _label, bad) => {
    const stack = testStack();
    expectRefused(
      () => new ServiceIdentity(stack, 'api', { ...IDENTITY, [prop]: bad.value } as never),
      'test/api',
      prop,
      bad,
    );
  });

  test.each([undefined, null, 'props', 42, ['a']])('props given as %j', (props) => {
    const stack = testStack();
    expect(() => new ServiceIdentity(stack, 'api', props as never)).toThrow(
      /^test\/api: 'props' (are required|must be an object, not .+) \(got .+\)\. Pass an object with 'project', 'accountId'/,
    );
  });

  test('an unknown prop is refused, with the closest known one', () => {
    expect(
      () => new ServiceIdentity(testStack(), 'api', { ...IDENTITY, acountId: 'x' } as never),
    ).toThrow(
      "test/api: 'acountId' is not a known prop (got 'x'). Did you mean 'accountId'? Known: project, accountId, displayName, description.",
    );
  });

  test.each<[string, unknown, unknown, RegExp]>([
    [
      'no scope',
      undefined,
      'api',
      /^new ServiceIdentity: 'scope' must be a construct inside a TerraformStack \(got undefined\)/,
    ],
    ['a string scope', 'my-stack', 'api', /^new ServiceIdentity: 'scope' must be a construct/],
    ['an empty id', 'stack', '', /^test\/: 'id' must be a non-empty string \(got ''\)/],
    ['a number id', 'stack', 7, /^test\/7: 'id' must be a non-empty string \(got 7\)/],
    [
      'a scope outside any stack',
      'app',
      'api',
      /'scope' must be a TerraformStack or a construct inside one/,
    ],
    [
      'a used id',
      'stack',
      'taken',
      /^test\/taken: 'id' is already used by another construct in 'test'/,
    ],
  ])('%s', (_label, scope, id, message) => {
    const stack = testStack();
    new Construct(stack, 'taken');
    const actual = scope === 'stack' ? stack : scope === 'app' ? (stack.node.scope as App) : scope;
    expect(() => new ServiceIdentity(actual as never, id as never, IDENTITY)).toThrow(message);
  });
});

describe('ServiceIdentity methods and fromEmail: bad arguments', () => {
  const grantees: BadValue[] = [
    { label: 'undefined', value: undefined, rule: /is required/, shown: 'undefined' },
    {
      label: 'a member string',
      value: 'group:ops@example.com',
      rule: /must be a grantee .*not a string/,
      shown: "'group:ops@example.com'",
    },
    { label: 'a number', value: 1, rule: /must be a grantee/, shown: '1' },
  ];
  test.each(grantees.map((b) => [b.label, b] as const))('grantActAs(%s)', (_l, bad) => {
    const identity = new ServiceIdentity(testStack(), 'api', IDENTITY);
    expectRefused(() => identity.grantActAs(bad.value as never), 'test/api', 'grantee', bad);
  });

  test('grantActAs with a member string says which factory to use', () => {
    const identity = new ServiceIdentity(testStack(), 'api', IDENTITY);
    expect(() => identity.grantActAs('group:ops@example.com' as never)).toThrow(
      'Use Principal.group("ops@example.com").',
    );
  });

  test.each(grantees.map((b) => [b.label, b] as const))('allowWorkloadIdentity(%s)', (_l, bad) => {
    const identity = new ServiceIdentity(testStack(), 'api', IDENTITY);
    expectRefused(
      () => identity.allowWorkloadIdentity(bad.value as never),
      'test/api',
      'principal',
      bad,
    );
  });

  test.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /'email' is required \(got undefined\)/],
    ['a number', 5, /'email' must be a string, not a number \(got 5\)/],
    ['not an email', 'api-run', /'email' must be a user-managed service account/],
    [
      'the default compute account',
      '123456789012-compute@developer.gserviceaccount.com',
      /'email' must be a user-managed service account.*default compute/,
    ],
    [
      'the App Engine default account',
      'acme-prod@appspot.gserviceaccount.com',
      /'email' must be a user-managed service account/,
    ],
    [
      'a service agent',
      'service-123456789012@gcp-sa-aiplatform.iam.gserviceaccount.com',
      /'email' must be a user-managed service account.*service agents/,
    ],
    ['a user', 'alice@example.com', /'email' must be a user-managed service account/],
  ])('fromEmail(%s)', (_label, email, message) => {
    const stack = testStack();
    expect(() => ServiceIdentity.fromEmail(stack, 'runtime', email as never)).toThrow(
      new RegExp(`^test/runtime: ${message.source}`),
    );
  });
});

describe('Principal factories: bad arguments', () => {
  test.each<[string, () => unknown, string, RegExp]>([
    [
      'user(undefined)',
      () => Principal.user(undefined as never),
      "Principal.user: 'email' is required (got undefined)",
      /Pass a string, e.g. 'alice@example.com'/,
    ],
    [
      'user(42)',
      () => Principal.user(42 as never),
      "Principal.user: 'email' must be a string, not a number (got 42)",
      /./,
    ],
    [
      'group(null)',
      () => Principal.group(null as never),
      "Principal.group: 'email' is required (got null)",
      /./,
    ],
    [
      'serviceAccount([])',
      () => Principal.serviceAccount([] as never),
      "Principal.serviceAccount: 'email' must be a string, not a list (got [])",
      /./,
    ],
    [
      'domain({})',
      () => Principal.domain({} as never),
      "Principal.domain: 'name' must be a string, not an object (got {})",
      /./,
    ],
    [
      'fromMember(true)',
      () => Principal.fromMember(true as never),
      "Principal.fromMember: 'member' must be a string, not a boolean (got true)",
      /./,
    ],
    [
      'fromMember(whitespace)',
      () => Principal.fromMember('  '),
      "Principal.fromMember: 'member' must not be empty or only whitespace (got '  ')",
      /./,
    ],
    [
      'new FederatedPrincipal(1)',
      () => new FederatedPrincipal(1 as never),
      "new FederatedPrincipal: 'member' must be a string, not a number (got 1)",
      /./,
    ],
  ])('%s', (_label, make, start, fix) => {
    expect(make).toThrow(start);
    expect(make).toThrow(fix);
  });

  test.each([
    [
      'principalSet://cloudresourcemanager.googleapis.com/organizations/123/type/ServiceAccount',
      /every service account/,
    ],
    [
      'principalSet://cloudresourcemanager.googleapis.com/projects/123/type/ServiceAgent',
      /every service account \(or service agent\)/,
    ],
    [
      'principalSet://iam.googleapis.com/locations/global/workforcePools/staff/*',
      /whole workload or workforce identity pool/,
    ],
    [
      'principalSet://goog/cloudIdentityCustomerId/C01abc',
      /every account of a Workspace or Cloud Identity customer/,
    ],
    ['principalSet://goog/public:all', /must name an identity, not the public/],
  ])('fromMember(%s) is refused as too broad', (member, message) => {
    expect(() => Principal.fromMember(member)).toThrow(message);
  });
});

describe('AuditLogs, Grant and IamRole: bad arguments', () => {
  test.each<[string, unknown]>([
    ['undefined', undefined],
    ['a string', 'stack'],
    ['a plain object', { node: {} }],
  ])('AuditLogs.of(%s)', (_label, scope) => {
    expect(() => AuditLogs.of(scope as never)).toThrow(
      /^AuditLogs\.of: 'scope' must be a construct, not .+ \(got .+\)\. Pass the stack/,
    );
  });

  test('AuditLogs.of(a construct outside any stack)', () => {
    const app = Testing.app();
    expect(() => AuditLogs.of(app)).toThrow(
      /^AuditLogs\.of: 'scope' must be a construct inside a TerraformStack/,
    );
  });

  test.each<[string, unknown, unknown, RegExp]>([
    [
      'a missing project',
      undefined,
      'storage.googleapis.com',
      /'project' is required \(got undefined\)/,
    ],
    [
      'a project list',
      ['acme-prod'],
      'storage.googleapis.com',
      /'project' must be a string, not a list \(got \['acme-prod'\]\)/,
    ],
    ['a number service', 'acme-prod', 5, /'service' must be a string, not a number \(got 5\)/],
    [
      'a service with Terraform syntax',
      'acme-prod',
      '${var.s}',
      /'service' must not contain '\$\{'/,
    ],
  ])('enable with %s', (_label, project, service, message) => {
    const stack = testStack();
    expect(() => AuditLogs.of(stack).enable(project as never, service as never)).toThrow(
      new RegExp(`^test/GuardrailsAuditLogs: ${message.source}`),
    );
  });

  test.each([undefined, 'x', 3])('Grant.of(%j)', (scope) => {
    expect(() => Grant.of(scope as never)).toThrow(/^Grant\.of: 'scope' must be a construct/);
  });

  test('new Grant with a missing principal', () => {
    expect(() => new Grant({ role: 'roles/x', resource: 'r', resources: [] } as never)).toThrow(
      "new Grant: 'principal' is required (got undefined).",
    );
  });

  test.each<[string, unknown[], RegExp]>([
    ['a number name', [5, ['a'], ['a']], /'name' must be a string, not a number/],
    [
      'a string permission list',
      ['roles/x', 'a.b.c', ['a']],
      /'keyPermissions' must be a list, not a string/,
    ],
    [
      'an empty permission list',
      ['roles/x', ['a'], []],
      /'permissions' must not be empty: a role carries at least one permission/,
    ],
  ])('IamRole.predefined with %s', (_label, args, message) => {
    expect(() => (IamRole.predefined as (...a: unknown[]) => unknown)(...args)).toThrow(
      new RegExp(`^IamRole.predefined: ${message.source}`),
    );
  });
});
