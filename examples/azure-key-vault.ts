import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  CloudRunVpcEgress,
  CrossCloudKeyVaultFederation,
  SecureCloudRunService,
  ServiceIdentity,
} from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const WORKSPACE_ID =
  '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/security';
/** The Cloud NAT address the orders API leaves Google Cloud from. */
const CLOUD_NAT_EGRESS = '203.0.113.10/32';

/**
 * The orders API (Cloud Run) reads a payment partner's API key from an Azure Key Vault made
 * for it, with no credential stored anywhere: its Google service account is trusted by an
 * Azure managed identity that may read the vault's secrets. The vault admits only the Cloud
 * NAT address the API leaves Google Cloud from.
 */
export class AzureKeyVaultStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this, { azure: true });

    const runtime = new ServiceIdentity(this, 'orders-api-identity', {
      project: PROJECT,
      accountId: 'orders-api-run',
    });
    const vault = new CrossCloudKeyVaultFederation(this, 'partner-secrets', {
      workload: runtime,
      resourceGroupName: 'orders',
      location: 'westeurope',
      tenantId: TENANT_ID,
      // The vault is new, so its secrets do not exist yet: the role is on the vault. With an
      // existing vault, existingVaultId and secretNames scope it to named secrets.
      vaultName: 'acme-orders-kv',
      logAnalyticsWorkspaceId: WORKSPACE_ID,
      allowedIpRanges: [CLOUD_NAT_EGRESS],
    });

    new SecureCloudRunService(this, 'orders-api', {
      project: PROJECT,
      location: REGION,
      serviceName: 'orders-api',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/orders-api:1.4.2`,
      serviceAccount: runtime,
      // The vault admits only CLOUD_NAT_EGRESS: all traffic leaves through the VPC and its NAT.
      vpcAccess: {
        network: 'orders-vpc',
        subnetwork: 'orders-run-europe-west1',
        egress: CloudRunVpcEgress.ALL_TRAFFIC,
      },
      // What the workload needs to exchange its Google ID token; none of it is a secret.
      environment: {
        AZURE_CLIENT_ID: vault.clientId,
        AZURE_TENANT_ID: vault.tenantId,
        AZURE_VAULT_URI: vault.vaultUri,
      },
    });
  }
}
