// Roles the library emits, with the permissions each carries.
//
// Permission lists come from the public IAM dataset (github.com/iann0036/iam-dataset, MIT;
// see test/fixtures/iam/LICENSE). test/core/roles.test.ts checks every constant against the
// catalog copy in test/fixtures/iam and proves each is the smallest role of its service that
// holds its key permissions. `npm run derive-roles` refreshes that copy.

import { checkArg, list, text } from './private/shape';

const ROLE_NAME = text({ example: "'roles/run.servicesInvoker'" });
const PERMISSIONS = list(text({ example: "'run.routes.invoke'" }), {
  nonEmpty: 'a role carries at least one permission',
  tokens: false,
});

/**
 * An IAM role the library binds: its name, the permissions it carries, and the permissions
 * it is chosen for.
 */
export class IamRole {
  /** A predefined Google Cloud role. */
  public static predefined(name: string, keyPermissions: string[], permissions: string[]): IamRole {
    const where = 'IamRole.predefined';
    return new IamRole(
      checkArg(where, 'name', name, ROLE_NAME),
      checkArg(where, 'keyPermissions', keyPermissions, PERMISSIONS),
      checkArg(where, 'permissions', permissions, PERMISSIONS),
    );
  }

  /**
   * @param name the role name, e.g. `roles/run.servicesInvoker` or `projects/p/roles/x`
   * @param keyPermissions the permissions the library needs this role for
   * @param permissions every permission the role carries
   */
  private constructor(
    /** The role name used in bindings. */
    public readonly name: string,
    /** The permissions the library chooses this role for; no smaller role holds them all. */
    public readonly keyPermissions: string[],
    /** Every permission the role carries. */
    public readonly permissions: string[],
  ) {}
}

/**
 * The predefined roles the library emits. Each is the smallest predefined role of its
 * service that carries the permissions its grant method needs.
 */
export class Roles {
  /** Invoke a Cloud Run service (run.routes.invoke only). Bound on one service. 1 permission. */
  public static readonly RUN_SERVICES_INVOKER = IamRole.predefined(
    'roles/run.servicesInvoker',
    ['run.routes.invoke'],
    ['run.routes.invoke'],
  );

  /** Deploy new revisions of a Cloud Run service. Bound on one service, never on the project. 89 permissions. */
  public static readonly RUN_DEVELOPER = IamRole.predefined(
    'roles/run.developer',
    ['run.services.update', 'run.services.get'],
    [
      'recommender.locations.get',
      'recommender.locations.list',
      'recommender.runServiceCostInsights.get',
      'recommender.runServiceCostInsights.list',
      'recommender.runServiceCostInsights.update',
      'recommender.runServiceCostRecommendations.get',
      'recommender.runServiceCostRecommendations.list',
      'recommender.runServiceCostRecommendations.update',
      'recommender.runServiceIdentityInsights.get',
      'recommender.runServiceIdentityInsights.list',
      'recommender.runServiceIdentityInsights.update',
      'recommender.runServiceIdentityRecommendations.get',
      'recommender.runServiceIdentityRecommendations.list',
      'recommender.runServiceIdentityRecommendations.update',
      'recommender.runServicePerformanceInsights.get',
      'recommender.runServicePerformanceInsights.list',
      'recommender.runServicePerformanceInsights.update',
      'recommender.runServicePerformanceRecommendations.get',
      'recommender.runServicePerformanceRecommendations.list',
      'recommender.runServicePerformanceRecommendations.update',
      'recommender.runServiceSecurityInsights.get',
      'recommender.runServiceSecurityInsights.list',
      'recommender.runServiceSecurityInsights.update',
      'recommender.runServiceSecurityRecommendations.get',
      'recommender.runServiceSecurityRecommendations.list',
      'recommender.runServiceSecurityRecommendations.update',
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'run.configurations.get',
      'run.configurations.list',
      'run.executions.cancel',
      'run.executions.delete',
      'run.executions.get',
      'run.executions.list',
      'run.instances.create',
      'run.instances.delete',
      'run.instances.get',
      'run.instances.getIamPolicy',
      'run.instances.invoke',
      'run.instances.list',
      'run.instances.sshRead',
      'run.instances.sshRoot',
      'run.instances.start',
      'run.instances.stop',
      'run.instances.update',
      'run.jobs.create',
      'run.jobs.delete',
      'run.jobs.get',
      'run.jobs.getIamPolicy',
      'run.jobs.list',
      'run.jobs.listEffectiveTags',
      'run.jobs.listTagBindings',
      'run.jobs.run',
      'run.jobs.runWithOverrides',
      'run.jobs.sshRead',
      'run.jobs.sshRoot',
      'run.jobs.update',
      'run.locations.list',
      'run.locations.uploadSource',
      'run.operations.delete',
      'run.operations.get',
      'run.operations.list',
      'run.prompts.get',
      'run.revisions.delete',
      'run.revisions.get',
      'run.revisions.list',
      'run.routes.get',
      'run.routes.invoke',
      'run.routes.list',
      'run.services.create',
      'run.services.delete',
      'run.services.get',
      'run.services.getIamPolicy',
      'run.services.list',
      'run.services.listEffectiveTags',
      'run.services.listTagBindings',
      'run.services.sshRead',
      'run.services.sshRoot',
      'run.services.update',
      'run.tasks.get',
      'run.tasks.list',
      'run.workerpools.create',
      'run.workerpools.delete',
      'run.workerpools.get',
      'run.workerpools.getIamPolicy',
      'run.workerpools.list',
      'run.workerpools.sshRead',
      'run.workerpools.sshRoot',
      'run.workerpools.update',
    ],
  );

  /** Read the configuration and status of a Cloud Run service. Bound on one service. 50 permissions. */
  public static readonly RUN_VIEWER = IamRole.predefined(
    'roles/run.viewer',
    ['run.services.get', 'run.services.list'],
    [
      'recommender.locations.get',
      'recommender.locations.list',
      'recommender.runServiceCostInsights.get',
      'recommender.runServiceCostInsights.list',
      'recommender.runServiceCostRecommendations.get',
      'recommender.runServiceCostRecommendations.list',
      'recommender.runServiceIdentityInsights.get',
      'recommender.runServiceIdentityInsights.list',
      'recommender.runServiceIdentityRecommendations.get',
      'recommender.runServiceIdentityRecommendations.list',
      'recommender.runServicePerformanceInsights.get',
      'recommender.runServicePerformanceInsights.list',
      'recommender.runServicePerformanceRecommendations.get',
      'recommender.runServicePerformanceRecommendations.list',
      'recommender.runServiceSecurityInsights.get',
      'recommender.runServiceSecurityInsights.list',
      'recommender.runServiceSecurityRecommendations.get',
      'recommender.runServiceSecurityRecommendations.list',
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'run.configurations.get',
      'run.configurations.list',
      'run.executions.get',
      'run.executions.list',
      'run.instances.get',
      'run.instances.getIamPolicy',
      'run.instances.list',
      'run.jobs.get',
      'run.jobs.getIamPolicy',
      'run.jobs.list',
      'run.jobs.listEffectiveTags',
      'run.jobs.listTagBindings',
      'run.locations.list',
      'run.operations.get',
      'run.operations.list',
      'run.prompts.get',
      'run.revisions.get',
      'run.revisions.list',
      'run.routes.get',
      'run.routes.list',
      'run.services.get',
      'run.services.getIamPolicy',
      'run.services.list',
      'run.services.listEffectiveTags',
      'run.services.listTagBindings',
      'run.tasks.get',
      'run.tasks.list',
      'run.workerpools.get',
      'run.workerpools.getIamPolicy',
      'run.workerpools.list',
    ],
  );

  /** Attach a service account to a workload (actAs). Bound on one service account, never on the project. 5 permissions. */
  public static readonly IAM_SERVICE_ACCOUNT_USER = IamRole.predefined(
    'roles/iam.serviceAccountUser',
    ['iam.serviceAccounts.actAs'],
    [
      'iam.serviceAccounts.actAs',
      'iam.serviceAccounts.get',
      'iam.serviceAccounts.list',
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
    ],
  );

  /** Impersonate a service account from a federated identity. Bound on one service account. 4 permissions. */
  public static readonly IAM_WORKLOAD_IDENTITY_USER = IamRole.predefined(
    'roles/iam.workloadIdentityUser',
    ['iam.serviceAccounts.getAccessToken'],
    [
      'iam.serviceAccounts.get',
      'iam.serviceAccounts.getAccessToken',
      'iam.serviceAccounts.getOpenIdToken',
      'iam.serviceAccounts.list',
    ],
  );

  /** Read the payload of secret versions. Bound on one secret. 3 permissions. */
  public static readonly SECRET_MANAGER_SECRET_ACCESSOR = IamRole.predefined(
    'roles/secretmanager.secretAccessor',
    ['secretmanager.versions.access'],
    [
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'secretmanager.versions.access',
    ],
  );

  /** Read and list objects. Bound on one bucket, optionally narrowed to a prefix. 8 permissions. */
  public static readonly STORAGE_OBJECT_VIEWER = IamRole.predefined(
    'roles/storage.objectViewer',
    ['storage.objects.get', 'storage.objects.list'],
    [
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'storage.folders.get',
      'storage.folders.list',
      'storage.managedFolders.get',
      'storage.managedFolders.list',
      'storage.objects.get',
      'storage.objects.list',
    ],
  );

  /** Create objects, without reading, overwriting or deleting them. Bound on one bucket. 10 permissions. */
  public static readonly STORAGE_OBJECT_CREATOR = IamRole.predefined(
    'roles/storage.objectCreator',
    ['storage.objects.create'],
    [
      'orgpolicy.policy.get',
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'storage.folders.create',
      'storage.managedFolders.create',
      'storage.multipartUploads.abort',
      'storage.multipartUploads.create',
      'storage.multipartUploads.listParts',
      'storage.objects.create',
      'storage.objects.createContext',
    ],
  );

  /** Read, create, overwrite and delete objects. Bound on one bucket. 27 permissions. */
  public static readonly STORAGE_OBJECT_USER = IamRole.predefined(
    'roles/storage.objectUser',
    [
      'storage.objects.get',
      'storage.objects.create',
      'storage.objects.delete',
      'storage.objects.list',
    ],
    [
      'monitoring.timeSeries.create',
      'orgpolicy.policy.get',
      'resourcemanager.projects.get',
      'resourcemanager.projects.list',
      'storage.folders.create',
      'storage.folders.delete',
      'storage.folders.get',
      'storage.folders.list',
      'storage.folders.rename',
      'storage.managedFolders.create',
      'storage.managedFolders.delete',
      'storage.managedFolders.get',
      'storage.managedFolders.list',
      'storage.multipartUploads.abort',
      'storage.multipartUploads.create',
      'storage.multipartUploads.list',
      'storage.multipartUploads.listParts',
      'storage.objects.create',
      'storage.objects.createContext',
      'storage.objects.delete',
      'storage.objects.deleteContext',
      'storage.objects.get',
      'storage.objects.list',
      'storage.objects.move',
      'storage.objects.restore',
      'storage.objects.update',
      'storage.objects.updateContext',
    ],
  );

  /** List the objects of a bucket and read its metadata, not object contents. Used for listing next to a prefix-scoped grant. 7 permissions. */
  public static readonly STORAGE_LEGACY_BUCKET_READER = IamRole.predefined(
    'roles/storage.legacyBucketReader',
    ['storage.objects.list'],
    [
      'storage.buckets.get',
      'storage.folders.get',
      'storage.folders.list',
      'storage.managedFolders.get',
      'storage.managedFolders.list',
      'storage.multipartUploads.list',
      'storage.objects.list',
    ],
  );

  /** Encrypt and decrypt with a key. Bound on one crypto key, for the service agent of a CMEK resource. 5 permissions. */
  public static readonly CLOUD_KMS_CRYPTO_KEY_ENCRYPTER_DECRYPTER = IamRole.predefined(
    'roles/cloudkms.cryptoKeyEncrypterDecrypter',
    ['cloudkms.cryptoKeyVersions.useToEncrypt', 'cloudkms.cryptoKeyVersions.useToDecrypt'],
    [
      'cloudkms.cryptoKeyVersions.useToDecrypt',
      'cloudkms.cryptoKeyVersions.useToEncrypt',
      'cloudkms.locations.get',
      'cloudkms.locations.list',
      'resourcemanager.projects.get',
    ],
  );

  /** All constants above, for reports and tests. */
  public static all(): IamRole[] {
    return [
      Roles.RUN_SERVICES_INVOKER,
      Roles.RUN_DEVELOPER,
      Roles.RUN_VIEWER,
      Roles.IAM_SERVICE_ACCOUNT_USER,
      Roles.IAM_WORKLOAD_IDENTITY_USER,
      Roles.SECRET_MANAGER_SECRET_ACCESSOR,
      Roles.STORAGE_OBJECT_VIEWER,
      Roles.STORAGE_OBJECT_CREATOR,
      Roles.STORAGE_OBJECT_USER,
      Roles.STORAGE_LEGACY_BUCKET_READER,
      Roles.CLOUD_KMS_CRYPTO_KEY_ENCRYPTER_DECRYPTER,
    ];
  }

  private constructor() {}
}
