import { runDefaultServiceAccount } from '../../lib/rules/run/default-service-account';
import { runDeletionProtectionOff } from '../../lib/rules/run/deletion-protection-off';
import { runIngressAll } from '../../lib/rules/run/ingress-all';
import { runPlainSecretEnv } from '../../lib/rules/run/plain-secret-env';
import { runPublicInvoker } from '../../lib/rules/run/public-invoker';
import { describeRules, stackJson } from './rule-cases';

/** A Cloud Run v2 service with its own account, private ingress and deletion protection. */
function service(
  overrides: Record<string, unknown> = {},
  env: unknown[] = [{ name: 'LOG_LEVEL', value: 'info' }],
) {
  return {
    name: 'api',
    location: 'europe-west1',
    ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    template: {
      service_account: 'api-run@acme-prod.iam.gserviceaccount.com',
      containers: [{ image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1', env }],
    },
    ...overrides,
  };
}
const v2 = (body: Record<string, unknown>) =>
  stackJson({ google_cloud_run_v2_service: { api: body } });

describeRules([
  {
    rule: runIngressAll,
    noncompliant: stackJson({
      google_cloud_run_v2_service: {
        explicit: service({ ingress: 'INGRESS_TRAFFIC_ALL' }),
        unset: service({ ingress: undefined }),
      },
      google_cloud_run_service: {
        v1: {
          name: 'old',
          location: 'europe-west1',
          template: { spec: { service_account_name: 'old@acme-prod.iam.gserviceaccount.com' } },
        },
      },
    }),
    compliant: stackJson({
      google_cloud_run_v2_service: {
        api: service(),
        // Identity-Aware Proxy on the service authorizes every request, the run.app URL's too.
        admin: service({ ingress: 'INGRESS_TRAFFIC_ALL', iap_enabled: true }),
      },
      google_cloud_run_service: {
        v1: {
          name: 'old',
          location: 'europe-west1',
          metadata: { annotations: { 'run.googleapis.com/ingress': 'internal' } },
          template: { spec: { service_account_name: 'old@acme-prod.iam.gserviceaccount.com' } },
        },
        v1iap: {
          name: 'old-admin',
          location: 'europe-west1',
          metadata: { annotations: { 'run.googleapis.com/iap-enabled': 'true' } },
          template: { spec: { service_account_name: 'old@acme-prod.iam.gserviceaccount.com' } },
        },
      },
    }),
    expected: [
      'google_cloud_run_service.v1',
      'google_cloud_run_v2_service.explicit',
      'google_cloud_run_v2_service.unset',
    ],
  },
  {
    rule: runDefaultServiceAccount,
    noncompliant: stackJson({
      google_cloud_run_v2_service: {
        unset: service({ template: { containers: [{ image: 'x' }] } }),
        named: service({
          template: {
            service_account: '123456789012-compute@developer.gserviceaccount.com',
            containers: [],
          },
        }),
      },
    }),
    compliant: stackJson({
      google_service_account: { api: { account_id: 'api-run' } },
      google_cloud_run_v2_service: {
        api: service({
          template: { service_account: '${google_service_account.api.email}', containers: [] },
        }),
      },
    }),
    expected: ['google_cloud_run_v2_service.named', 'google_cloud_run_v2_service.unset'],
  },
  {
    rule: runPublicInvoker,
    noncompliant: stackJson({
      google_cloud_run_v2_service: { api: service() },
      google_cloud_run_v2_service_iam_member: {
        public: {
          location: 'europe-west1',
          name: '${google_cloud_run_v2_service.api.name}',
          role: 'roles/run.invoker',
          member: 'allAuthenticatedUsers',
        },
      },
    }),
    compliant: stackJson({
      google_cloud_run_v2_service: { api: service() },
      google_cloud_run_v2_service_iam_member: {
        web: {
          location: 'europe-west1',
          name: '${google_cloud_run_v2_service.api.name}',
          role: 'roles/run.servicesInvoker',
          member: 'serviceAccount:web-run@acme-prod.iam.gserviceaccount.com',
        },
      },
    }),
    expected: ['google_cloud_run_v2_service_iam_member.public'],
    message: /on google_cloud_run_v2_service europe-west1\/api: anyone/,
  },
  {
    rule: runDeletionProtectionOff,
    noncompliant: v2(service({ deletion_protection: false })),
    compliant: v2(service()),
    expected: ['google_cloud_run_v2_service.api'],
  },
  {
    rule: runPlainSecretEnv,
    noncompliant: v2(
      service({}, [
        { name: 'STRIPE_API_KEY', value: 'sk_live_x' },
        { name: 'db_password', value: 'x' },
      ]),
    ),
    compliant: v2(
      service({}, [
        {
          name: 'DB_PASSWORD',
          value_source: { secret_key_ref: { secret: 'db-password', version: 'latest' } },
        },
        { name: 'TOKEN_AUDIENCE', value: 'orders-api' },
      ]),
    ),
    expected: ['google_cloud_run_v2_service.api'],
    message: /STRIPE_API_KEY, db_password/,
  },
]);
