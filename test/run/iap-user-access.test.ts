import { TerraformStack, Testing } from 'cdktf';
import {
  CloudRunIngress,
  Grant,
  Guardrails,
  Principal,
  SecureCloudRunService,
  SecureCloudRunServiceProps,
  ServiceIdentity,
} from '../../lib';
import { analyzeStack } from '../../lib/analysis/analyze';
import { GuardrailsTesting } from '../../lib/testing';
import { bodiesOf, iamMembers, synth, testStack, validationMessage } from '../helpers';

const base: SecureCloudRunServiceProps = {
  project: 'acme-prod',
  location: 'europe-west1',
  serviceName: 'admin-ui',
  image: 'europe-west1-docker.pkg.dev/acme-prod/apps/admin-ui:2.0.1',
};
const OPS = Principal.group('ops-admins@acme.example');

function adminUi(stack: TerraformStack, props: Partial<SecureCloudRunServiceProps> = {}) {
  return new SecureCloudRunService(stack, 'admin', { ...base, ...props });
}

const AGENT_MEMBER =
  /^\$\{google_project_service_identity\.GuardrailsSharedBindings_IapServiceAgent-[0-9a-f]+_[0-9A-F]+\.member\}$/;

describe('SecureCloudRunService users (Identity-Aware Proxy)', () => {
  test('turns IAP on the service, grants the accessor role on it and lets the IAP agent invoke it', () => {
    const stack = testStack();
    adminUi(stack, { users: [OPS] });
    const json = synth(stack);
    expect(json).toMatchSnapshot();

    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.iap_enabled).toBe(true);
    // iap_enabled exists only in google-beta (6.50.0): the service is written for that provider.
    expect(run.provider).toBe('google-beta');
    // With users and no ingress given, the run.app URL is reachable and IAP guards it.
    expect(run.ingress).toBe('INGRESS_TRAFFIC_ALL');

    expect(bodiesOf(json, 'google_iap_web_cloud_run_service_iam_member')).toEqual([
      {
        project: 'acme-prod',
        location: 'europe-west1',
        cloud_run_service_name: expect.stringMatching(
          /^\$\{google_cloud_run_v2_service\.admin_[0-9A-F]+\.name\}$/,
        ),
        role: 'roles/iap.httpsResourceAccessor',
        member: 'group:ops-admins@acme.example',
      },
    ]);
    // People get no Cloud Run role: IAP calls the service as its own agent.
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toEqual([
      expect.objectContaining({
        role: 'roles/run.servicesInvoker',
        member: expect.stringMatching(AGENT_MEMBER),
        location: 'europe-west1',
        project: 'acme-prod',
      }),
    ]);
    expect(bodiesOf(json, 'google_project_service_identity')).toEqual([
      expect.objectContaining({
        project: 'acme-prod',
        service: 'iap.googleapis.com',
        provider: 'google-beta',
      }),
    ]);
    expect(bodiesOf(json, 'google_project_iam_audit_config')).toEqual([
      expect.objectContaining({
        project: 'acme-prod',
        service: 'iap.googleapis.com',
        audit_log_config: [
          { log_type: 'ADMIN_READ' },
          { log_type: 'DATA_READ' },
          { log_type: 'DATA_WRITE' },
        ],
      }),
    ]);
    // Every binding is on this one service.
    expect(
      iamMembers(json)
        .map((b) => b.type)
        .sort(),
    ).toEqual([
      'google_cloud_run_v2_service_iam_member',
      'google_iap_web_cloud_run_service_iam_member',
    ]);
  });

  test('grantUserAccess adds people; one agent binding and one IAP agent per project', () => {
    const stack = testStack();
    const ui = adminUi(stack, { users: [] });
    const other = new SecureCloudRunService(stack, 'reports', {
      ...base,
      serviceName: 'reports-ui',
      users: [OPS],
    });
    const grant = ui.grantUserAccess(Principal.user('alice@acme.example'));
    expect(grant).toBeInstanceOf(Grant);
    expect(grant.role).toBe('roles/iap.httpsResourceAccessor');
    expect(grant.resource).toBe('iap-cloud-run:europe-west1/admin-ui');
    // The same person again is the same grant (one binding per effective grant).
    expect(ui.grantUserAccess(Principal.user('Alice@acme.example'))).toBe(grant);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_project_service_identity')).toHaveLength(1);
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toHaveLength(2);
    expect(
      bodiesOf(json, 'google_iap_web_cloud_run_service_iam_member')
        .map((b) => b.member)
        .sort(),
    ).toEqual(['group:ops-admins@acme.example', 'user:alice@acme.example']);
    expect(other.ingress).toBe(CloudRunIngress.ALL);
  });

  test('an explicit ingress behind a load balancer is kept', () => {
    const stack = testStack();
    adminUi(stack, { users: [OPS], ingress: CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING });
    const [run] = bodiesOf(synth(stack), 'google_cloud_run_v2_service');
    expect(run.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
    expect(run.iap_enabled).toBe(true);
  });

  test('auditLogs: false leaves the IAP audit config to its owner', () => {
    const stack = testStack();
    adminUi(stack, { users: [OPS], auditLogs: false });
    expect(synth(stack).resource.google_project_iam_audit_config).toBeUndefined();
  });

  test('a service without users is unchanged: no IAP, GA provider', () => {
    const stack = testStack();
    adminUi(stack);
    const [run] = bodiesOf(synth(stack), 'google_cloud_run_v2_service');
    expect(run.iap_enabled).toBeUndefined();
    expect(run.provider).toBeUndefined();
  });

  test('the access report shows the IAP grant on the service and the agent as invoker', () => {
    const stack = testStack();
    adminUi(stack, { users: [OPS] });
    const model = analyzeStack(JSON.parse(Testing.synth(stack)));
    const iap = model.bindings.find((b) => b.role === 'roles/iap.httpsResourceAccessor')!;
    expect({ type: iap.target.type, level: iap.target.level, member: iap.member }).toEqual({
      type: 'google_iap_web_cloud_run_service',
      level: 'resource',
      member: 'group:ops-admins@acme.example',
    });
  });

  test('passes the stack-wide guardrails with no finding (ingress ALL is guarded by IAP)', () => {
    const stack = testStack();
    adminUi(stack, { users: [OPS] });
    Guardrails.check(stack);
    // An error finding would throw here.
    const synthesized = GuardrailsTesting.synth(stack);
    expect(synthesized.warnings).toEqual([]);
    // The same ingress without IAP is a finding.
    const open = testStack();
    adminUi(open, { ingress: CloudRunIngress.ALL });
    Guardrails.check(open);
    expect(GuardrailsTesting.synth(open).warnings).toEqual([
      expect.stringMatching(/run-ingress-all/),
    ]);
  });

  test('a stack without a google-beta provider fails synth with how to add one', () => {
    const stack = testStack({ googleBeta: false });
    adminUi(stack, { users: [OPS] });
    expect(() => Testing.synth(stack)).toThrow(
      /test\/admin: 'users' turns on Identity-Aware Proxy on the service \(iap_enabled\), which the google provider 6\.50\.0 lacks and the google-beta provider has, and the stack has no google-beta provider\. Add one: new GoogleBetaProvider/,
    );
  });

  test('invokers on an IAP service get a warning: IAP checks them first', () => {
    const stack = testStack();
    const caller = new ServiceIdentity(stack, 'batch', {
      project: 'acme-prod',
      accountId: 'batch-run',
    });
    adminUi(stack, { users: [OPS], invokers: [caller] });
    const synthesized = GuardrailsTesting.synth(stack);
    expect(synthesized.warnings).toEqual([
      expect.stringMatching(
        /has invokers and Identity-Aware Proxy: IAP checks every request before Cloud Run IAM/,
      ),
    ]);
  });
});

describe('SecureCloudRunService users: refusals', () => {
  test('together with publicAccess', () => {
    const stack = testStack();
    expect(
      validationMessage(() =>
        adminUi(stack, { users: [OPS], publicAccess: { reason: 'Public status page for all' } }),
      ),
    ).toMatch(
      /^test\/admin: 'users' turns on Identity-Aware Proxy, and publicAccess makes the service invocable by allUsers.*Remove publicAccess/,
    );
  });

  test('with an ingress browsers cannot reach', () => {
    const stack = testStack();
    expect(
      validationMessage(() =>
        adminUi(stack, { users: [OPS], ingress: CloudRunIngress.INTERNAL_ONLY }),
      ),
    ).toMatch(
      /^test\/admin: 'users' turns on Identity-Aware Proxy for people, but the service's ingress \(INGRESS_TRAFFIC_INTERNAL_ONLY\) admits only requests from VPC networks.*Set ingress: CloudRunIngress\.ALL/,
    );
  });

  test('grantUserAccess on a service whose ingress was left at its default', () => {
    const stack = testStack();
    const ui = adminUi(stack);
    expect(validationMessage(() => ui.grantUserAccess(OPS))).toMatch(
      /^test\/admin: 'grantee' turns on Identity-Aware Proxy for people, but the service's ingress is the default INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER.*Pass users in the props \(even users: \[\]\)/,
    );
  });

  test.each([
    ['a service account', Principal.serviceAccount('ci@acme-prod.iam.gserviceaccount.com')],
    [
      'a federated principal',
      Principal.fromMember(
        'principal://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/subject/repo:acme/app',
      ),
    ],
  ])('%s as a user', (_label, who) => {
    const stack = testStack();
    expect(validationMessage(() => adminUi(stack, { users: [who] }))).toMatch(
      /^test\/admin: 'users\[0\]' must be people of the organization \(a user, a group or a domain\).*Principal\.group/,
    );
  });

  test('a ServiceIdentity given to grantUserAccess', () => {
    const stack = testStack();
    const ui = adminUi(stack, { users: [] });
    const sa = new ServiceIdentity(stack, 'bot', { project: 'acme-prod', accountId: 'bot-run' });
    expect(validationMessage(() => ui.grantUserAccess(sa))).toMatch(
      /^test\/admin: 'grantee' must be people of the organization/,
    );
  });

  test('allUsers as a user', () => {
    const stack = testStack();
    expect(
      validationMessage(() =>
        adminUi(stack, { users: [{ grantPrincipal: { member: 'allUsers' } } as never] }),
      ),
    ).toMatch(/^test\/admin: 'users\[0\]' must name an identity, not the public/);
  });
});
