import { Token } from 'cdktf';
import { Grant, Principal, ServiceIdentity } from '../../lib';
import { bodiesOf, resolve, synth, testStack } from '../helpers';

const federated = Principal.fromMember(
  'principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/api',
);

describe('ServiceIdentity', () => {
  test('creates one service account and no key', () => {
    const stack = testStack();
    new ServiceIdentity(stack, 'api', { project: 'acme-prod', accountId: 'api-run' });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_service_account')).toEqual([
      {
        account_id: 'api-run',
        project: 'acme-prod',
        display_name: 'api-run',
        description: 'Managed by cdktf-guardrails (api)',
      },
    ]);
    expect(json.resource.google_service_account_key).toBeUndefined();
    expect(json).toMatchSnapshot();
  });

  test('attributes are references to the service account', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    const resolved = resolve(stack, {
      e: identity.email,
      m: identity.member,
      u: identity.uniqueId,
    });
    expect(resolved).toEqual({
      e: expect.stringMatching(/^\$\{google_service_account\.api_[A-Z0-9]+\.email\}$/),
      m: expect.stringMatching(/^\$\{google_service_account\.api_[A-Z0-9]+\.member\}$/),
      u: expect.stringMatching(/^\$\{google_service_account\.api_[A-Z0-9]+\.unique_id\}$/),
    });
    expect(identity.grantPrincipal).toBe(identity);
  });

  test('grantActAs binds serviceAccountUser on this service account only', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    const grant = identity.grantActAs(Principal.group('deployers@example.com'));
    const json = synth(stack);
    const [binding] = bodiesOf(json, 'google_service_account_iam_member');
    expect(binding).toEqual({
      service_account_id: expect.stringMatching(
        /^\$\{google_service_account\.api_[A-Z0-9]+\.name\}$/,
      ),
      role: 'roles/iam.serviceAccountUser',
      member: 'group:deployers@example.com',
    });
    expect(json.resource.google_project_iam_member).toBeUndefined();
    expect(grant.role).toBe('roles/iam.serviceAccountUser');
    expect(grant.resource).toBe('service-account:acme-prod/api-run');
  });

  test('allowWorkloadIdentity binds workloadIdentityUser for a federated principal', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    identity.allowWorkloadIdentity(federated);
    const [binding] = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(binding.role).toBe('roles/iam.workloadIdentityUser');
    expect(binding.member).toBe(federated.member);
  });

  test('fails if allowWorkloadIdentity is given a person', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    expect(() => identity.allowWorkloadIdentity(Principal.user('alice@example.com'))).toThrow(
      "test/api: 'principal' must be a federated identity",
    );
  });

  test('fails if allowWorkloadIdentity is given a whole pool', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    const wholePool = {
      member:
        'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*',
      get grantPrincipal() {
        return this;
      },
    };
    expect(() => identity.allowWorkloadIdentity(wholePool)).toThrow(
      /must not be a whole workload or workforce identity pool/,
    );
  });

  test('grants are recorded in the registry', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    identity.grantActAs(Principal.group('deployers@example.com'));
    identity.allowWorkloadIdentity(federated);
    expect(Grant.of(stack).map((g) => [g.principal.member, g.role, g.resource])).toEqual([
      [
        'group:deployers@example.com',
        'roles/iam.serviceAccountUser',
        'service-account:acme-prod/api-run',
      ],
      [federated.member, 'roles/iam.workloadIdentityUser', 'service-account:acme-prod/api-run'],
    ]);
    expect(Grant.of(stack)[0].paths[0]).toMatch(
      /^test\/api\/iam\.serviceAccountUser-[0-9a-f]{12}$/,
    );
  });

  test('fails if accountId is invalid, naming the construct path and the fix', () => {
    const stack = testStack();
    expect(
      () => new ServiceIdentity(stack, 'api', { project: 'acme-prod', accountId: 'A' }),
    ).toThrow(
      "test/api: 'accountId' must be 6-30 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-' (got 'A'). Use e.g. 'api-run'.",
    );
  });

  test('fails if project or display name is invalid', () => {
    const stack = testStack();
    expect(
      () => new ServiceIdentity(stack, 'a', { project: 'Acme', accountId: 'api-run' }),
    ).toThrow(/test\/a: 'project' must be a project id/);
    expect(
      () =>
        new ServiceIdentity(stack, 'b', {
          project: 'acme-prod',
          accountId: 'api-run',
          displayName: 'x'.repeat(101),
        }),
    ).toThrow(/test\/b: 'displayName' must be at most 100 characters/);
  });

  test('tokens are not validated', () => {
    const stack = testStack();
    expect(
      () =>
        new ServiceIdentity(stack, 'api', {
          project: Token.asString({ Ref: 'project' }),
          accountId: Token.asString({ Ref: 'id' }),
        }),
    ).not.toThrow();
  });

  test('isServiceIdentity', () => {
    const stack = testStack();
    expect(
      ServiceIdentity.isServiceIdentity(
        new ServiceIdentity(stack, 'api', { project: 'acme-prod', accountId: 'api-run' }),
      ),
    ).toBe(true);
    expect(ServiceIdentity.isServiceIdentity(stack)).toBe(false);
  });
});
