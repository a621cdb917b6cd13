import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CloudRunVpcEgress, Principal, SecureCloudRunService } from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/**
 * An internal orders API, invoked only by the web frontend, deployed by the CI service
 * account, reading its database password from Secret Manager.
 */
export class CloudRunStack extends TerraformStack {
  /** The internal API, for examples that build on it. */
  public readonly api: SecureCloudRunService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this);

    const frontend = new SecureCloudRunService(this, 'web', {
      project: PROJECT,
      location: REGION,
      serviceName: 'web',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/web:2.0.1`,
      environment: { ORDERS_API_AUDIENCE: 'orders-api' },
      // The API accepts only internal traffic: another Cloud Run service is internal only when
      // it sends its requests through a VPC. All egress goes through the subnet, which has
      // Private Google Access (and Cloud NAT for the internet).
      vpcAccess: {
        network: 'orders-vpc',
        subnetwork: 'orders-run-europe-west1',
        egress: CloudRunVpcEgress.ALL_TRAFFIC,
      },
    });

    this.api = new SecureCloudRunService(this, 'orders-api', {
      project: PROJECT,
      location: REGION,
      serviceName: 'orders-api',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/orders-api:1.4.2`,
      environment: { DB_HOST: '10.20.0.5', DB_USER: 'orders' },
      secrets: [{ name: 'DB_PASSWORD', secret: 'orders-db-password' }],
      invokers: [frontend],
      minInstances: 1,
      maxInstances: 20,
      labels: { team: 'orders' },
    });
    this.api.grantDeploy(Principal.serviceAccount(`ci-deploy@${PROJECT}.iam.gserviceaccount.com`));
    this.api.grantView(Principal.group('orders-oncall@example.com'));
  }
}
