import {
  expressionMemberKind,
  isBroadMember,
  isOpaqueMember,
  memberKind,
  normalizeMember,
} from '../../lib/core/private/member-kinds';
import { isBasicRole } from '../../lib/core/private/role-kinds';

const POOL = 'projects/123/locations/global/workloadIdentityPools/ci';

describe('memberKind', () => {
  test.each([
    ['allUsers', 'public'],
    ['allAuthenticatedUsers', 'public'],
    ['principalSet://goog/public:all', 'public'],
    ['projectEditor:acme-prod', 'convenience'],
    [`principalSet://iam.googleapis.com/${POOL}/*`, 'whole-pool'],
    // the normal way to name a pool: a reference to its `name`, as synthesized
    [
      'principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*',
      'whole-pool',
    ],
    ['principalSet://iam.googleapis.com/locations/global/workforcePools/staff/*', 'whole-pool'],
    [
      'principalSet://cloudresourcemanager.googleapis.com/organizations/123/type/ServiceAccount',
      'all-service-accounts',
    ],
    [
      'principalSet://cloudresourcemanager.googleapis.com/projects/123/type/ServiceAgent',
      'all-service-accounts',
    ],
    ['principalSet://goog/cloudIdentityCustomerId/C01abc', 'customer'],
    ['domain:example.com', 'domain'],
    ['user:alice@example.com', 'user'],
    ['group:ops@example.com', 'group'],
    ['serviceAccount:api@acme-prod.iam.gserviceaccount.com', 'service-account'],
    ['serviceAccount:${google_service_account.api.email}', 'service-account'],
    ['serviceAccount:acme-prod.svc.id.goog[orders/api]', 'gke-workload'],
    [`principal://iam.googleapis.com/${POOL}/subject/repo:acme/api`, 'federated-principal'],
    [`principalSet://iam.googleapis.com/${POOL}/attribute.repository/acme/api`, 'federated-set'],
    ['principalSet://parametermanager.googleapis.com/projects/123/type/Parameter', 'resource-set'],
    ['${var.member}', 'unknown'],
  ])('%s is %s', (member, kind) => {
    expect(memberKind(member)).toBe(kind);
  });

  test('broad members are the public, convenience, whole-pool, all-accounts and customer kinds', () => {
    expect(isBroadMember('allUsers')).toBe(true);
    expect(isBroadMember(`principalSet://iam.googleapis.com/${POOL}/*`)).toBe(true);
    expect(isBroadMember('principalSet://goog/cloudIdentityCustomerId/C01abc')).toBe(true);
    expect(isBroadMember('group:ops@example.com')).toBe(false);
    expect(
      isBroadMember(`principalSet://iam.googleapis.com/${POOL}/attribute.repository/a/b`),
    ).toBe(false);
  });
});

describe('normalizeMember', () => {
  test('emails and domains compare case-insensitively', () => {
    expect(normalizeMember('user:Alice@Example.com')).toBe('user:alice@example.com');
    expect(normalizeMember('serviceAccount:API@P.iam.gserviceaccount.com')).toBe(
      'serviceAccount:api@p.iam.gserviceaccount.com',
    );
    expect(normalizeMember('domain:Example.COM')).toBe('domain:example.com');
  });

  test('Terraform references keep their case; federated subjects are left alone', () => {
    expect(normalizeMember('serviceAccount:${google_service_account.Api_Id.email}')).toBe(
      'serviceAccount:${google_service_account.Api_Id.email}',
    );
    const subject = `principal://iam.googleapis.com/${POOL}/subject/Repo:Acme`;
    expect(normalizeMember(subject)).toBe(subject);
  });
});

test('basic roles', () => {
  expect(['roles/owner', 'roles/editor', 'roles/viewer'].every(isBasicRole)).toBe(true);
  expect(isBasicRole('roles/run.viewer')).toBe(false);
});

describe('members hidden in Terraform expressions', () => {
  test.each([
    [
      '${join("", ["principalSet://iam.googleapis.com/", google_iam_workload_identity_pool.ci.name, "/*"])}',
      'whole-pool',
    ],
    ['${format("principalSet://iam.googleapis.com/%s/*", var.pool)}', 'whole-pool'],
    ['${lower("allUsers")}', 'public'],
    ['${join("", ["projectEditor:", var.project])}', 'convenience'],
    ['${var.member}', 'unknown'],
    ['${join("", ["user:", var.email])}', 'unknown'],
    ['user:alice@example.com', 'user'],
  ])('%s is %s', (text, kind) => {
    expect(expressionMemberKind(text)).toBe(kind);
  });

  test('one opaque reference is opaque; text around a reference is not', () => {
    expect(isOpaqueMember('${var.member}')).toBe(true);
    expect(isOpaqueMember('${TfToken[TOKEN.12]}')).toBe(true);
    expect(isOpaqueMember('user:${var.email}')).toBe(false);
    expect(isOpaqueMember('${var.a}${var.b}')).toBe(false);
  });
});
