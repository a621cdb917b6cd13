import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ArtifactRegistryRepository,
  BigQueryDataset,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  VertexEndpointCaller,
  VertexPipelineIdentity,
} from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/** Numeric id of the fraud model's endpoint (deployed by the training pipeline). */
const FRAUD_MODEL_ENDPOINT = '7729148520571355136';

/**
 * A fraud model's life, each step with its own identity and only its own data:
 *
 * - ingestion (a Vertex AI custom job) reads the transactions dataset and writes `raw/`;
 * - training (a Vertex AI pipeline) reads `raw/`, writes `models/` and its metrics table,
 *   stages under `pipelines/training/`, and runs its custom training image, which Vertex AI
 *   pulls with its own agent;
 * - serving (a Cloud Run service) may predict on the model's endpoint and nothing else.
 *
 * The ML engineers launch both jobs; the datasets and the image repository belong to other
 * teams and are named, not created.
 */
export class MlPipelineStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Endpoint-level Vertex AI IAM is in the google-beta provider.
    useProviders(this, { googleBeta: true });
    const engineers = Principal.group('ml-engineers@acme.example');

    const data = new ScopedBucket(this, 'ml-data', {
      project: PROJECT,
      bucketName: `${PROJECT}-ml-data`,
      location: REGION,
    });
    const transactions = BigQueryDataset.fromDatasetId(this, 'transactions', {
      project: PROJECT,
      datasetId: 'payments_transactions',
    });
    const metrics = BigQueryDataset.fromDatasetId(this, 'metrics', {
      project: PROJECT,
      datasetId: 'fraud_model_metrics',
    });
    const images = ArtifactRegistryRepository.fromRepositoryId(this, 'training-images', {
      project: PROJECT,
      location: REGION,
      repositoryId: 'ml-training',
    });

    const ingest = new VertexPipelineIdentity(this, 'ingest', {
      project: PROJECT,
      accountId: 'fraud-ingest',
      submitters: [engineers],
    });
    transactions.grantRead(ingest, { jobsProject: PROJECT });
    data.grantWrite(ingest, { prefix: 'raw/' });

    const training = new VertexPipelineIdentity(this, 'training', {
      project: PROJECT,
      accountId: 'fraud-training',
      submitters: [engineers],
      // Its steps launch the custom training job, as this same account.
      launchesJobs: true,
      staging: { bucket: data, prefix: 'pipelines/training/' },
      // The project's Vertex AI Custom Code Service Agent, which pulls the image, was created
      // once before the first apply (README, "Before the first apply").
      customCodeServiceAgentExists: true,
    });
    data.grantRead(training, { prefix: 'raw/' });
    data.grantWrite(training, { prefix: 'models/' });
    metrics.grantWrite(training, { jobsProject: PROJECT });
    training.allowImagePull(images);

    const scorer = new SecureCloudRunService(this, 'fraud-scorer', {
      project: PROJECT,
      location: REGION,
      serviceName: 'fraud-scorer',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/fraud-scorer:1.0.0`,
      environment: { FRAUD_MODEL_ENDPOINT },
    });
    new VertexEndpointCaller(this, 'fraud-model', {
      caller: scorer,
      project: PROJECT,
      region: REGION,
      endpointId: FRAUD_MODEL_ENDPOINT,
    });
  }
}
