import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { SecureCloudRunService, VertexEndpointCaller } from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/** Numeric id of the fraud-scoring model endpoint (deployed by the ML team's own stack). */
const FRAUD_MODEL_ENDPOINT = '4451820917340110848';

/**
 * The orders API scores each order with a fraud model served by a Vertex AI endpoint in the
 * same region. It may predict on that endpoint and nothing else.
 */
export class VertexStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Endpoint-level IAM exists only in the google-beta provider.
    useProviders(this, { googleBeta: true });

    const api = new SecureCloudRunService(this, 'orders-api', {
      project: PROJECT,
      location: REGION,
      serviceName: 'orders-api',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/orders-api:1.4.2`,
      environment: { FRAUD_MODEL_ENDPOINT },
    });

    new VertexEndpointCaller(this, 'fraud-model', {
      caller: api,
      project: PROJECT,
      region: REGION,
      endpointId: FRAUD_MODEL_ENDPOINT,
    });
  }
}
