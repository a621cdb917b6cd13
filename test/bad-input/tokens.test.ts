// Valid tokens of every kind are accepted everywhere they make sense: string tokens,
// number tokens, list tokens, map tokens, token objects (a variable's `value`) and resource
// references, and they reach Terraform as references (never as placeholder text or numbers).
import { Fn, Lazy, TerraformStack, Testing, Token } from 'cdktf';
import {
  BucketLifecycleAction,
  CrossCloudKeyVaultFederation,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  WorkloadIdentityPool,
} from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';
import { tokensOf } from './harness';

/** Synthesizes with and without validations; both must pass. */
function synthBoth(stack: TerraformStack) {
  expect(() => Testing.synth(stack)).not.toThrow();
  return synth(stack);
}

describe('tokens of every kind are accepted', () => {
  test('ServiceIdentity', () => {
    const stack = testStack();
    const { text } = tokensOf(stack);
    new ServiceIdentity(stack, 'api', {
      project: text.stringValue,
      accountId: text.value,
      displayName: `api ${text.stringValue}`,
      description: Lazy.stringValue({ produce: () => 'made lazily' }),
    });
    const [sa] = bodiesOf(synthBoth(stack), 'google_service_account');
    expect(sa).toEqual({
      project: '${var.text_var}',
      account_id: '${var.text_var}',
      display_name: 'api ${var.text_var}',
      description: 'made lazily',
    });
  });

  test('SecureCloudRunService', () => {
    const stack = testStack();
    const { text, list, num } = tokensOf(stack);
    const service = new SecureCloudRunService(stack, 'api', {
      project: text.stringValue,
      location: text.stringValue,
      serviceName: text.stringValue,
      image: text.stringValue,
      port: num.numberValue,
      cpu: text.stringValue,
      memory: text.stringValue,
      command: list.listValue,
      args: list.listValue,
      minInstances: num.numberValue,
      maxInstances: num.numberValue,
      environment: { LOG_LEVEL: text.stringValue, API_TOKEN: text.stringValue },
      secrets: [{ name: 'DB_PASSWORD', secret: text.stringValue, version: text.stringValue }],
      serviceAccount: ServiceIdentity.fromEmail(stack, 'runtime', text.stringValue),
      invokers: [Principal.user(text.stringValue), Principal.fromMember(text.value)],
      publicAccess: { reason: text.stringValue },
      vpcAccess: { network: text.stringValue, networkTags: list.listValue },
      encryptionKey: text.stringValue,
      binaryAuthorization: { policy: text.stringValue },
      deletionProtection: text.value,
      description: text.stringValue,
      labels: Token.asStringMap(text.value),
    });
    service.grantInvoke(Principal.group(text.stringValue));
    const json = synthBoth(stack);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.template.containers[0]).toMatchObject({
      image: '${var.text_var}',
      command: '${var.list_var}',
      args: '${var.list_var}',
      ports: { container_port: '${var.number_var}' },
    });
    expect(run.template.service_account).toBe('${var.text_var}');
    expect(run.template.scaling).toEqual({
      min_instance_count: '${var.number_var}',
      max_instance_count: '${var.number_var}',
    });
    expect(run.labels).toBe('${merge(var.text_var, {"public-access" = "reasoned"})}');
    expect(run.deletion_protection).toBe('${var.text_var}');
    expect(bodiesOf(json, 'google_cloud_run_v2_service_iam_member').map((b) => b.member)).toEqual(
      expect.arrayContaining(['user:${var.text_var}', '${var.text_var}', 'allUsers']),
    );
  });

  test('ScopedBucket: day counts given as tokens are multiplied by Terraform', () => {
    const stack = testStack();
    const { text, list, num } = tokensOf(stack);
    const bucket = new ScopedBucket(stack, 'uploads', {
      project: text.stringValue,
      bucketName: text.stringValue,
      location: text.stringValue,
      retentionPeriodDays: num.numberValue,
      softDeleteRetentionDays: num.value,
      encryptionKey: text.stringValue,
      forceDestroy: text.value,
      storageClass: text.stringValue,
      labels: Token.asStringMap(text.value),
      lifecycleRules: [
        {
          action: BucketLifecycleAction.DELETE,
          ageDays: num.numberValue,
          matchesPrefix: list.listValue,
        },
      ],
    });
    bucket.grantRead(Principal.user('alice@example.com'), { prefix: text.stringValue });
    const json = synthBoth(stack);
    const [b] = bodiesOf(json, 'google_storage_bucket');
    expect(b.retention_policy).toEqual({ retention_period: '${(var.number_var * 86400)}' });
    expect(b.soft_delete_policy).toEqual({
      retention_duration_seconds: '${(var.number_var * 86400)}',
    });
    expect(b.lifecycle_rule[0].condition).toEqual({
      age: '${var.number_var}',
      matches_prefix: '${var.list_var}',
    });
    const [read] = bodiesOf(json, 'google_storage_bucket_iam_member');
    expect(read.condition.expression).toContain(
      'resource.name.startsWith("projects/_/buckets/${var.text_var}/objects/${var.text_var}")',
    );
  });

  test('VertexEndpointCaller', () => {
    const stack = testStack();
    const { text } = tokensOf(stack);
    new VertexEndpointCaller(stack, 'predict', {
      caller: Principal.serviceAccount(text.stringValue),
      project: text.stringValue,
      region: text.stringValue,
      endpointId: text.stringValue,
    });
    const [binding] = bodiesOf(synthBoth(stack), 'google_vertex_ai_endpoint_iam_member');
    expect(binding.endpoint).toBe(
      'projects/${var.text_var}/locations/${var.text_var}/endpoints/${var.text_var}',
    );
    expect(binding.member).toBe('serviceAccount:${var.text_var}');
  });

  test('WorkloadIdentityPool: list tokens become CEL lists through jsonencode', () => {
    const stack = testStack();
    const { text, list } = tokensOf(stack);
    const pool = new WorkloadIdentityPool(stack, 'ci', {
      project: text.stringValue,
      poolId: text.stringValue,
    });
    pool.addGitHubActionsProvider('github', {
      repositoryOwner: text.stringValue,
      repositories: list.listValue,
      refs: list.listValue,
    });
    pool.addAzureAdProvider('azure', {
      tenantId: text.stringValue,
      allowedAudiences: list.listValue,
      allowedObjectIds: list.listValue,
    });
    pool.addOidcProvider('gitlab', {
      issuerUri: text.stringValue,
      allowedAudiences: list.listValue,
      attributeCondition: `assertion.namespace_path == '${text.stringValue}'`,
    });
    const providers = bodiesOf(synthBoth(stack), 'google_iam_workload_identity_pool_provider');
    expect(providers.map((p) => p.attribute_condition).sort()).toEqual([
      "assertion.namespace_path == '${var.text_var}'",
      "assertion.repository_owner == '${var.text_var}' && assertion.repository in ${jsonencode(var.list_var)} && assertion.ref in ${jsonencode(var.list_var)}",
      "assertion.tid == '${var.text_var}' && assertion.oid in ${jsonencode(var.list_var)}",
    ]);
    expect(providers.filter((p) => p.oidc.allowed_audiences === '${var.list_var}')).toHaveLength(2);
  });

  test('CrossCloudKeyVaultFederation: a list token of secret names makes one assignment per name', () => {
    const stack = testStack();
    const { text, list } = tokensOf(stack);
    new CrossCloudKeyVaultFederation(stack, 'vault', {
      workload: ServiceIdentity.fromEmail(
        stack,
        'api',
        'orders-api-run@acme-prod.iam.gserviceaccount.com',
      ),
      resourceGroupName: text.stringValue,
      location: text.stringValue,
      tenantId: text.stringValue,
      existingVaultId: text.stringValue,
      secretNames: list.listValue,
      tags: Token.asStringMap(text.value),
    });
    const json = synthBoth(stack);
    const [assignment] = bodiesOf(json, 'azurerm_role_assignment');
    expect(assignment.for_each).toBe('${toset(var.list_var)}');
    expect(assignment.scope).toBe('${var.text_var}/secrets/${each.value}');
    const [credential] = bodiesOf(json, 'azurerm_federated_identity_credential');
    expect(credential.subject).toMatch(
      /^\$\{data\.google_service_account\.api_Account_[A-Z0-9]+\.unique_id\}$/,
    );
  });

  test('a list of IP ranges given as a token passes to the vault firewall', () => {
    const stack = testStack();
    const { list } = tokensOf(stack);
    new CrossCloudKeyVaultFederation(stack, 'vault', {
      workload: new ServiceIdentity(stack, 'api', {
        project: 'acme-prod',
        accountId: 'orders-api-run',
      }),
      resourceGroupName: 'orders',
      location: 'westeurope',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      vaultName: 'acme-orders-kv',
      logAnalyticsWorkspaceId: Fn.join('', ['/subscriptions/x']),
      allowedIpRanges: list.listValue,
    });
    const [vault] = bodiesOf(synthBoth(stack), 'azurerm_key_vault');
    expect(vault.network_acls.ip_rules).toBe('${var.list_var}');
  });
});
