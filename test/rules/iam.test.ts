import { iamAuthoritativeBinding } from '../../lib/rules/iam/authoritative-binding';
import { iamBasicRole } from '../../lib/rules/iam/basic-role';
import { iamBroadPrincipalSet } from '../../lib/rules/iam/broad-principal-set';
import { iamCustomRoleEscalation } from '../../lib/rules/iam/custom-role-escalation';
import { iamDefaultServiceAccount } from '../../lib/rules/iam/default-service-account';
import { iamDomainMember } from '../../lib/rules/iam/domain-member';
import { iamImpersonationBroad } from '../../lib/rules/iam/impersonation-broad';
import { iamPrivilegedRoleBroad } from '../../lib/rules/iam/privileged-role-broad';
import { iamPublicMember } from '../../lib/rules/iam/public-member';
import { iamSecretAccessorProject } from '../../lib/rules/iam/secret-accessor-project';
import { iamServiceAccountKey } from '../../lib/rules/iam/service-account-key';
import { iamUserBroadLevel } from '../../lib/rules/iam/user-broad-level';
import { iamVertexProjectRole } from '../../lib/rules/iam/vertex-project-role';
import { describeRules, findingsOf, stackJson } from './rule-cases';

const projectMember = (role: string, member: string) => ({
  google_project_iam_member: { grant: { project: 'acme-prod', role, member } },
});
const bucketMember = (role: string, member: string) => ({
  google_storage_bucket_iam_member: { grant: { bucket: 'acme-data', role, member } },
});
const accountMember = (role: string, member: string) => ({
  google_service_account_iam_member: {
    grant: {
      service_account_id:
        'projects/acme-prod/serviceAccounts/job@acme-prod.iam.gserviceaccount.com',
      role,
      member,
    },
  },
});

describeRules([
  {
    rule: iamBasicRole,
    noncompliant: stackJson(projectMember('roles/editor', 'group:dev@example.com')),
    compliant: stackJson(projectMember('roles/logging.viewer', 'group:dev@example.com')),
    expected: ['google_project_iam_member.grant'],
    message: /grants roles\/editor to group:dev@example.com on project acme-prod/,
  },
  {
    rule: iamPublicMember,
    noncompliant: stackJson(bucketMember('roles/storage.objectViewer', 'allUsers')),
    compliant: stackJson(bucketMember('roles/storage.objectViewer', 'group:readers@example.com')),
    expected: ['google_storage_bucket_iam_member.grant'],
  },
  {
    rule: iamAuthoritativeBinding,
    noncompliant: stackJson({
      google_project_iam_binding: {
        b: { project: 'acme-prod', role: 'roles/logging.viewer', members: ['group:a@example.com'] },
      },
      google_storage_bucket_iam_policy: {
        p: { bucket: 'acme-data', policy_data: '{"bindings":[]}' },
      },
    }),
    compliant: stackJson(projectMember('roles/logging.viewer', 'group:a@example.com')),
    expected: ['google_project_iam_binding.b', 'google_storage_bucket_iam_policy.p'],
  },
  {
    rule: iamServiceAccountKey,
    noncompliant: stackJson({
      google_service_account: { job: { account_id: 'job-run' } },
      google_service_account_key: {
        key: { service_account_id: '${google_service_account.job.name}' },
      },
    }),
    compliant: stackJson({ google_service_account: { job: { account_id: 'job-run' } } }),
    expected: ['google_service_account_key.key'],
    message: /projects\/acme-prod\/serviceAccounts\/job-run@acme-prod\.iam\.gserviceaccount\.com/,
  },
  {
    rule: iamImpersonationBroad,
    noncompliant: stackJson({
      google_project_iam_member: {
        user: {
          project: 'acme-prod',
          role: 'roles/iam.serviceAccountUser',
          member: 'group:ci@example.com',
        },
      },
      google_folder_iam_member: {
        token: {
          folder: 'folders/123',
          role: 'roles/iam.serviceAccountTokenCreator',
          member: 'group:ci@example.com',
        },
      },
    }),
    compliant: stackJson(accountMember('roles/iam.serviceAccountUser', 'group:ci@example.com')),
    expected: ['google_folder_iam_member.token', 'google_project_iam_member.user'],
  },
  {
    rule: iamPrivilegedRoleBroad,
    noncompliant: stackJson({
      google_project_iam_member: {
        admin: {
          project: 'acme-prod',
          role: 'roles/storage.admin',
          member: 'group:ops@example.com',
        },
        iam: {
          project: 'acme-prod',
          role: 'roles/resourcemanager.projectIamAdmin',
          member: 'group:ops@example.com',
        },
      },
    }),
    compliant: stackJson({
      ...bucketMember('roles/storage.admin', 'group:ops@example.com'),
      ...projectMember('roles/logging.viewer', 'group:ops@example.com'),
    }),
    expected: ['google_project_iam_member.admin', 'google_project_iam_member.iam'],
    message: /it can change who has access/,
  },
  {
    rule: iamBroadPrincipalSet,
    noncompliant: stackJson(
      accountMember(
        'roles/iam.workloadIdentityUser',
        'principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*',
      ),
    ),
    compliant: stackJson(
      accountMember(
        'roles/iam.workloadIdentityUser',
        'principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/acme/app',
      ),
    ),
    expected: ['google_service_account_iam_member.grant'],
    message: /every identity of a workload or workforce pool/,
  },
  {
    rule: iamDomainMember,
    noncompliant: stackJson(bucketMember('roles/storage.objectViewer', 'domain:example.com')),
    compliant: stackJson(bucketMember('roles/storage.objectViewer', 'group:all@example.com')),
    expected: ['google_storage_bucket_iam_member.grant'],
  },
  {
    rule: iamUserBroadLevel,
    noncompliant: stackJson(projectMember('roles/logging.viewer', 'user:alice@example.com')),
    compliant: stackJson(bucketMember('roles/storage.objectViewer', 'user:alice@example.com')),
    expected: ['google_project_iam_member.grant'],
  },
  {
    rule: iamDefaultServiceAccount,
    noncompliant: stackJson(
      {
        google_project_iam_member: {
          literal: {
            project: 'acme-prod',
            role: 'roles/logging.logWriter',
            member: 'serviceAccount:123456789012-compute@developer.gserviceaccount.com',
          },
          referenced: {
            project: 'acme-prod',
            role: 'roles/logging.logWriter',
            member: 'serviceAccount:${data.google_compute_default_service_account.default.email}',
          },
          appengine: {
            project: 'acme-prod',
            role: 'roles/logging.logWriter',
            member: '${data.google_app_engine_default_service_account.default.member}',
          },
        },
      },
      {
        data: {
          google_compute_default_service_account: { default: {} },
          google_app_engine_default_service_account: { default: {} },
        },
      },
    ),
    compliant: stackJson(
      projectMember(
        'roles/logging.logWriter',
        'serviceAccount:job-run@acme-prod.iam.gserviceaccount.com',
      ),
    ),
    expected: [
      'google_project_iam_member.appengine',
      'google_project_iam_member.literal',
      'google_project_iam_member.referenced',
    ],
  },
  {
    rule: iamVertexProjectRole,
    noncompliant: stackJson(
      projectMember(
        'roles/aiplatform.user',
        'serviceAccount:api@acme-prod.iam.gserviceaccount.com',
      ),
    ),
    compliant: stackJson({
      google_vertex_ai_endpoint_iam_member: {
        grant: {
          project: 'acme-prod',
          location: 'europe-west1',
          endpoint: '123',
          role: 'roles/aiplatform.user',
          member: 'serviceAccount:api@acme-prod.iam.gserviceaccount.com',
        },
      },
    }),
    expected: ['google_project_iam_member.grant'],
  },
  {
    rule: iamSecretAccessorProject,
    noncompliant: stackJson(
      projectMember(
        'roles/secretmanager.secretAccessor',
        'serviceAccount:api@acme-prod.iam.gserviceaccount.com',
      ),
    ),
    compliant: stackJson({
      google_secret_manager_secret_iam_member: {
        grant: {
          secret_id: 'db-password',
          role: 'roles/secretmanager.secretAccessor',
          member: 'serviceAccount:api@acme-prod.iam.gserviceaccount.com',
        },
      },
    }),
    expected: ['google_project_iam_member.grant'],
  },
  {
    rule: iamCustomRoleEscalation,
    noncompliant: stackJson({
      google_project_iam_custom_role: {
        deployer: {
          project: 'acme-prod',
          role_id: 'deployer',
          title: 'Deployer',
          permissions: [
            'run.services.update',
            'iam.serviceAccounts.actAs',
            'storage.buckets.setIamPolicy',
          ],
        },
      },
    }),
    compliant: stackJson({
      google_project_iam_custom_role: {
        predictor: {
          project: 'acme-prod',
          role_id: 'predictor',
          title: 'Predictor',
          permissions: ['aiplatform.endpoints.predict'],
        },
      },
    }),
    expected: ['google_project_iam_custom_role.deployer'],
    message: /iam\.serviceAccounts\.actAs, storage\.buckets\.setIamPolicy/,
  },
]);

describe('each binding is reported once', () => {
  test('a public basic role is a basic-role finding that cannot be acknowledged, not a public-member one', () => {
    const json = stackJson(projectMember('roles/viewer', 'allUsers'));
    const [finding] = findingsOf(iamBasicRole, json);
    expect(finding.rule).toBe('iam-basic-role');
    expect(findingsOf(iamPublicMember, json)).toEqual([]);
    const acknowledged = {
      ...(json as object),
      '//': {
        metadata: {
          stackName: 's',
          'cdktf-guardrails': {
            acknowledgements: [{ path: 's', rule: 'iam-basic-role', reason: 'not allowed anyway' }],
          },
        },
      },
    };
    expect(findingsOf(iamBasicRole, acknowledged)[0].acknowledged).toBe(false);
  });

  test('a public Cloud Run invoker is left to run-public-invoker', () => {
    const json = stackJson({
      google_cloud_run_v2_service_iam_member: {
        public: {
          location: 'europe-west1',
          name: 'api',
          role: 'roles/run.invoker',
          member: 'allUsers',
        },
      },
    });
    expect(findingsOf(iamPublicMember, json)).toEqual([]);
  });

  test('serviceAccountUser on a project is an impersonation finding, not a privileged-role one', () => {
    const json = stackJson(projectMember('roles/iam.serviceAccountUser', 'group:ci@example.com'));
    expect(findingsOf(iamPrivilegedRoleBroad, json)).toEqual([]);
    expect(findingsOf(iamImpersonationBroad, json)).toHaveLength(1);
  });
});
