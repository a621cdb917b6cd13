import { TerraformStack, Testing } from 'cdktf';
import {
  ArtifactRegistryRepository,
  BigQueryDataset,
  CloudRunIngress,
  CloudRunVpcEgress,
  Grant,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
} from '../../lib';
import { addresses, bodiesOf, iamMembers, synth, testStack, validationMessage } from '../helpers';

const IMAGE = 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2';
const SA_MEMBER = /^\$\{google_service_account\.job_[0-9A-F]+\.member\}$/;

function job(stack: TerraformStack) {
  return new ServiceIdentity(stack, 'job', { project: 'acme-prod', accountId: 'nightly-job' });
}

describe('ScopedBucket.fromBucketName', () => {
  test('grants on a bucket made elsewhere, with the same roles and prefix conditions', () => {
    const stack = testStack();
    const bucket = ScopedBucket.fromBucketName(stack, 'exports', 'acme-prod-exports');
    expect(bucket.url).toBe('gs://acme-prod-exports');
    const reader = job(stack);
    const grant = bucket.grantRead(reader, { prefix: 'daily/' });
    bucket.grantWrite(Principal.group('ops@acme.example'), { prefix: 'incoming/' });
    bucket.grantReadWrite(Principal.serviceAccount('etl@acme-prod.iam.gserviceaccount.com'));
    expect(grant.resource).toBe('storage:acme-prod-exports');
    const json = synth(stack);
    expect(json.resource.google_storage_bucket).toBeUndefined();
    const byRole = (b: { role: string }) => b.role;
    const bindings = bodiesOf(json, 'google_storage_bucket_iam_member').sort((x, y) =>
      byRole(x) === byRole(y) ? 0 : byRole(x) < byRole(y) ? -1 : 1,
    );
    expect(bindings.map((b) => [b.bucket, b.role, b.member, b.condition?.title])).toEqual([
      [
        'acme-prod-exports',
        'roles/storage.objectCreator',
        'group:ops@acme.example',
        'objects under incoming/',
      ],
      [
        'acme-prod-exports',
        'roles/storage.objectUser',
        'serviceAccount:etl@acme-prod.iam.gserviceaccount.com',
        undefined,
      ],
      [
        'acme-prod-exports',
        'roles/storage.objectViewer',
        expect.stringMatching(SA_MEMBER),
        'objects under daily/',
      ],
    ]);
    // Reading can list under the prefix: the listing caveat is handled as for a ScopedBucket.
    expect(bindings[2].condition.expression).toContain('objectListPrefix');
    expect(bindings[0].condition.expression).not.toContain('objectListPrefix');
  });

  test('two imports of one bucket share one binding per grant', () => {
    const stack = testStack();
    const reader = job(stack);
    const a = ScopedBucket.fromBucketName(stack, 'a', 'acme-prod-exports');
    const b = ScopedBucket.fromBucketName(stack, 'b', 'acme-prod-exports');
    const first = a.grantRead(reader, { prefix: 'daily/' });
    expect(b.grantRead(reader, { prefix: 'daily/' })).toBe(first);
    expect(bodiesOf(synth(stack), 'google_storage_bucket_iam_member')).toHaveLength(1);
  });

  test('an import of a bucket the stack creates grants through that bucket', () => {
    const stack = testStack();
    const created = new ScopedBucket(stack, 'exports', {
      project: 'acme-prod',
      bucketName: 'acme-prod-exports',
      location: 'europe-west1',
    });
    const reader = job(stack);
    const viaImport = ScopedBucket.fromBucketName(stack, 'imported', 'acme-prod-exports').grantRead(
      reader,
    );
    expect(created.grantRead(reader)).toBe(viaImport);
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.bucket).toMatch(/^\$\{google_storage_bucket\.exports_[0-9A-F]+\.name\}$/);
  });

  test('a ScopedBucket made after an import granted on it is refused at synth', () => {
    const stack = testStack();
    ScopedBucket.fromBucketName(stack, 'imported', 'acme-prod-exports').grantRead(job(stack));
    new ScopedBucket(stack, 'exports', {
      project: 'acme-prod',
      bucketName: 'acme-prod-exports',
      location: 'europe-west1',
    });
    expect(validationMessage(() => Testing.synth(stack))).toMatch(
      /^test\/imported: 'bucketName' names the resource that exports creates in this stack.*Grant on exports itself, or create it before calling ScopedBucket\.fromBucketName\./,
    );
  });

  test('bad names and prefixes are refused as for a ScopedBucket', () => {
    const stack = testStack();
    expect(
      validationMessage(() => ScopedBucket.fromBucketName(stack, 'x', 'Acme_Exports!')),
    ).toMatch(/^test\/x: 'bucketName' must be 3-63 characters/);
    const bucket = ScopedBucket.fromBucketName(stack, 'y', 'acme-prod-exports');
    expect(validationMessage(() => bucket.grantRead(job(stack), { prefix: '/daily/' }))).toMatch(
      /^test\/y: 'options\.prefix' must be an object name prefix/,
    );
  });
});

describe('SecureCloudRunService.fromServiceName', () => {
  const ATTRS = { project: 'acme-prod', location: 'europe-west1', serviceName: 'billing-api' };

  test('grantInvoke binds the one-permission invoker role on that service', () => {
    const stack = testStack();
    const billing = SecureCloudRunService.fromServiceName(stack, 'billing', ATTRS);
    const grant = billing.grantInvoke(Principal.group('finance@acme.example'));
    expect(grant).toBeInstanceOf(Grant);
    expect(grant.role).toBe('roles/run.servicesInvoker');
    expect(billing.ingress).toBe(CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member')).toEqual([
      {
        project: 'acme-prod',
        location: 'europe-west1',
        name: 'billing-api',
        role: 'roles/run.servicesInvoker',
        member: 'group:finance@acme.example',
      },
    ]);
    expect(json.resource.google_cloud_run_v2_service).toBeUndefined();
    expect(addresses(json)).toEqual([
      expect.stringMatching(
        /^google_cloud_run_v2_service_iam_member\.GuardrailsSharedBindings_runservicesInvoker-[0-9a-f]+_[0-9A-F]+$/,
      ),
    ]);
  });

  test('a Cloud Run invoker without a network path to its declared ingress is refused', () => {
    const stack = testStack();
    const billing = SecureCloudRunService.fromServiceName(stack, 'billing', ATTRS);
    const caller = new SecureCloudRunService(stack, 'orders', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'orders-api',
      image: IMAGE,
    });
    expect(validationMessage(() => billing.grantInvoke(caller))).toMatch(
      /^test\/billing: 'grantee' names the Cloud Run service test\/orders, whose requests would never reach this service/,
    );
    // Declared ALL ingress, or a caller with a VPC path: accepted.
    SecureCloudRunService.fromServiceName(stack, 'public', {
      ...ATTRS,
      serviceName: 'status-api',
      ingress: CloudRunIngress.ALL,
    }).grantInvoke(caller);
    const routed = new SecureCloudRunService(stack, 'routed', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'routed-api',
      image: IMAGE,
      vpcAccess: { subnetwork: 'apps', egress: CloudRunVpcEgress.ALL_TRAFFIC },
    });
    billing.grantInvoke(routed);
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member')).toHaveLength(2);
  });

  test('an import of a service the stack creates grants through it', () => {
    const stack = testStack();
    const created = new SecureCloudRunService(stack, 'api', {
      ...ATTRS,
      image: IMAGE,
      ingress: CloudRunIngress.ALL,
    });
    const group = Principal.group('finance@acme.example');
    const viaImport = SecureCloudRunService.fromServiceName(stack, 'imported', ATTRS).grantInvoke(
      group,
    );
    expect(created.grantInvoke(group)).toBe(viaImport);
    expect(bodiesOf(synth(stack), 'google_cloud_run_v2_service_iam_member')).toHaveLength(1);
  });

  test('public members are refused: publicAccess is only a prop of a service the stack creates', () => {
    const stack = testStack();
    const billing = SecureCloudRunService.fromServiceName(stack, 'billing', ATTRS);
    expect(
      validationMessage(() =>
        billing.grantInvoke({ grantPrincipal: { member: 'allUsers' } } as never),
      ),
    ).toMatch(/^test\/billing: 'grantee' must name an identity, not the public/);
  });
});

describe('BigQueryDataset.fromDatasetId', () => {
  test('read and write on the dataset; jobs on the project only when asked', () => {
    const stack = testStack();
    const dataset = BigQueryDataset.fromDatasetId(stack, 'features', {
      project: 'acme-prod',
      datasetId: 'fraud_features',
    });
    const reader = job(stack);
    const read = dataset.grantRead(reader);
    dataset.grantWrite(Principal.group('data-eng@acme.example'), { jobsProject: 'acme-analytics' });
    expect(read.role).toBe('roles/bigquery.dataViewer');
    expect(read.resource).toBe('bigquery-dataset:acme-prod/fraud_features');
    const json = synth(stack);
    expect(bodiesOf(json, 'google_bigquery_dataset_iam_member')).toEqual(
      expect.arrayContaining([
        {
          project: 'acme-prod',
          dataset_id: 'fraud_features',
          role: 'roles/bigquery.dataViewer',
          member: expect.stringMatching(SA_MEMBER),
        },
        {
          project: 'acme-prod',
          dataset_id: 'fraud_features',
          role: 'roles/bigquery.dataEditor',
          member: 'group:data-eng@acme.example',
        },
      ]),
    );
    expect(bodiesOf(json, 'google_bigquery_dataset_iam_member')).toHaveLength(2);
    // roles/bigquery.jobUser is project-level by nature, and only where asked.
    expect(bodiesOf(json, 'google_project_iam_member')).toEqual([
      {
        project: 'acme-analytics',
        role: 'roles/bigquery.jobUser',
        member: 'group:data-eng@acme.example',
      },
    ]);
    expect(bodiesOf(json, 'google_project_iam_audit_config')).toEqual([
      expect.objectContaining({ project: 'acme-prod', service: 'bigquery.googleapis.com' }),
    ]);
  });

  test('a dataset written project-qualified is refused with the fix', () => {
    const stack = testStack();
    expect(
      validationMessage(() =>
        BigQueryDataset.fromDatasetId(stack, 'd', {
          project: 'acme-prod',
          datasetId: 'acme-prod.fraud_features',
        }),
      ),
    ).toMatch(
      /^test\/d: 'attributes\.datasetId' must be a dataset id.*Use the id without the project/,
    );
  });

  test('auditLogs: false writes no audit config', () => {
    const stack = testStack();
    BigQueryDataset.fromDatasetId(stack, 'd', {
      project: 'acme-prod',
      datasetId: 'fraud_features',
      auditLogs: false,
    }).grantRead(job(stack));
    expect(synth(stack).resource.google_project_iam_audit_config).toBeUndefined();
  });
});

describe('ArtifactRegistryRepository.fromRepositoryId', () => {
  test('read and write on the repository only', () => {
    const stack = testStack();
    const repo = ArtifactRegistryRepository.fromRepositoryId(stack, 'images', {
      project: 'acme-prod',
      location: 'europe-west1',
      repositoryId: 'apps',
    });
    expect(repo.dockerHost).toBe('europe-west1-docker.pkg.dev/acme-prod/apps');
    repo.grantRead(job(stack));
    const push = repo.grantWrite(
      Principal.serviceAccount('ci-build@acme-prod.iam.gserviceaccount.com'),
    );
    expect(push.role).toBe('roles/artifactregistry.writer');
    const json = synth(stack);
    expect(
      iamMembers(json).map((b) => [b.type, b.body.repository, b.body.location, b.role]),
    ).toEqual([
      [
        'google_artifact_registry_repository_iam_member',
        'apps',
        'europe-west1',
        'roles/artifactregistry.reader',
      ],
      [
        'google_artifact_registry_repository_iam_member',
        'apps',
        'europe-west1',
        'roles/artifactregistry.writer',
      ],
    ]);
    expect(bodiesOf(json, 'google_project_iam_audit_config')).toEqual([
      expect.objectContaining({ service: 'artifactregistry.googleapis.com' }),
    ]);
  });

  test('a multi-region repository is accepted; a zone is refused', () => {
    const stack = testStack();
    ArtifactRegistryRepository.fromRepositoryId(stack, 'eu', {
      project: 'acme-prod',
      location: 'europe',
      repositoryId: 'shared',
    });
    expect(
      validationMessage(() =>
        ArtifactRegistryRepository.fromRepositoryId(stack, 'zone', {
          project: 'acme-prod',
          location: 'europe-west1-b',
          repositoryId: 'shared',
        }),
      ),
    ).toMatch(/^test\/zone: 'attributes\.location' must be an Artifact Registry location/);
  });
});
