// A Google-only stack as a team without google-beta and azurerm writes it. The package test
// builds it in a consumer project that installed the packed library, and in this repository,
// and compares the Terraform both write.
import { GoogleProvider } from '@cdktf/provider-google/lib/provider/index.js';
import { App, TerraformStack } from 'cdktf';
import {
  AuditLogs,
  CloudRunVpcEgress,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  VertexGrantScope,
  WorkloadIdentityPool,
} from 'cdktf-guardrails';

const project = 'acme-prod';
const region = 'europe-west1';

/** Every Google construct of the library, none of them needing an optional provider. */
export function googleOnlyStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'google-only');
  new GoogleProvider(stack, 'google', { project, region });

  const worker = new ServiceIdentity(stack, 'worker', { project, accountId: 'report-worker' });
  worker.grantActAs(Principal.group('deployers@example.com'));

  const web = new SecureCloudRunService(stack, 'web', {
    project,
    location: region,
    serviceName: 'web',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/web:2.0.1',
    vpcAccess: {
      network: 'orders-vpc',
      subnetwork: 'orders-run',
      egress: CloudRunVpcEgress.ALL_TRAFFIC,
    },
  });
  const api = new SecureCloudRunService(stack, 'api', {
    project,
    location: region,
    serviceName: 'orders-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/orders-api:1.4.2',
    secrets: [{ name: 'DB_PASSWORD', secret: 'orders-db-password' }],
    invokers: [web],
  });

  const uploads = new ScopedBucket(stack, 'uploads', {
    project,
    bucketName: 'acme-prod-uploads',
    location: region,
  });
  uploads.grantWrite(api, { prefix: 'incoming/' });
  uploads.grantRead(worker, { prefix: 'incoming/' });

  const pool = new WorkloadIdentityPool(stack, 'ci', { project, poolId: 'ci-pool' });
  const github = pool.addGitHubActionsProvider('github', {
    repositoryOwner: 'acme',
    repositories: ['acme/orders-api'],
  });
  api.grantDeploy(github.principalForRepository('acme/orders-api'));

  new VertexEndpointCaller(stack, 'fraud-model', {
    caller: api,
    project,
    region,
    endpointId: '4451820917340110848',
    scope: VertexGrantScope.PROJECT,
  });
  AuditLogs.of(stack).enable(project, 'iam.googleapis.com');
  return stack;
}
