import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Principal, ServiceIdentity } from '../lib';
import { PROJECT, useProviders } from './providers';

/**
 * The identity core on its own: a batch job's service account that the platform group may
 * deploy with, and that a CI pipeline federated from GitHub may impersonate. No key exists.
 */
export class IdentityCoreStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this);

    const job = new ServiceIdentity(this, 'report-job', {
      project: PROJECT,
      accountId: 'report-job',
      description: 'Runs the nightly report job',
    });
    // Deployers may attach this account to the job (actAs on this account only).
    job.grantActAs(Principal.group('platform-deployers@example.com'));
    // The repository's workflows may impersonate it, through the pool of the federation example.
    job.allowWorkloadIdentity(
      Principal.fromMember(
        'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci/attribute.repository/acme/reports',
      ),
    );
    // allowWorkloadIdentity turns on the impersonation logs (IAM Service Account Credentials);
    // the foundation stack of the app writes them, as it owns every audit config.
  }
}
