import { TerraformStack } from 'cdktf';
import {
  WorkloadIdentityPool,
  WorkloadIdentityPoolProps,
  WorkloadIdentityProvider,
} from '../../lib';
import { testStack } from '../helpers';
import { BadValue, badValues, casesOf, expectRefused, PropKind } from './harness';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BASE: WorkloadIdentityPoolProps = { project: 'acme-prod', poolId: 'ci-pool' };

function pool(stack: TerraformStack = testStack()) {
  return new WorkloadIdentityPool(stack, 'ci', BASE);
}

/** Cases for the keys of an options object, named `options.<key>`. */
function optionCases(kinds: Record<string, PropKind>) {
  return casesOf(kinds).map(([key, label, bad]) => [`options.${key}`, key, label, bad] as const);
}

describe('WorkloadIdentityPool: bad props', () => {
  test.each(
    casesOf({
      project: 'string',
      poolId: 'string',
      displayName: 'optional-free-text',
      description: 'optional-free-text',
      auditLogs: 'optional-flag',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(
      () => new WorkloadIdentityPool(testStack(), 'ci', { ...BASE, [prop]: bad.value } as never),
      'test/ci',
      prop,
      bad,
    );
  });
});

describe('provider adders: bad arguments', () => {
  const github = { repositoryOwner: 'acme' };
  const azure = { tenantId: TENANT };
  const oidc = {
    issuerUri: 'https://gitlab.com',
    allowedAudiences: ['https://gitlab.com'],
    attributeCondition: "assertion.namespace_path == 'acme'",
  };

  test.each(badValues('string').map((b) => [b.label, b] as const))('id: %s', (_label, bad) => {
    expectRefused(
      () => pool().addGitHubActionsProvider(bad.value as never, github),
      'test/ci',
      'id',
      bad,
    );
  });

  test.each([
    ['a string', 'acme', /must be an object with 'repositoryOwner'/],
    ['undefined', undefined, /is required/],
  ])('options given as %s', (_label, value, rule) => {
    expectRefused(
      () => pool().addGitHubActionsProvider('github', value as never),
      'test/ci',
      'options',
      {
        label: '',
        value,
        rule,
      },
    );
  });

  test.each(
    optionCases({
      repositoryOwner: 'string',
      repositories: 'optional-scoping-list',
      refs: 'optional-scoping-list',
      displayName: 'optional-free-text',
    }),
  )('addGitHubActionsProvider %s: %s', (prop, key, _label, bad) => {
    expectRefused(
      () => pool().addGitHubActionsProvider('github', { ...github, [key]: bad.value } as never),
      'test/ci',
      prop,
      bad,
    );
  });

  test.each(
    optionCases({
      tenantId: 'string',
      allowedAudiences: 'optional-scoping-list',
      allowedObjectIds: 'optional-scoping-list',
      displayName: 'optional-free-text',
    }),
  )('addAzureAdProvider %s: %s', (prop, key, _label, bad) => {
    expectRefused(
      () => pool().addAzureAdProvider('azure', { ...azure, [key]: bad.value } as never),
      'test/ci',
      prop,
      bad,
    );
  });

  test.each(
    optionCases({
      issuerUri: 'string',
      allowedAudiences: 'string-list',
      attributeMapping: 'optional-map',
      attributeCondition: 'free-text',
      displayName: 'optional-free-text',
    }),
  )('addOidcProvider %s: %s', (prop, key, _label, bad) => {
    expectRefused(
      () => pool().addOidcProvider('gitlab', { ...oidc, [key]: bad.value } as never),
      'test/ci',
      prop,
      bad,
    );
  });

  test('a misspelt option is refused with the known one', () => {
    expect(() =>
      pool().addGitHubActionsProvider('github', { ...github, ref: ['refs/heads/main'] } as never),
    ).toThrow(/'options\.ref' is not a known key of 'options' .*Did you mean 'refs'\?/);
  });
});

describe('principal helpers: bad arguments', () => {
  test.each(badValues('string').map((b) => [b.label, b] as const))(
    'principalSetForAttribute name and value: %s',
    (_label, bad) => {
      expectRefused(
        () => pool().principalSetForAttribute(bad.value as never, 'x'),
        'test/ci',
        'name',
        bad,
      );
      expectRefused(
        () => pool().principalSetForAttribute('repository', bad.value as never),
        'test/ci',
        'value',
        bad,
      );
    },
  );

  test.each(badValues('string').map((b) => [b.label, b] as const))(
    'principalForRepository and principalForSubject: %s',
    (_label, bad) => {
      const provider = pool().addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
      expectRefused(
        () => provider.principalForRepository(bad.value as never),
        'test/ci/github',
        'repository',
        bad,
      );
      expectRefused(
        () => provider.principalForSubject(bad.value as never),
        'test/ci/github',
        'subject',
        bad,
      );
    },
  );
});

describe('WorkloadIdentityProvider made directly: bad props', () => {
  const props = () => ({
    pool: pool(),
    providerId: 'gitlab',
    issuerUri: 'https://gitlab.com',
    attributeMapping: { 'google.subject': 'assertion.sub' },
    attributeCondition: "assertion.namespace_path == 'acme'",
  });
  const cases: Array<[string, unknown, BadValue]> = [
    [
      'pool',
      { project: 'acme-prod' },
      { label: '', value: 0, rule: /must be a WorkloadIdentityPool/ },
    ],
    ['pool', undefined, { label: '', value: 0, rule: /is required/, shown: 'undefined' }],
    [
      'attributeMapping',
      { 'attribute.x': 'assertion.x' },
      { label: '', value: 0, rule: /does not map 'google.subject'/ },
    ],
    [
      'attributeMapping',
      { subject: 'assertion.sub' },
      { label: '', value: 0, rule: /must map only google.subject/, shown: "'subject'" },
    ],
    [
      'attributeCondition',
      'true || true',
      { label: '', value: 0, rule: /must restrict which tokens are accepted on every branch/ },
    ],
    [
      'gitHubRepositories',
      'acme/api',
      { label: '', value: 0, rule: /must be a list, not a string/ },
    ],
  ];
  test.each(cases)('%s: %j', (prop, value, bad) => {
    const stack = testStack();
    const p = props();
    const make = () =>
      new WorkloadIdentityProvider(stack, 'gitlab', { ...p, pool: p.pool, [prop]: value } as never);
    let error: Error | undefined;
    try {
      make();
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(new RegExp(`^test/gitlab: '${prop}'`));
    expect(error?.message).toMatch(bad.rule);
    if (bad.shown) expect(error?.message).toContain(`(got ${bad.shown})`);
  });
});
