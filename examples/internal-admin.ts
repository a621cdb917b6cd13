import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Principal, SecureCloudRunService } from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/**
 * An internal admin UI on Cloud Run for one group of people, who sign in with their
 * organization accounts through Identity-Aware Proxy enabled on the service itself. Nobody
 * else reaches it, not even with the run.app URL; nobody needs an ID token or an invoker role.
 */
export class InternalAdminStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // iap_enabled on a Cloud Run service is in the google-beta provider (6.50.0).
    useProviders(this, { googleBeta: true });

    new SecureCloudRunService(this, 'admin-ui', {
      project: PROJECT,
      location: REGION,
      serviceName: 'orders-admin',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/orders-admin:3.2.0`,
      // The operations team, as a group: people join and leave it, not this stack.
      users: [Principal.group('orders-ops@acme.example')],
      maxInstances: 2,
    });
  }
}
