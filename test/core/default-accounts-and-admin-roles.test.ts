import { isDefaultServiceAccount, normalizeMember } from '../../lib/core/private/member-kinds';
import { isAdminRoleName } from '../../lib/core/private/role-kinds';

describe('isDefaultServiceAccount', () => {
  test.each([
    'serviceAccount:123456789012-compute@developer.gserviceaccount.com',
    '123456789012-compute@developer.gserviceaccount.com',
    'serviceAccount:acme-prod@appspot.gserviceaccount.com',
    'serviceAccount:${data.google_compute_default_service_account.default.email}',
    '${data.google_app_engine_default_service_account.x.member}',
  ])('%s is a default account', (m) => expect(isDefaultServiceAccount(m)).toBe(true));

  test.each([
    'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com',
    'serviceAccount:service-123@gcp-sa-aiplatform.iam.gserviceaccount.com',
    'serviceAccount:${google_service_account.api.email}',
    'user:compute@developer.gserviceaccount.com.example.com',
  ])('%s is not', (m) => expect(isDefaultServiceAccount(m)).toBe(false));
});

describe('isAdminRoleName', () => {
  test.each([
    'roles/storage.admin',
    'roles/iam.securityAdmin',
    'roles/resourcemanager.projectIamAdmin',
    'roles/pubsub.owner',
  ])('%s is an administrator role', (r) => expect(isAdminRoleName(r)).toBe(true));
  test.each([
    'roles/bigquery.dataOwner',
    'roles/run.invoker',
    'projects/p/roles/admin',
    'roles/owner',
  ])('%s is not', (r) => expect(isAdminRoleName(r)).toBe(false));
});

test('normalizeMember takes a known kind and keeps references as written', () => {
  expect(normalizeMember('user:Alice@Example.com', 'user')).toBe('user:alice@example.com');
  expect(normalizeMember('serviceAccount:${google_service_account.Api.email}')).toBe(
    'serviceAccount:${google_service_account.Api.email}',
  );
});
