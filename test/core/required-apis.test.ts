import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { TerraformStack } from 'cdktf';
import { SecureCloudRunService, WorkloadIdentityPool } from '../../lib';
import { resourcesOf, synth, Synthesized, testStack, warningsOf } from '../helpers';

function enable(stack: TerraformStack, service: string, project: string | undefined = 'acme-prod') {
  return new ProjectService(stack, `api-${service.split('.')[0]}-${project ?? 'default'}`, {
    project,
    service,
    disableOnDestroy: false,
  });
}

function api(stack: TerraformStack) {
  return new SecureCloudRunService(stack, 'api', {
    project: 'acme-prod',
    location: 'europe-west1',
    serviceName: 'orders-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/orders-api:1.4.2',
    secrets: [{ name: 'DB_PASSWORD', secret: 'orders-db-password' }],
  });
}

/** `google_project_service.<name>` of the API enabled for `service`. */
function serviceAddress(json: Synthesized, service: string): string {
  const [name] = Object.entries(resourcesOf(json, 'google_project_service')).find(
    ([, body]) => body.service === service,
  )!;
  return `google_project_service.${name}`;
}

function only(json: Synthesized, type: string): any {
  const bodies = Object.values(resourcesOf(json, type));
  expect(bodies).toHaveLength(1);
  return bodies[0];
}

describe('resources wait for the APIs the stack enables', () => {
  test('each resource depends on the google_project_service of the API it needs', () => {
    // GIVEN a stack that enables its project's APIs itself
    const stack = testStack();
    for (const s of [
      'run.googleapis.com',
      'secretmanager.googleapis.com',
      'iam.googleapis.com',
      'cloudresourcemanager.googleapis.com',
    ])
      enable(stack, s);
    api(stack);
    const json = synth(stack);
    // THEN the service account waits for IAM, the secret binding for Secret Manager, and the
    // service for Cloud Run (and for its secret binding)
    expect(only(json, 'google_service_account').depends_on).toEqual([
      serviceAddress(json, 'iam.googleapis.com'),
    ]);
    expect(only(json, 'google_secret_manager_secret_iam_member').depends_on).toEqual([
      serviceAddress(json, 'secretmanager.googleapis.com'),
    ]);
    expect(only(json, 'google_cloud_run_v2_service').depends_on).toEqual(
      expect.arrayContaining([serviceAddress(json, 'run.googleapis.com')]),
    );
    // AND the Secret Manager audit config waits for Resource Manager, through which it is written
    expect(only(json, 'google_project_iam_audit_config').depends_on).toEqual([
      serviceAddress(json, 'cloudresourcemanager.googleapis.com'),
    ]);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('an API enabled without a project (the provider default) counts', () => {
    const stack = testStack();
    enable(stack, 'iam.googleapis.com', undefined);
    new WorkloadIdentityPool(stack, 'pool', { project: 'acme-prod', poolId: 'ci-pool' });
    const json = synth(stack);
    expect(only(json, 'google_iam_workload_identity_pool').depends_on).toEqual([
      serviceAddress(json, 'iam.googleapis.com'),
    ]);
  });

  test('warns when the stack enables APIs of the project but not one a construct needs', () => {
    const stack = testStack();
    enable(stack, 'run.googleapis.com');
    enable(stack, 'iam.googleapis.com');
    api(stack);
    synth(stack);
    expect(warningsOf(stack).sort()).toEqual([
      "test/GuardrailsAuditLogs: needs cloudresourcemanager.googleapis.com enabled in project 'acme-prod', and this stack enables APIs of that project (google_project_service) but not this one. Add a google_project_service for cloudresourcemanager.googleapis.com, or make sure it is enabled before this stack is applied.",
      "test/api: needs secretmanager.googleapis.com enabled in project 'acme-prod', and this stack enables APIs of that project (google_project_service) but not this one. Add a google_project_service for secretmanager.googleapis.com, or make sure it is enabled before this stack is applied.",
    ]);
  });

  test('a stack that enables no API, or only APIs of other projects, is left alone', () => {
    const none = testStack();
    api(none);
    const json = synth(none);
    expect(only(json, 'google_service_account').depends_on).toBeUndefined();
    expect(warningsOf(none)).toEqual([]);

    const other = testStack();
    enable(other, 'run.googleapis.com', 'acme-data');
    api(other);
    const otherJson = synth(other);
    expect(only(otherJson, 'google_cloud_run_v2_service').depends_on).toHaveLength(1);
    expect(warningsOf(other)).toEqual([]);
  });

  test('synthesizing twice adds each dependency once', () => {
    const stack = testStack();
    enable(stack, 'iam.googleapis.com');
    api(stack);
    synth(stack);
    expect(only(synth(stack), 'google_service_account').depends_on).toHaveLength(1);
  });
});
