import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { Construct } from 'constructs';
import { Grant, IamCondition, IGrantable, Principal, ServiceIdentity } from '../../lib';
import { bindIamMember } from '../../lib/core/private/iam-member';
import { addresses, bodiesOf, synth, testStack } from '../helpers';

/** Grants roles on one service account through the library's one binding helper. */
function bind(
  scope: Construct,
  role: string,
  grantee: IGrantable,
  condition?: IamCondition,
  publicAccessReason?: string,
): Grant {
  return bindIamMember({
    requester: scope,
    owner: scope,
    role,
    grantee,
    resource: 'service-account:test',
    condition,
    publicAccessReason,
    create: (s, id, member, c) =>
      new ServiceAccountIamMember(s, id, {
        serviceAccountId: 'projects/acme-prod/serviceAccounts/x@acme-prod.iam.gserviceaccount.com',
        role,
        member,
        condition: c,
      }),
  });
}

const deployers = ['alice@example.com', 'bob@example.com', 'carol@example.com'].map((e) =>
  Principal.user(e),
);

function addressesAfterGranting(users: typeof deployers): string[] {
  const stack = testStack();
  const identity = new ServiceIdentity(stack, 'api', {
    project: 'acme-prod',
    accountId: 'api-run',
  });
  users.forEach((u) => identity.grantActAs(u));
  return addresses(synth(stack));
}

describe('grants', () => {
  test('reordering grantees leaves every resource address unchanged', () => {
    const forward = addressesAfterGranting(deployers);
    const reversed = addressesAfterGranting([...deployers].reverse());
    expect(reversed).toEqual(forward);
    expect(forward.filter((a) => a.startsWith('google_service_account_iam_member.'))).toHaveLength(
      3,
    );
  });

  test('adding a grantee keeps the existing addresses', () => {
    const before = addressesAfterGranting(deployers.slice(1));
    const after = addressesAfterGranting(deployers);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length + 1);
  });

  test('granting the same thing twice makes one binding and returns the same grant', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'api', {
      project: 'acme-prod',
      accountId: 'api-run',
    });
    const first = identity.grantActAs(deployers[0]);
    const second = identity.grantActAs(Principal.user('alice@example.com'));
    expect(second).toBe(first);
    expect(bodiesOf(synth(stack), 'google_service_account_iam_member')).toHaveLength(1);
    expect(Grant.of(stack)).toHaveLength(1);
  });

  test('the same role and member under different conditions are different bindings', () => {
    const stack = testStack();
    const a = bind(stack, 'roles/iam.serviceAccountUser', deployers[0], {
      title: 'a',
      expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
    });
    const b = bind(stack, 'roles/iam.serviceAccountUser', deployers[0]);
    expect(a).not.toBe(b);
    const bodies = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(bodies).toHaveLength(2);
    expect(bodies.find((x) => x.condition)?.condition).toEqual({
      title: 'a',
      expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
    });
  });

  test('a ServiceIdentity granted to another gets bound by its member reference', () => {
    const stack = testStack();
    const api = new ServiceIdentity(stack, 'api', { project: 'acme-prod', accountId: 'api-run' });
    const ci = new ServiceIdentity(stack, 'ci', { project: 'acme-prod', accountId: 'ci-deploy' });
    api.grantActAs(ci);
    api.grantActAs(ci);
    const bindings = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(bindings).toHaveLength(1);
    expect(bindings[0].member).toMatch(/^\$\{google_service_account\.ci_[A-Z0-9]+\.member\}$/);
  });

  test.each(['roles/owner', 'roles/editor', 'roles/viewer'])(
    'fails if the role is the basic role %s',
    (role) => {
      const stack = testStack();
      expect(() => bind(stack, role, deployers[0])).toThrow(
        `test: 'role' must not be a basic role (owner, editor, viewer grant thousands of permissions on the whole project) (got '${role}').`,
      );
    },
  );

  test('fails if the member is public without a reason', () => {
    const stack = testStack();
    const everyone = {
      member: 'allUsers',
      get grantPrincipal() {
        return this;
      },
    };
    expect(() => bind(stack, 'roles/run.servicesInvoker', everyone)).toThrow(
      /'grantee' must name an identity, not the public/,
    );
    const grant = bind(
      stack,
      'roles/run.servicesInvoker',
      everyone,
      undefined,
      'public marketing site',
    );
    expect(grant.reason).toBe('public marketing site');
  });

  test('fails if a condition has no title or expression', () => {
    const stack = testStack();
    expect(() =>
      bind(stack, 'roles/iam.serviceAccountUser', deployers[0], { title: '', expression: 'true' }),
    ).toThrow("test: 'condition.title' must be 1-100 characters (got '').");
    expect(() =>
      bind(stack, 'roles/iam.serviceAccountUser', deployers[0], {
        title: 'x'.repeat(101),
        expression: 'true',
      }),
    ).toThrow(/'condition.title' must be 1-100 characters/);
    expect(() =>
      bind(stack, 'roles/iam.serviceAccountUser', deployers[0], { title: 't', expression: ' ' }),
    ).toThrow(/'condition.expression' must be a non-empty CEL expression/);
    expect(() =>
      bind(stack, 'roles/iam.serviceAccountUser', deployers[0], {
        title: 't',
        expression: 'true',
        description: 'd'.repeat(257),
      }),
    ).toThrow(/'condition.description' must be at most 256 characters/);
  });

  test('registries are per stack', () => {
    const one = testStack();
    const two = testStack();
    bind(one, 'roles/iam.serviceAccountUser', deployers[0]);
    expect(Grant.of(one)).toHaveLength(1);
    expect(Grant.of(two)).toHaveLength(0);
  });
});
