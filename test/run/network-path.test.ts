import { TerraformStack, Testing, Token } from 'cdktf';
import {
  CloudRunIngress,
  CloudRunVpcEgress,
  SecureCloudRunService,
  SecureCloudRunServiceProps,
  ServiceIdentity,
} from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';

function service(
  stack: TerraformStack,
  id: string,
  props: Partial<SecureCloudRunServiceProps> = {},
) {
  return new SecureCloudRunService(stack, id, {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: id,
    image: `europe-west1-docker.pkg.dev/acme-prod/apps/${id}:1.0.0`,
    ...props,
  });
}

const CONNECTOR = 'projects/acme-prod/locations/europe-west1/connectors/run';
const NO_PATH =
  "test/orders-api: 'grantee' names the Cloud Run service test/web, whose requests would never reach this service: its ingress (INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER) admits another Cloud Run service only when that service sends its requests through a VPC network, and web has no vpcAccess. Give web vpcAccess with egress: CloudRunVpcEgress.ALL_TRAFFIC (and Private Google Access on its subnet), or set vpcAccess.privateRunAppDns: true if its VPC resolves run.app to the Private Google Access addresses; grant with grantInvoke(web, { throughLoadBalancer: true }) if web calls a load balancer in front of orders-api; or set ingress: CloudRunIngress.ALL on orders-api (IAM still decides who may invoke).";

describe('Cloud Run to Cloud Run: an invoker must have a network path', () => {
  test('fails if the caller has no VPC egress and the target is internal', () => {
    // GIVEN web without vpcAccess and orders-api with the default ingress (internal + LB)
    const stack = testStack();
    const web = service(stack, 'web');
    const api = service(stack, 'orders-api');
    // THEN the invoker binding, which would never be used, is refused with the fix
    expect(() => api.grantInvoke(web)).toThrow(NO_PATH);
    // (options passed as null by a JavaScript caller mean the direct path too)
    expect(() => api.grantInvoke(web, null as any)).toThrow(NO_PATH);
  });

  test('the invokers prop is checked the same way, and named in the message', () => {
    const stack = testStack();
    const web = service(stack, 'web');
    expect(() =>
      service(stack, 'orders-api', { ingress: CloudRunIngress.INTERNAL_ONLY, invokers: [web] }),
    ).toThrow(
      /^test\/orders-api: 'invokers\[0\]' names the Cloud Run service test\/web, whose requests would never reach this service: its ingress \(INGRESS_TRAFFIC_INTERNAL_ONLY\)/,
    );
  });

  test('fails if the caller sends only private ranges through the VPC', () => {
    const stack = testStack();
    const web = service(stack, 'web', { vpcAccess: { connector: CONNECTOR } });
    const api = service(stack, 'orders-api');
    expect(() => api.grantInvoke(web)).toThrow(
      /web sends only private ranges there \(egress PRIVATE_RANGES_ONLY\): its calls to run\.app leave through the internet\. Give web vpcAccess with egress: CloudRunVpcEgress\.ALL_TRAFFIC/,
    );
  });

  test.each([
    [
      'Direct VPC egress, all traffic',
      { network: 'default', egress: CloudRunVpcEgress.ALL_TRAFFIC },
    ],
    ['a connector, all traffic', { connector: CONNECTOR, egress: CloudRunVpcEgress.ALL_TRAFFIC }],
    [
      'private ranges with a private DNS zone for run.app',
      { subnetwork: 'run', privateRunAppDns: true },
    ],
  ])('accepts a caller with %s', (_, vpcAccess) => {
    const stack = testStack();
    const web = service(stack, 'web', { vpcAccess });
    service(stack, 'orders-api', { invokers: [web] });
    const [binding] = bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member');
    expect(binding.role).toBe('roles/run.servicesInvoker');
    expect(binding.member).toMatch(/web_Identity_[A-Z0-9]+\.member/);
  });

  test('a target open to all traffic needs no VPC path (IAM still decides)', () => {
    const stack = testStack();
    const web = service(stack, 'web');
    service(stack, 'webhook', { ingress: CloudRunIngress.ALL, invokers: [web] });
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member')).toHaveLength(1);
  });

  test('through a load balancer: no VPC needed for internal + Cloud Load Balancing', () => {
    const stack = testStack();
    const web = service(stack, 'web');
    const api = service(stack, 'orders-api');
    expect(() => api.grantInvoke(web, { throughLoadBalancer: true })).not.toThrow();
  });

  test('through a load balancer with ingress internal only: the internal one needs a VPC path', () => {
    const stack = testStack();
    const api = service(stack, 'orders-api', { ingress: CloudRunIngress.INTERNAL_ONLY });
    expect(() => api.grantInvoke(service(stack, 'web'), { throughLoadBalancer: true })).toThrow(
      /its ingress \(INGRESS_TRAFFIC_INTERNAL_ONLY\) admits only an internal Application Load Balancer, whose private address web cannot reach without vpcAccess/,
    );
    const inVpc = service(stack, 'worker', { vpcAccess: { connector: CONNECTOR } });
    expect(() => api.grantInvoke(inVpc, { throughLoadBalancer: true })).not.toThrow();
  });

  test('an identity invoker is checked at synth against the services that run as it', () => {
    // GIVEN the invoker is granted by identity, before the service that runs as it exists
    const stack = testStack();
    const runtime = new ServiceIdentity(stack, 'web-identity', {
      project: 'acme-prod',
      accountId: 'web-run',
    });
    service(stack, 'orders-api').grantInvoke(runtime);
    service(stack, 'web', { serviceAccount: runtime });
    // THEN synth fails with the same message
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/orders-api: 'grantee' names the Cloud Run service test\/web, whose requests would never reach this service/,
    );
  });

  test('an identity invoker that no Cloud Run service runs as is not checked', () => {
    const stack = testStack();
    const ci = new ServiceIdentity(stack, 'smoke-tests', {
      project: 'acme-prod',
      accountId: 'smoke-tests',
    });
    service(stack, 'orders-api').grantInvoke(ci);
    expect(() => synth(stack)).not.toThrow();
  });

  test('an identity invoker whose service egresses through the VPC passes', () => {
    const stack = testStack();
    const runtime = new ServiceIdentity(stack, 'web-identity', {
      project: 'acme-prod',
      accountId: 'web-run',
    });
    service(stack, 'orders-api', { invokers: [runtime] });
    service(stack, 'web', {
      serviceAccount: runtime,
      vpcAccess: { network: 'default', egress: CloudRunVpcEgress.ALL_TRAFFIC },
    });
    expect(() => synth(stack)).not.toThrow();
  });

  test('egress and ingress given by reference are not judged', () => {
    const stack = testStack();
    const web = service(stack, 'web', {
      vpcAccess: { connector: CONNECTOR, egress: Token.asString({ Ref: 'egress' }) as any },
    });
    expect(() => service(stack, 'orders-api', { invokers: [web] })).not.toThrow();
    const other = service(stack, 'billing', {
      ingress: Token.asString({ Ref: 'ingress' }) as any,
    });
    expect(() => other.grantInvoke(service(stack, 'cron'))).not.toThrow();
  });
});
