import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ScopedBucket, SecureCloudRunService, WorkloadIdentityPool } from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/**
 * GitHub's numeric ids of the acme organization and of acme/orders-api (from
 * api.github.com/orgs/acme and /repos/acme/orders-api). Unlike names, they are never reused.
 */
const ACME_OWNER_ID = '90120450';
const ORDERS_API_REPOSITORY_ID = '612345678';

/** The Entra tenant and the managed identity of the Azure-hosted reporting job. */
const AZURE_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const REPORTING_JOB_OBJECT_ID = '0b5c1e9a-3f4d-4c2b-9d8e-7a6f5e4d3c2b';
const REPORTING_APP_ID_URI = 'api://acme-gcp-federation';

/**
 * No service account keys: the orders API is deployed by its GitHub Actions workflow on
 * main, and a reporting job running in Azure reads exports from a bucket, both through
 * workload identity federation.
 */
export class FederationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this);

    const pool = new WorkloadIdentityPool(this, 'external', {
      project: PROJECT,
      poolId: 'external-workloads',
      displayName: 'CI and other clouds',
    });

    // GitHub Actions: only acme/orders-api, only on main, pinned by number as well as name.
    const github = pool.addGitHubActionsProvider('github-actions', {
      repositoryOwner: 'acme',
      repositoryOwnerId: ACME_OWNER_ID,
      repositoryIds: [ORDERS_API_REPOSITORY_ID],
      refs: ['refs/heads/main'],
    });
    const api = new SecureCloudRunService(this, 'orders-api', {
      project: PROJECT,
      location: REGION,
      serviceName: 'orders-api',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/orders-api:1.4.2`,
    });
    // Direct resource access: the workflow deploys with its own federated identity.
    api.grantDeploy(github.principalForRepositoryId(ORDERS_API_REPOSITORY_ID));

    // Azure: only the reporting job's managed identity.
    const azure = pool.addAzureAdProvider('azure-tenant', {
      tenantId: AZURE_TENANT,
      allowedObjectIds: [REPORTING_JOB_OBJECT_ID],
      // The Application ID URI of the app registration the job requests its Entra token for.
      allowedAudiences: [REPORTING_APP_ID_URI],
    });
    const exports = new ScopedBucket(this, 'exports', {
      project: PROJECT,
      bucketName: `${PROJECT}-exports`,
      location: REGION,
    });
    exports.grantRead(azure.principalForSubject(REPORTING_JOB_OBJECT_ID), { prefix: 'daily/' });
  }
}
