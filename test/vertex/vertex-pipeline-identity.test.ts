import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { TerraformStack } from 'cdktf';
import {
  ArtifactRegistryRepository,
  BigQueryDataset,
  Grant,
  Guardrails,
  Principal,
  Roles,
  ScopedBucket,
  VertexPipelineIdentity,
  VertexPipelineIdentityProps,
} from '../../lib';
import { analyzeStack } from '../../lib/analysis/analyze';
import { evaluate } from '../../lib/rules/engine';
import { GuardrailsTesting } from '../../lib/testing';
import {
  CUSTOM_CODE_AGENT_WARNING,
  JOB_CREATION_REASON,
} from '../../lib/vertex/private/pipeline-identity-rules';
import { synthToFolder } from '../analysis/synth-output';
import { bodiesOf, iamMembers, synth, testStack, validationMessage, warningsOf } from '../helpers';

const ENGINEERS = Principal.group('ml-engineers@acme.example');
const SA_MEMBER = /^\$\{google_service_account\.training_Identity_[0-9A-F]+\.member\}$/;

function training(stack: TerraformStack, props: Partial<VertexPipelineIdentityProps> = {}) {
  return new VertexPipelineIdentity(stack, 'training', {
    project: 'acme-prod',
    accountId: 'fraud-training',
    ...props,
  });
}

describe('VertexPipelineIdentity', () => {
  test('a dedicated account, its submitters with actAs on it and the job role on the project', () => {
    const stack = testStack();
    training(stack, { submitters: [ENGINEERS] });
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    expect(bodiesOf(json, 'google_service_account')).toEqual([
      expect.objectContaining({
        account_id: 'fraud-training',
        project: 'acme-prod',
        description: 'Runs Vertex AI jobs as fraud-training',
      }),
    ]);
    // actAs on this account only, never on the project.
    expect(bodiesOf(json, 'google_service_account_iam_member')).toEqual([
      expect.objectContaining({
        role: 'roles/iam.serviceAccountUser',
        member: 'group:ml-engineers@acme.example',
        service_account_id: expect.stringMatching(
          /^\$\{google_service_account\.training_Identity_[0-9A-F]+\.name\}$/,
        ),
      }),
    ]);
    // Vertex AI jobs have no resource-level IAM: the one project-level grant.
    expect(bodiesOf(json, 'google_project_iam_member')).toEqual([
      {
        project: 'acme-prod',
        role: 'roles/aiplatform.user',
        member: 'group:ml-engineers@acme.example',
      },
    ]);
    expect(bodiesOf(json, 'google_project_iam_audit_config')).toEqual([
      expect.objectContaining({ project: 'acme-prod', service: 'aiplatform.googleapis.com' }),
    ]);
  });

  test('the job role is the smallest GA predefined role holding both create permissions', () => {
    expect(Roles.AIPLATFORM_USER.keyPermissions).toEqual([
      'aiplatform.customJobs.create',
      'aiplatform.pipelineJobs.create',
    ]);
    expect(Roles.AIPLATFORM_USER.permissions).toHaveLength(446);
  });

  test('allowSubmit returns the actAs grant; a repeated submitter shares the project binding', () => {
    const stack = testStack();
    const a = training(stack);
    const b = new VertexPipelineIdentity(stack, 'ingest', {
      project: 'acme-prod',
      accountId: 'fraud-ingest',
    });
    const grant = a.allowSubmit(ENGINEERS);
    b.allowSubmit(ENGINEERS);
    expect(grant).toBeInstanceOf(Grant);
    expect(grant.role).toBe('roles/iam.serviceAccountUser');
    expect(grant.resource).toBe('service-account:acme-prod/fraud-training');
    const json = synth(stack);
    expect(bodiesOf(json, 'google_project_iam_member')).toHaveLength(1);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toHaveLength(2);
  });

  test('launchesJobs: the pipeline account may create jobs that run as itself', () => {
    const stack = testStack();
    training(stack, { launchesJobs: true });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_project_iam_member')).toEqual([
      expect.objectContaining({
        role: 'roles/aiplatform.user',
        member: expect.stringMatching(SA_MEMBER),
      }),
    ]);
    expect(bodiesOf(json, 'google_service_account_iam_member')).toEqual([
      expect.objectContaining({
        role: 'roles/iam.serviceAccountUser',
        member: expect.stringMatching(SA_MEMBER),
      }),
    ]);
  });

  test('staging: read and write under the prefix only, and the URI for the job spec', () => {
    const stack = testStack();
    const bucket = new ScopedBucket(stack, 'ml', {
      project: 'acme-prod',
      bucketName: 'acme-prod-ml-data',
      location: 'europe-west1',
    });
    const job = training(stack, { staging: { bucket, prefix: 'pipelines/training/' } });
    expect(job.stagingUri).toBe('gs://acme-prod-ml-data/pipelines/training/');
    const [binding] = bodiesOf(synth(stack), 'google_storage_bucket_iam_member');
    expect(binding.role).toBe('roles/storage.objectUser');
    expect(binding.member).toMatch(SA_MEMBER);
    expect(binding.condition.expression).toContain(
      'resource.name.startsWith("projects/_/buckets/acme-prod-ml-data/objects/pipelines/training/")',
    );
  });

  test('data access goes through the data grants: prefixes, a dataset, an image repository', () => {
    const stack = testStack();
    const bucket = ScopedBucket.fromBucketName(stack, 'ml', 'acme-prod-ml-data');
    const job = training(stack);
    bucket.grantRead(job, { prefix: 'raw/' });
    bucket.grantWrite(job, { prefix: 'models/' });
    BigQueryDataset.fromDatasetId(stack, 'metrics', {
      project: 'acme-prod',
      datasetId: 'fraud_metrics',
    }).grantWrite(job, { jobsProject: 'acme-prod' });
    const images = ArtifactRegistryRepository.fromRepositoryId(stack, 'images', {
      project: 'acme-prod',
      location: 'europe-west1',
      repositoryId: 'training-images',
    });
    const pull = job.allowImagePull(images);
    expect(pull.role).toBe('roles/artifactregistry.reader');
    const json = synth(stack);

    // Vertex AI pulls the image with its Custom Code Service Agent, not the job's account.
    expect(bodiesOf(json, 'google_artifact_registry_repository_iam_member')).toEqual([
      {
        project: 'acme-prod',
        location: 'europe-west1',
        repository: 'training-images',
        role: 'roles/artifactregistry.reader',
        member: expect.stringMatching(
          /^serviceAccount:service-\$\{data\.google_project\.GuardrailsSharedBindings_Project-[0-9a-f]+_[0-9A-F]+\.number\}@gcp-sa-aiplatform-cc\.iam\.gserviceaccount\.com$/,
        ),
      },
    ]);
    expect(Object.values(json.data.google_project)).toEqual([{ project_id: 'acme-prod' }]);
    const byType = iamMembers(json)
      .map((b) => `${b.type} ${b.role}`)
      .sort();
    expect(byType).toEqual([
      'google_artifact_registry_repository_iam_member roles/artifactregistry.reader',
      'google_bigquery_dataset_iam_member roles/bigquery.dataEditor',
      'google_project_iam_member roles/bigquery.jobUser',
      'google_storage_bucket_iam_member roles/storage.objectCreator',
      'google_storage_bucket_iam_member roles/storage.objectViewer',
    ]);
  });

  describe('allowImagePull: the Custom Code Service Agent must exist before the first apply', () => {
    const repository = (stack: TerraformStack) =>
      ArtifactRegistryRepository.fromRepositoryId(stack, 'images', {
        project: 'acme-prod',
        location: 'europe-west1',
        repositoryId: 'training-images',
      });

    test('warns once per identity, naming the agent and the opt-out, until the agent is confirmed', () => {
      const stack = testStack();
      const job = training(stack);
      job.allowImagePull(repository(stack));
      job.allowImagePull(
        ArtifactRegistryRepository.fromRepositoryId(stack, 'other', {
          project: 'acme-prod',
          location: 'europe-west1',
          repositoryId: 'base-images',
        }),
      );
      expect(warningsOf(stack)).toEqual([`test/training: ${CUSTOM_CODE_AGENT_WARNING}`]);
      expect(CUSTOM_CODE_AGENT_WARNING).toMatch(
        /gcp-sa-aiplatform-cc\.iam\.gserviceaccount\.com.*does not exist.*customCodeServiceAgentExists: true/,
      );
    });

    test('customCodeServiceAgentExists: true binds the same member without a warning', () => {
      const stack = testStack();
      training(stack, { customCodeServiceAgentExists: true }).allowImagePull(repository(stack));
      expect(warningsOf(stack)).toEqual([]);
      const [binding] = bodiesOf(synth(stack), 'google_artifact_registry_repository_iam_member');
      expect(binding.member).toMatch(/@gcp-sa-aiplatform-cc\.iam\.gserviceaccount\.com$/);
    });

    test('the agent is not named by google_project_service_identity, which returns the primary Vertex AI agent', () => {
      const stack = testStack();
      training(stack).allowImagePull(repository(stack));
      expect(synth(stack).resource.google_project_service_identity).toBeUndefined();
    });

    test('the binding waits for the Vertex AI API when the stack enables it', () => {
      const stack = testStack();
      const api = new ProjectService(stack, 'aiplatform', {
        project: 'acme-prod',
        service: 'aiplatform.googleapis.com',
        disableOnDestroy: false,
      });
      training(stack, { auditLogs: false }).allowImagePull(repository(stack));
      const [binding] = bodiesOf(synth(stack), 'google_artifact_registry_repository_iam_member');
      expect(binding.depends_on).toEqual([`google_project_service.${api.friendlyUniqueId}`]);
    });
  });

  test('passes the guardrails; the project-level job role is an acknowledged finding with its reason', () => {
    const stack = testStack();
    training(stack, { submitters: [ENGINEERS], launchesJobs: true });
    Guardrails.check(stack);
    expect(GuardrailsTesting.synth(stack).warnings).toEqual([]);
    const findings = evaluate(analyzeStack(synthToFolder(stack).json));
    expect(
      findings.map((f) => ({ rule: f.rule, acknowledged: f.acknowledged, reason: f.reason })),
    ).toEqual([
      { rule: 'iam-vertex-project-role', acknowledged: true, reason: JOB_CREATION_REASON },
      { rule: 'iam-vertex-project-role', acknowledged: true, reason: JOB_CREATION_REASON },
    ]);
    expect(JOB_CREATION_REASON).toMatch(
      /^Vertex AI custom and pipeline jobs have no resource-level IAM: .*roles\/aiplatform\.user is the smallest GA predefined role with both/,
    );
  });

  test('a submitter given as a user on the project is still a warning (people belong in groups)', () => {
    const stack = testStack();
    training(stack, { submitters: [Principal.user('alice@acme.example')] });
    Guardrails.check(stack);
    expect(GuardrailsTesting.synth(stack).warnings).toEqual([
      expect.stringMatching(/iam-user-broad-level/),
    ]);
  });
});

describe('VertexPipelineIdentity: refusals', () => {
  test('a staging prefix starting with /', () => {
    const stack = testStack();
    const bucket = ScopedBucket.fromBucketName(stack, 'ml', 'acme-prod-ml-data');
    expect(
      validationMessage(() => training(stack, { staging: { bucket, prefix: '/staging/' } })),
    ).toMatch(/^test\/training: 'staging\.prefix' must be an object name prefix/);
  });

  test('an account id that is no account id names this construct', () => {
    const stack = testStack();
    expect(validationMessage(() => training(stack, { accountId: 'Fraud_Training' }))).toMatch(
      /^test\/training: 'accountId' must be 6-30 characters/,
    );
  });

  test('a staging bucket given by name', () => {
    const stack = testStack();
    expect(
      validationMessage(() =>
        training(stack, { staging: { bucket: 'acme-prod-ml-data', prefix: 'p/' } as never }),
      ),
    ).toMatch(/^test\/training: 'staging\.bucket' must be a ScopedBucket/);
  });

  test('an image repository given as a string', () => {
    const stack = testStack();
    const job = training(stack);
    expect(validationMessage(() => job.allowImagePull('training-images' as never))).toMatch(
      /^test\/training: 'repository' must be a repository of Artifact Registry \(ArtifactRegistryRepository\.fromRepositoryId/,
    );
  });
});
