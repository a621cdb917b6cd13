import { Token } from 'cdktf';
import { Errors, Principal } from '../../lib';

describe('Principal', () => {
  test('factories build member strings', () => {
    expect(Principal.serviceAccount('ci@acme-prod.iam.gserviceaccount.com').member).toBe(
      'serviceAccount:ci@acme-prod.iam.gserviceaccount.com',
    );
    expect(Principal.user('alice@example.com').member).toBe('user:alice@example.com');
    expect(Principal.group('platform@example.com').member).toBe('group:platform@example.com');
    expect(Principal.domain('example.com').member).toBe('domain:example.com');
  });

  test('a principal is its own grant principal', () => {
    const p = Principal.group('platform@example.com');
    expect(p.grantPrincipal).toBe(p);
  });

  test('fromMember accepts federated members', () => {
    const member =
      'principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/api';
    expect(Principal.fromMember(member).member).toBe(member);
  });

  test.each(['allUsers', 'allAuthenticatedUsers'])('fails if fromMember is given %s', (member) => {
    expect(() => Principal.fromMember(member)).toThrow(
      `Principal.fromMember: 'member' must name an identity, not the public (got '${member}'). Grant to named identities`,
    );
  });

  test('fails if fromMember is given a project convenience member', () => {
    expect(() => Principal.fromMember('projectEditor:acme-prod')).toThrow(
      /must not be a project convenience member/,
    );
  });

  test('fails if fromMember is given a whole workload identity pool', () => {
    expect(() =>
      Principal.fromMember(
        'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/*',
      ),
    ).toThrow(/must not be a whole workload or workforce identity pool .*principalSetForAttribute/);
  });

  test('fails if fromMember has no known prefix', () => {
    expect(() => Principal.fromMember('alice@example.com')).toThrow(
      "Principal.fromMember: 'member' must start with one of user:, serviceAccount:, group:, domain:, principal://, principalSet:// (got 'alice@example.com').",
    );
  });

  test('fails if an email is malformed, with the fix', () => {
    expect(() => Principal.user('alice')).toThrow(
      "Principal.user: 'email' must be an email address (got 'alice'). Use e.g. 'alice@example.com'.",
    );
    expect(() => Principal.domain('not a domain')).toThrow(/'name' must be a DNS domain/);
  });

  test('errors are recognisable as ValidationError', () => {
    let caught: unknown;
    try {
      Principal.user('alice');
    } catch (e) {
      caught = e;
    }
    expect(Errors.isValidationError(caught)).toBe(true);
    expect(Errors.isValidationError(new Error('x'))).toBe(false);
    expect((caught as { prop: string }).prop).toBe('email');
  });

  test('unresolved tokens are never rejected', () => {
    const email = Token.asString({ Ref: 'email' });
    expect(Principal.user(email).member).toBe(`user:${email}`);
    expect(Principal.fromMember(Token.asString({ Ref: 'member' })).member).toBeDefined();
  });
});
