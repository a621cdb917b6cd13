// Workloads the benchmark synthesizes, each written twice: with the library, and as the same
// Terraform resources written with raw provider classes. The budgeted Cloud Run workload is
// written a third time (`sameTerraform`): raw classes that write the library's stack file byte
// for byte, addresses included, the baseline of its budget. Construct issues add theirs here.
//
// Every function gets (stack, i) and builds workload number i into the stack. `budgeted`
// workloads must stay within the synth budget of DESIGN.md section 6; the others are reported.
const { hash } = require('crypto');
const { CloudRunV2Service } = require('@cdktf/provider-google/lib/cloud-run-v2-service');
const {
  CloudRunV2ServiceIamMember,
} = require('@cdktf/provider-google/lib/cloud-run-v2-service-iam-member');
const { ProjectIamAuditConfig } = require('@cdktf/provider-google/lib/project-iam-audit-config');
const {
  SecretManagerSecretIamMember,
} = require('@cdktf/provider-google/lib/secret-manager-secret-iam-member');
const { ServiceAccount } = require('@cdktf/provider-google/lib/service-account');
const {
  ServiceAccountIamMember,
} = require('@cdktf/provider-google/lib/service-account-iam-member');
const { StorageBucket } = require('@cdktf/provider-google/lib/storage-bucket');
const { StorageBucketIamMember } = require('@cdktf/provider-google/lib/storage-bucket-iam-member');
const { Construct } = require('constructs');

const PROJECT = 'acme-bench';
const POOL =
  'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci';

let library;

/**
 * The library entry point (the compiled build), required once as a program imports it: a
 * `require` per workload resolves the path again each time, which the raw variants never pay.
 */
function lib() {
  return (library ??= require('../build/index.js'));
}

/** A service identity that a group may deploy with and a repository may impersonate. */
const serviceIdentity = {
  description: 'ServiceIdentity + grantActAs + allowWorkloadIdentity',
  budgeted: false,
  library(stack, i) {
    const { Principal, ServiceIdentity } = lib();
    const identity = new ServiceIdentity(stack, `job${i}`, {
      project: PROJECT,
      accountId: `job-${i}-run`,
    });
    identity.grantActAs(Principal.group('deployers@example.com'));
    identity.allowWorkloadIdentity(
      Principal.fromMember(`${POOL}/attribute.repository/acme/job${i}`),
    );
  },
  raw(stack, i) {
    const account = new ServiceAccount(stack, `job${i}`, {
      project: PROJECT,
      accountId: `job-${i}-run`,
      displayName: `job-${i}-run`,
      description: `Managed by cdktf-guardrails (bench/job${i})`,
    });
    new ServiceAccountIamMember(stack, `job${i}-actas`, {
      serviceAccountId: account.name,
      role: 'roles/iam.serviceAccountUser',
      member: 'group:deployers@example.com',
    });
    new ServiceAccountIamMember(stack, `job${i}-wif`, {
      serviceAccountId: account.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `${POOL}/attribute.repository/acme/job${i}`,
    });
    if (i === 0) impersonationAuditConfig(stack);
  },
};

/** allowWorkloadIdentity turns on the impersonation logs of the account's project. */
function impersonationAuditConfig(stack) {
  new ProjectIamAuditConfig(stack, 'iamcredentials-audit', {
    project: PROJECT,
    service: 'iamcredentials.googleapis.com',
    auditLogConfig: [
      { logType: 'ADMIN_READ' },
      { logType: 'DATA_READ' },
      { logType: 'DATA_WRITE' },
    ],
  });
}

const IMAGE = 'europe-west1-docker.pkg.dev/acme-bench/apps/api:1.0.0';

/** DESIGN.md section 6: a SecureCloudRunService with two invokers and one secret. */
const cloudRunService = {
  description: 'SecureCloudRunService with two invokers and one secret',
  budgeted: true,
  library(stack, i) {
    const { Principal, SecureCloudRunService } = lib();
    new SecureCloudRunService(stack, `svc${i}`, {
      project: PROJECT,
      location: 'europe-west1',
      serviceName: `svc-${i}`,
      image: IMAGE,
      environment: { LOG_LEVEL: 'info' },
      secrets: [{ name: 'DB_PASSWORD', secret: `db-password-${i}` }],
      invokers: [
        Principal.group('frontends@example.com'),
        Principal.serviceAccount(`caller-${i}@acme-bench.iam.gserviceaccount.com`),
      ],
    });
  },
  /**
   * `at` places and names the resources (the `sameTerraform` variant below); by default each
   * is a child of the stack with a short id, as a team writing raw classes would write them
   * without the library's guarantees.
   */
  raw(stack, i, at = flatAt(stack, i)) {
    const { ids } = at;
    const account = new ServiceAccount(at.account, ids.account, {
      project: PROJECT,
      accountId: `svc-${i}-run`,
      displayName: `svc-${i}-run`,
      description: `Runs Cloud Run service svc-${i}`,
    });
    const service = new CloudRunV2Service(at.service, ids.service, {
      project: PROJECT,
      location: 'europe-west1',
      name: `svc-${i}`,
      ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      deletionProtection: true,
      template: {
        serviceAccount: account.email,
        containers: [
          {
            image: IMAGE,
            ports: { containerPort: 8080 },
            resources: { limits: { cpu: '1', memory: '512Mi' } },
            env: [
              {
                name: 'DB_PASSWORD',
                valueSource: { secretKeyRef: { secret: `db-password-${i}`, version: 'latest' } },
              },
              { name: 'LOG_LEVEL', value: 'info' },
            ],
          },
        ],
      },
    });
    for (const [n, member] of [
      ['a', 'group:frontends@example.com'],
      ['b', `serviceAccount:caller-${i}@acme-bench.iam.gserviceaccount.com`],
    ]) {
      new CloudRunV2ServiceIamMember(at.invokers, ids.invoker(n, member), {
        project: PROJECT,
        location: 'europe-west1',
        name: service.name,
        role: 'roles/run.servicesInvoker',
        member,
      });
    }
    const secretAccess = new SecretManagerSecretIamMember(at.secret, ids.secret, {
      project: PROJECT,
      secretId: `db-password-${i}`,
      role: 'roles/secretmanager.secretAccessor',
      member: account.member,
    });
    // The first revision can only start once its account may read the secret.
    if (at.waitFor) at.waitFor(service, secretAccess);
    else service.dependsOn = [secretAccess.fqn];
    if (i === 0) {
      new ProjectIamAuditConfig(at.auditLogs, ids.auditLogs, {
        project: PROJECT,
        service: 'secretmanager.googleapis.com',
        auditLogConfig: [
          { logType: 'ADMIN_READ' },
          { logType: 'DATA_READ' },
          { logType: 'DATA_WRITE' },
        ],
      });
    }
  },
  /**
   * The same Terraform as the library writes, byte for byte, written with raw classes: the
   * budget's baseline (see bench.js). A team that wants the library's guarantees without it
   * writes exactly this: a construct per service with the account below it, binding ids
   * derived from what they grant (role, member, target: DESIGN.md section 3, so that adding
   * or reordering an invoker or renaming the stack moves no address), the secret bindings and
   * audit configs in shared constructs, and `depends_on` by address.
   */
  sameTerraform(stack, i) {
    const service = new Construct(stack, `svc${i}`);
    const shared =
      stack.node.tryFindChild('GuardrailsSharedBindings') ??
      new Construct(stack, 'GuardrailsSharedBindings');
    const auditLogs =
      stack.node.tryFindChild('GuardrailsAuditLogs') ?? new Construct(stack, 'GuardrailsAuditLogs');
    cloudRunService.raw(stack, i, {
      account: new Construct(service, 'Identity'),
      service,
      invokers: service,
      secret: shared,
      auditLogs,
      ids: {
        account: 'Resource',
        service: 'Resource',
        invoker: (_, member) =>
          derivedId('run.servicesInvoker', [
            'roles/run.servicesInvoker',
            member,
            null,
            `cloud-run:europe-west1/svc-${i}`,
          ]),
        secret: derivedId('secretmanager.secretAccessor', [
          'roles/secretmanager.secretAccessor',
          `serviceAccount:svc-${i}-run@${PROJECT}.iam.gserviceaccount.com`,
          null,
          `secret-manager:projects/${PROJECT}/secrets/db-password-${i}`,
        ]),
        auditLogs: derivedId('secretmanager', [PROJECT, 'secretmanager.googleapis.com']),
      },
      waitFor: (resource, binding) =>
        resource.addOverride('depends_on', [
          `google_secret_manager_secret_iam_member.${binding.friendlyUniqueId}`,
        ]),
    });
  },
};

/** Each resource of Cloud Run workload `i` a child of the stack, with a short id. */
function flatAt(stack, i) {
  return {
    account: stack,
    service: stack,
    invokers: stack,
    secret: stack,
    auditLogs: stack,
    ids: {
      account: `svc${i}-sa`,
      service: `svc${i}`,
      invoker: (n) => `svc${i}-invoker-${n}`,
      secret: `svc${i}-secret`,
      auditLogs: 'secretmanager-audit',
    },
  };
}

/**
 * `<prefix>-<first 12 hex digits of the SHA-256 of the parts as JSON>`: an id derived from what
 * a resource is, the way DESIGN.md section 3 asks for binding ids.
 */
function derivedId(prefix, parts) {
  return `${prefix}-${hash('sha256', JSON.stringify(parts), 'hex').slice(0, 12)}`;
}

/** A ScopedBucket with a writer and a reader under one prefix each. */
const scopedBucket = {
  description: 'ScopedBucket with grantWrite and grantRead under prefixes',
  budgeted: false,
  library(stack, i) {
    const { Principal, ScopedBucket } = lib();
    const bucket = new ScopedBucket(stack, `bucket${i}`, {
      project: PROJECT,
      bucketName: `acme-bench-${i}`,
      location: 'EU',
    });
    bucket.grantWrite(Principal.serviceAccount(`api-${i}@acme-bench.iam.gserviceaccount.com`), {
      prefix: 'incoming/',
    });
    bucket.grantRead(Principal.serviceAccount(`worker-${i}@acme-bench.iam.gserviceaccount.com`), {
      prefix: 'incoming/',
    });
  },
  raw(stack, i) {
    const bucket = new StorageBucket(stack, `bucket${i}`, {
      project: PROJECT,
      name: `acme-bench-${i}`,
      location: 'EU',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      forceDestroy: false,
      versioning: { enabled: true },
    });
    const objects = `resource.name.startsWith("projects/_/buckets/acme-bench-${i}/objects/incoming/")`;
    new StorageBucketIamMember(stack, `bucket${i}-write`, {
      bucket: bucket.name,
      role: 'roles/storage.objectCreator',
      member: `serviceAccount:api-${i}@acme-bench.iam.gserviceaccount.com`,
      condition: { title: 'objects under incoming/', description: 'x', expression: objects },
    });
    new StorageBucketIamMember(stack, `bucket${i}-read`, {
      bucket: bucket.name,
      role: 'roles/storage.objectViewer',
      member: `serviceAccount:worker-${i}@acme-bench.iam.gserviceaccount.com`,
      condition: {
        title: 'objects under incoming/',
        description: 'x',
        expression: `${objects} || (resource.type == "storage.googleapis.com/Bucket" && api.getAttribute("storage.googleapis.com/objectListPrefix", "").startsWith("incoming/"))`,
      },
    });
    if (i === 0) {
      new ProjectIamAuditConfig(stack, 'storage-audit', {
        project: PROJECT,
        service: 'storage.googleapis.com',
        auditLogConfig: [
          { logType: 'ADMIN_READ' },
          { logType: 'DATA_READ' },
          { logType: 'DATA_WRITE' },
        ],
      });
    }
  },
};

/** A service identity that may predict on its own Vertex AI endpoint. */
const vertexEndpointCaller = {
  description: 'VertexEndpointCaller (ENDPOINT scope) for a ServiceIdentity',
  budgeted: false,
  library(stack, i) {
    const { ServiceIdentity, VertexEndpointCaller } = lib();
    const caller = new ServiceIdentity(stack, `caller${i}`, {
      project: PROJECT,
      accountId: `caller-${i}-run`,
    });
    new VertexEndpointCaller(stack, `predict${i}`, {
      caller,
      project: PROJECT,
      region: 'europe-west1',
      endpointId: String(1000 + i),
    });
  },
  raw(stack, i) {
    const {
      GoogleVertexAiEndpointIamMember,
    } = require('@cdktf/provider-google-beta/lib/google-vertex-ai-endpoint-iam-member');
    const { ProjectIamCustomRole } = require('@cdktf/provider-google/lib/project-iam-custom-role');
    const caller = new ServiceAccount(stack, `caller${i}`, {
      project: PROJECT,
      accountId: `caller-${i}-run`,
      displayName: `caller-${i}-run`,
      description: `Managed by cdktf-guardrails (bench/caller${i})`,
    });
    if (i === 0) {
      stack.vertexRole = new ProjectIamCustomRole(stack, 'vertex-role', {
        project: PROJECT,
        roleId: 'guardrailsVertexPredict_bench',
        title: 'Vertex AI endpoint caller',
        permissions: ['aiplatform.endpoints.predict'],
        stage: 'GA',
      });
      new ProjectIamAuditConfig(stack, 'aiplatform-audit', {
        project: PROJECT,
        service: 'aiplatform.googleapis.com',
        auditLogConfig: [
          { logType: 'ADMIN_READ' },
          { logType: 'DATA_READ' },
          { logType: 'DATA_WRITE' },
        ],
      });
    }
    new GoogleVertexAiEndpointIamMember(stack, `predict${i}`, {
      provider: stack.node.findChild('google-beta'),
      project: PROJECT,
      location: 'europe-west1',
      endpoint: `projects/${PROJECT}/locations/europe-west1/endpoints/${1000 + i}`,
      role: stack.vertexRole.name,
      member: caller.member,
    });
  },
};

/** A pool with a GitHub Actions provider whose repository may impersonate a service identity. */
const workloadIdentityPool = {
  description: 'WorkloadIdentityPool + GitHub provider + allowWorkloadIdentity',
  budgeted: false,
  library(stack, i) {
    const { ServiceIdentity, WorkloadIdentityPool } = lib();
    const pool = new WorkloadIdentityPool(stack, `pool${i}`, {
      project: PROJECT,
      poolId: `pool-${i}-ci`,
    });
    const github = pool.addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositories: [`acme/app-${i}`],
    });
    const identity = new ServiceIdentity(stack, `deployer${i}`, {
      project: PROJECT,
      accountId: `deployer-${i}-ci`,
    });
    identity.allowWorkloadIdentity(github.principalForRepository(`acme/app-${i}`));
  },
  raw(stack, i) {
    const {
      IamWorkloadIdentityPool,
    } = require('@cdktf/provider-google/lib/iam-workload-identity-pool');
    const {
      IamWorkloadIdentityPoolProvider,
    } = require('@cdktf/provider-google/lib/iam-workload-identity-pool-provider');
    const pool = new IamWorkloadIdentityPool(stack, `pool${i}`, {
      project: PROJECT,
      workloadIdentityPoolId: `pool-${i}-ci`,
      description: `Managed by cdktf-guardrails (bench/pool${i})`,
    });
    new IamWorkloadIdentityPoolProvider(stack, `pool${i}-github`, {
      project: PROJECT,
      workloadIdentityPoolId: pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: 'github',
      attributeMapping: {
        'google.subject': 'assertion.sub',
        'attribute.repository': 'assertion.repository',
        'attribute.repository_owner': 'assertion.repository_owner',
        'attribute.ref': 'assertion.ref',
        'attribute.repository_id': 'assertion.repository_id',
        'attribute.repository_owner_id': 'assertion.repository_owner_id',
      },
      attributeCondition: `assertion.repository_owner == 'acme' && assertion.repository == 'acme/app-${i}'`,
      oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
    });
    const account = new ServiceAccount(stack, `deployer${i}`, {
      project: PROJECT,
      accountId: `deployer-${i}-ci`,
      displayName: `deployer-${i}-ci`,
      description: `Managed by cdktf-guardrails (bench/deployer${i})`,
    });
    new ServiceAccountIamMember(stack, `deployer${i}-wif`, {
      serviceAccountId: account.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/${pool.name}/attribute.repository/acme/app-${i}`,
    });
    if (i === 0) {
      for (const service of [
        'iam.googleapis.com',
        'sts.googleapis.com',
        'iamcredentials.googleapis.com',
      ]) {
        new ProjectIamAuditConfig(stack, `${service}-audit`, {
          project: PROJECT,
          service,
          auditLogConfig: [
            { logType: 'ADMIN_READ' },
            { logType: 'DATA_READ' },
            { logType: 'DATA_WRITE' },
          ],
        });
      }
    }
  },
};

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const VAULT =
  '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv';

/** A service identity reading one secret of an existing Azure vault. */
const crossCloudKeyVault = {
  description: 'CrossCloudKeyVaultFederation (existing vault, one secret)',
  budgeted: false,
  library(stack, i) {
    const { CrossCloudKeyVaultFederation, ServiceIdentity } = lib();
    const workload = new ServiceIdentity(stack, `wl${i}`, {
      project: PROJECT,
      accountId: `wl-${i}-run`,
    });
    new CrossCloudKeyVaultFederation(stack, `kv${i}`, {
      workload,
      resourceGroupName: 'workloads',
      location: 'westeurope',
      tenantId: TENANT,
      existingVaultId: VAULT,
      secretNames: [`secret-${i}`],
    });
  },
  raw(stack, i) {
    const {
      FederatedIdentityCredential,
    } = require('@cdktf/provider-azurerm/lib/federated-identity-credential');
    const { RoleAssignment } = require('@cdktf/provider-azurerm/lib/role-assignment');
    const { UserAssignedIdentity } = require('@cdktf/provider-azurerm/lib/user-assigned-identity');
    const account = new ServiceAccount(stack, `wl${i}`, {
      project: PROJECT,
      accountId: `wl-${i}-run`,
      displayName: `wl-${i}-run`,
      description: `Managed by cdktf-guardrails (bench/wl${i})`,
    });
    const identity = new UserAssignedIdentity(stack, `kv${i}-identity`, {
      name: `gcp-wl-${i}-run`,
      resourceGroupName: 'workloads',
      location: 'westeurope',
    });
    new FederatedIdentityCredential(stack, `kv${i}-trust`, {
      name: 'google-service-account',
      resourceGroupName: 'workloads',
      parentId: identity.id,
      issuer: 'https://accounts.google.com',
      subject: account.uniqueId,
      audience: ['api://AzureADTokenExchange'],
    });
    new RoleAssignment(stack, `kv${i}-reader`, {
      scope: `${VAULT}/secrets/secret-${i}`,
      roleDefinitionName: 'Key Vault Secrets User',
      principalId: identity.principalId,
      principalType: 'ServicePrincipal',
    });
  },
};

/** The audit config the library writes for `service` (once per project and service). */
function auditConfig(stack, service) {
  new ProjectIamAuditConfig(stack, `${service}-audit`, {
    project: PROJECT,
    service,
    auditLogConfig: [
      { logType: 'ADMIN_READ' },
      { logType: 'DATA_READ' },
      { logType: 'DATA_WRITE' },
    ],
  });
}

/** A Cloud Run service for one group of people through Identity-Aware Proxy on the service. */
const iapCloudRunService = {
  description: 'SecureCloudRunService with users (Identity-Aware Proxy on the service)',
  budgeted: false,
  library(stack, i) {
    const { Principal, SecureCloudRunService } = lib();
    new SecureCloudRunService(stack, `admin${i}`, {
      project: PROJECT,
      location: 'europe-west1',
      serviceName: `admin-${i}`,
      image: IMAGE,
      users: [Principal.group(`admins-${i}@example.com`)],
    });
  },
  raw(stack, i) {
    const {
      GoogleProjectServiceIdentity,
    } = require('@cdktf/provider-google-beta/lib/google-project-service-identity');
    const {
      IapWebCloudRunServiceIamMember,
    } = require('@cdktf/provider-google/lib/iap-web-cloud-run-service-iam-member');
    const beta = stack.node.findChild('google-beta');
    if (i === 0) {
      stack.iapAgent = new GoogleProjectServiceIdentity(stack, 'iap-agent', {
        provider: beta,
        project: PROJECT,
        service: 'iap.googleapis.com',
      });
      auditConfig(stack, 'iap.googleapis.com');
    }
    const account = new ServiceAccount(stack, `admin${i}-sa`, {
      project: PROJECT,
      accountId: `admin-${i}-run`,
      displayName: `admin-${i}-run`,
      description: `Runs Cloud Run service admin-${i}`,
    });
    const service = new CloudRunV2Service(stack, `admin${i}`, {
      provider: beta,
      project: PROJECT,
      location: 'europe-west1',
      name: `admin-${i}`,
      ingress: 'INGRESS_TRAFFIC_ALL',
      deletionProtection: true,
      template: {
        serviceAccount: account.email,
        containers: [
          {
            image: IMAGE,
            ports: { containerPort: 8080 },
            resources: { limits: { cpu: '1', memory: '512Mi' } },
          },
        ],
      },
    });
    service.addOverride('iap_enabled', true);
    new CloudRunV2ServiceIamMember(stack, `admin${i}-iap-invoker`, {
      project: PROJECT,
      location: 'europe-west1',
      name: service.name,
      role: 'roles/run.servicesInvoker',
      member: stack.iapAgent.member,
    });
    new IapWebCloudRunServiceIamMember(stack, `admin${i}-users`, {
      project: PROJECT,
      location: 'europe-west1',
      cloudRunServiceName: service.name,
      role: 'roles/iap.httpsResourceAccessor',
      member: `group:admins-${i}@example.com`,
    });
  },
};

/**
 * A Vertex AI pipeline identity: engineers submit, the pipeline launches its own jobs, stages
 * under a prefix of an existing bucket, writes a BigQuery dataset and pulls its training image.
 */
const vertexPipelineIdentity = {
  description: 'VertexPipelineIdentity with submitters, staging, a dataset and an image',
  budgeted: false,
  library(stack, i) {
    const { ArtifactRegistryRepository, BigQueryDataset, Principal, ScopedBucket } = lib();
    const { VertexPipelineIdentity } = lib();
    const training = new VertexPipelineIdentity(stack, `training${i}`, {
      project: PROJECT,
      accountId: `training-${i}-job`,
      submitters: [Principal.group('ml-engineers@example.com')],
      launchesJobs: true,
      staging: {
        bucket: ScopedBucket.fromBucketName(stack, `ml${i}`, `acme-bench-ml-${i}`),
        prefix: 'pipelines/',
      },
    });
    BigQueryDataset.fromDatasetId(stack, `metrics${i}`, {
      project: PROJECT,
      datasetId: `metrics_${i}`,
    }).grantWrite(training, { jobsProject: PROJECT });
    training.allowImagePull(
      ArtifactRegistryRepository.fromRepositoryId(stack, `images${i}`, {
        project: PROJECT,
        location: 'europe-west1',
        repositoryId: `images-${i}`,
      }),
    );
  },
  raw(stack, i) {
    const {
      ArtifactRegistryRepositoryIamMember,
    } = require('@cdktf/provider-google/lib/artifact-registry-repository-iam-member');
    const {
      BigqueryDatasetIamMember,
    } = require('@cdktf/provider-google/lib/bigquery-dataset-iam-member');
    const { DataGoogleProject } = require('@cdktf/provider-google/lib/data-google-project');
    const { ProjectIamMember } = require('@cdktf/provider-google/lib/project-iam-member');
    if (i === 0) {
      stack.projectData = new DataGoogleProject(stack, 'project', { projectId: PROJECT });
      new ProjectIamMember(stack, 'engineers-jobs', {
        project: PROJECT,
        role: 'roles/aiplatform.user',
        member: 'group:ml-engineers@example.com',
      });
      for (const service of [
        'aiplatform.googleapis.com',
        'bigquery.googleapis.com',
        'artifactregistry.googleapis.com',
      ]) {
        auditConfig(stack, service);
      }
    }
    const account = new ServiceAccount(stack, `training${i}`, {
      project: PROJECT,
      accountId: `training-${i}-job`,
      displayName: `training-${i}-job`,
      description: `Runs Vertex AI jobs as training-${i}-job`,
    });
    for (const [n, member] of [
      ['engineers', 'group:ml-engineers@example.com'],
      ['self', account.member],
    ]) {
      new ServiceAccountIamMember(stack, `training${i}-actas-${n}`, {
        serviceAccountId: account.name,
        role: 'roles/iam.serviceAccountUser',
        member,
      });
    }
    new ProjectIamMember(stack, `training${i}-jobs`, {
      project: PROJECT,
      role: 'roles/aiplatform.user',
      member: account.member,
    });
    const objects = `resource.name.startsWith("projects/_/buckets/acme-bench-ml-${i}/objects/pipelines/")`;
    new StorageBucketIamMember(stack, `training${i}-staging`, {
      bucket: `acme-bench-ml-${i}`,
      role: 'roles/storage.objectUser',
      member: account.member,
      condition: {
        title: 'objects under pipelines/',
        description: 'x',
        expression: `${objects} || (resource.type == "storage.googleapis.com/Bucket" && api.getAttribute("storage.googleapis.com/objectListPrefix", "").startsWith("pipelines/"))`,
      },
    });
    new BigqueryDatasetIamMember(stack, `training${i}-metrics`, {
      project: PROJECT,
      datasetId: `metrics_${i}`,
      role: 'roles/bigquery.dataEditor',
      member: account.member,
    });
    new ProjectIamMember(stack, `training${i}-bq-jobs`, {
      project: PROJECT,
      role: 'roles/bigquery.jobUser',
      member: account.member,
    });
    new ArtifactRegistryRepositoryIamMember(stack, `training${i}-pull`, {
      project: PROJECT,
      location: 'europe-west1',
      repository: `images-${i}`,
      role: 'roles/artifactregistry.reader',
      member: `serviceAccount:service-${stack.projectData.number}@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`,
    });
  },
};

module.exports = {
  serviceIdentity,
  cloudRunService,
  scopedBucket,
  vertexEndpointCaller,
  workloadIdentityPool,
  crossCloudKeyVault,
  iapCloudRunService,
  vertexPipelineIdentity,
};
