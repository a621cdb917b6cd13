import {
  StorageBucket,
  StorageBucketLifecycleRule,
} from '@cdktf/provider-google/lib/storage-bucket';
import { Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AuditLogs } from '../core/audit-logs';
import { Grant } from '../core/grant';
import { IGrantable } from '../core/principal';
import { constructScope } from '../core/private/construct-args';
import { registerCreated } from '../core/private/created-resources';
import { dependOnGrants } from '../core/private/depends-on';
import { validateLabels } from '../core/private/labels';
import { invalidProps, invalidValue } from '../core/private/messages';
import { requireApis } from '../core/private/required-apis';
import { allowServiceAgentToUseKey } from '../core/private/service-agent-key-access';
import { checkProps } from '../core/private/shape';
import { terraformLiteral } from '../core/private/terraform-text';
import {
  isUnresolved,
  validatePattern,
  validateProjectId,
  validateStorageLocation,
  validateWholeNumber,
} from '../core/private/validate';
import { IamRole, Roles } from '../core/roles';
import {
  BucketGrantOptions,
  BucketLifecycleAction,
  BucketLifecycleRule,
  BucketObjectState,
  IScopedBucket,
} from './bucket-options';
import { validateBucketName } from './private/bucket-rules';
import { ImportedBucket } from './private/imported-bucket';
import { grantObjects } from './private/object-grants';
import { SCOPED_BUCKET_PROPS } from './private/props-shape';
import { storageServiceAgent } from './private/storage-agent';

/** Props of a {@link ScopedBucket}. */
export interface ScopedBucketProps {
  /** Project of the bucket. */
  readonly project: string;
  /** Globally unique bucket name (3-63 characters, Cloud Storage naming rules). */
  readonly bucketName: string;
  /** A region (`europe-west1`), multi-region (`EU`) or dual-region (`EUR4`). */
  readonly location: string;
  /**
   * Keep noncurrent versions of overwritten and deleted objects.
   * @default - true, unless `retentionPeriodDays` is set (the two cannot be combined)
   */
  readonly versioning?: boolean;
  /**
   * Objects cannot be deleted or replaced until they are this old (a bucket retention
   * policy, not locked: locking is irreversible and left to a deliberate manual step).
   * Cloud Storage does not allow it together with versioning.
   * @default - no retention policy
   */
  readonly retentionPeriodDays?: number;
  /**
   * How long deleted objects can be restored: 0 (off) or 7-90 days.
   * @default - the Cloud Storage default (7 days)
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Cloud KMS key (CMEK) for new objects, `projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`,
   * in the bucket's location.
   * @default - Google-managed encryption
   */
  readonly encryptionKey?: string;
  /**
   * Grant the project's Cloud Storage service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter`
   * on `encryptionKey` (needed before the bucket can use the key). Turn off when the key's
   * IAM is managed elsewhere.
   * @default true
   */
  readonly grantEncryptionKeyToServiceAgent?: boolean;
  /**
   * Object Lifecycle Management rules.
   * @default - none
   */
  readonly lifecycleRules?: BucketLifecycleRule[];
  /**
   * Let `terraform destroy` delete a bucket that still holds objects.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Storage class of new objects.
   * @default 'STANDARD'
   */
  readonly storageClass?: string;
  /**
   * Labels of the bucket.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Enable the Cloud Storage Data Access audit logs (who read and wrote which object).
   * @default true
   */
  readonly auditLogs?: boolean;
}

const DAY_SECONDS = 86_400;
const MAX_RETENTION_DAYS = 36_500;
const KMS_KEY = /^projects\/[^/]+\/locations\/([^/]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
const STORAGE_CLASSES = /^(STANDARD|NEARLINE|COLDLINE|ARCHIVE)$/;
/** Multi-regions and the KMS location their keys must be in. */
const MULTI_REGION_KEY_LOCATION: Record<string, string> = { US: 'us', EU: 'europe', ASIA: 'asia' };

/**
 * A Cloud Storage bucket (`google_storage_bucket`) that is private and uniform, and whose
 * grants are scoped to what each identity needs:
 *
 * - uniform bucket-level access (no object ACLs) and public access prevention enforced,
 *   always: no prop can make it public;
 * - versioning on, `forceDestroy` off;
 * - `grantRead`, `grantWrite`, `grantReadWrite` bind the smallest object role on **this
 *   bucket**, optionally narrowed to an object prefix by an IAM condition;
 * - Cloud Storage Data Access audit logs on.
 */
export class ScopedBucket extends Construct implements IScopedBucket {
  /**
   * A bucket created elsewhere (another stack or team), by its name, for `grantRead`,
   * `grantWrite` and `grantReadWrite` with prefixes: the same roles, conditions and checks as a
   * ScopedBucket's, bound under the stack's shared bindings (every import of one bucket shares
   * them). Nothing is created. When this stack creates a ScopedBucket of that name, the grants
   * are that bucket's. Its audit logs and settings are its owner's.
   *
   * @param scope the construct to import it in
   * @param id the construct id
   * @param bucketName the bucket's name, e.g. `acme-prod-ml-data`
   */
  public static fromBucketName(scope: Construct, id: string, bucketName: string): IScopedBucket {
    return new ImportedBucket(scope, id, bucketName);
  }

  /** The `google_storage_bucket` resource. */
  public readonly bucket: StorageBucket;
  /** Name of the bucket. */
  public readonly bucketName: string;
  /** Project of the bucket. */
  public readonly project: string;

  constructor(scope: Construct, id: string, givenProps: ScopedBucketProps) {
    super(constructScope('ScopedBucket', scope, id), id);
    const props = checkProps(this, givenProps, SCOPED_BUCKET_PROPS);
    this.validate(props);
    this.project = props.project;
    this.bucketName = props.bucketName;
    registerCreated(this, 'storage-bucket', [props.bucketName]);

    const versioning = props.versioning ?? props.retentionPeriodDays === undefined;
    this.bucket = new StorageBucket(this, 'Resource', {
      project: props.project,
      name: props.bucketName,
      location: props.location,
      storageClass: props.storageClass,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      forceDestroy: props.forceDestroy ?? false,
      versioning: { enabled: versioning },
      retentionPolicy:
        props.retentionPeriodDays !== undefined
          ? { retentionPeriod: daysToSeconds(props.retentionPeriodDays) }
          : undefined,
      softDeletePolicy:
        props.softDeleteRetentionDays !== undefined
          ? { retentionDurationSeconds: daysToSeconds(props.softDeleteRetentionDays) }
          : undefined,
      encryption: props.encryptionKey ? { defaultKmsKeyName: props.encryptionKey } : undefined,
      lifecycleRule: props.lifecycleRules?.map(lifecycleRuleConfig),
      labels: props.labels,
    });

    requireApis(this.bucket, props.project, ['storage.googleapis.com']);
    if (props.encryptionKey && props.grantEncryptionKeyToServiceAgent !== false) {
      this.useKeyThroughServiceAgent(props.encryptionKey);
    }
    if (props.auditLogs !== false)
      AuditLogs.of(this).enable(props.project, 'storage.googleapis.com');
  }

  /** `gs://<bucket>`. */
  public get url(): string {
    return `gs://${this.bucketName}`;
  }

  /**
   * Lets `grantee` read and list objects: `roles/storage.objectViewer` on this bucket.
   * With `prefix`, only objects under it, and listing only under it.
   */
  public grantRead(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return this.grantObjects(Roles.STORAGE_OBJECT_VIEWER, grantee, options);
  }

  /**
   * Lets `grantee` create objects, without reading, overwriting or deleting them:
   * `roles/storage.objectCreator` on this bucket, optionally under `prefix`.
   */
  public grantWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return this.grantObjects(Roles.STORAGE_OBJECT_CREATOR, grantee, options);
  }

  /**
   * Lets `grantee` read, list, create, overwrite and delete objects:
   * `roles/storage.objectUser` on this bucket, optionally under `prefix`.
   */
  public grantReadWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return this.grantObjects(Roles.STORAGE_OBJECT_USER, grantee, options);
  }

  private grantObjects(role: IamRole, grantee: unknown, options: unknown): Grant {
    return grantObjects(
      {
        requester: this,
        owner: this,
        bucketName: this.bucketName,
        bucketArgument: () => this.bucket.name,
      },
      role,
      grantee,
      options,
    );
  }

  /**
   * CMEK: the project's Cloud Storage service agent encrypts and decrypts with the key on
   * behalf of every reader and writer, so it (and only it) needs
   * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key. The agent's address comes from
   * `data.google_storage_project_service_account`, so the project number need not be known.
   * Buckets of one project that share a key share this one binding.
   */
  private useKeyThroughServiceAgent(key: string): void {
    const agent = storageServiceAgent(this, this.project);
    // The bucket can only be created with the key once the agent may use it.
    dependOnGrants(this.bucket, [allowServiceAgentToUseKey(this, agent, key)]);
  }

  private validate(props: ScopedBucketProps): void {
    validateProjectId(this, 'project', props.project);
    validateBucketName(this, props.bucketName);
    validateStorageLocation(this, 'location', props.location);
    validateLabels(this, 'labels', props.labels);
    if (props.storageClass !== undefined) {
      validatePattern(
        this,
        'storageClass',
        props.storageClass,
        STORAGE_CLASSES,
        'must be a storage class',
        'Use STANDARD, NEARLINE, COLDLINE or ARCHIVE.',
      );
    }
    validateDays(this, 'retentionPeriodDays', props.retentionPeriodDays, 1, MAX_RETENTION_DAYS);
    if (props.softDeleteRetentionDays !== 0)
      validateDays(this, 'softDeleteRetentionDays', props.softDeleteRetentionDays, 7, 90);
    if (props.retentionPeriodDays !== undefined && props.versioning === true) {
      throw invalidProps(
        this,
        'versioning',
        'is true together with retentionPeriodDays, which Cloud Storage does not allow (a retention policy already keeps each object until it is old enough)',
        'Remove versioning (it defaults to off with a retention policy), or remove retentionPeriodDays.',
      );
    }
    if (props.encryptionKey !== undefined) validateKey(this, props.encryptionKey, props.location);
    props.lifecycleRules?.forEach((rule, i) => validateLifecycleRule(this, i, rule));
  }
}

/** Days in seconds; for a token, Terraform multiplies (a token's placeholder number must never be). */
function daysToSeconds(days: number): number {
  return Token.isUnresolved(days) ? Token.asNumber(Op.mul(days, DAY_SECONDS)) : days * DAY_SECONDS;
}

function validateDays(
  scope: Construct,
  prop: string,
  value: number | undefined,
  min: number,
  max: number,
): void {
  const zero = prop === 'softDeleteRetentionDays' ? ' (or 0 to turn it off)' : '';
  validateWholeNumber(
    scope,
    prop,
    value,
    { min, max },
    `must be a whole number of days from ${min} to ${max}${zero}`,
    `Use e.g. ${min === 7 ? 30 : 365}.`,
  );
}

function validateKey(scope: Construct, key: string, location: string): void {
  if (isUnresolved(key)) return;
  const match = KMS_KEY.exec(key);
  if (!match) {
    throw invalidValue(
      scope,
      'encryptionKey',
      key,
      'must be the full name of a Cloud KMS key',
      "Use 'projects/<p>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>' (a key, not a key version).",
    );
  }
  if (isUnresolved(location)) return;
  const expected = MULTI_REGION_KEY_LOCATION[location.toUpperCase()] ?? location.toLowerCase();
  const keyLocation = match[1];
  const dualRegion = !MULTI_REGION_KEY_LOCATION[location.toUpperCase()] && !location.includes('-');
  if (!dualRegion && keyLocation !== expected) {
    throw invalidValue(
      scope,
      'encryptionKey',
      key,
      `must be in the bucket's location '${expected}' (it is in '${keyLocation}')`,
      `Create the key ring in '${expected}'; Cloud Storage only uses keys in the bucket's location.`,
    );
  }
}

function validateLifecycleRule(scope: Construct, index: number, rule: BucketLifecycleRule): void {
  const prop = `lifecycleRules[${index}]`;
  const conditions = [
    rule.ageDays,
    rule.numNewerVersions,
    rule.daysSinceNoncurrentTime,
    rule.matchesPrefix,
    rule.withState,
  ];
  if (conditions.every((c) => c === undefined)) {
    throw invalidProps(
      scope,
      prop,
      'has no condition, so it would apply to every object',
      'Add ageDays, numNewerVersions, daysSinceNoncurrentTime, matchesPrefix or withState.',
    );
  }
  if (
    (rule.action === BucketLifecycleAction.SET_STORAGE_CLASS) !==
    (rule.storageClass !== undefined)
  ) {
    throw invalidProps(
      scope,
      `${prop}.storageClass`,
      'is required by SET_STORAGE_CLASS and only allowed with it',
      "Set storageClass (e.g. 'COLDLINE') with SET_STORAGE_CLASS, or remove it.",
    );
  }
  if (rule.storageClass !== undefined) {
    validatePattern(
      scope,
      `${prop}.storageClass`,
      rule.storageClass,
      STORAGE_CLASSES,
      'must be a storage class',
      'Use NEARLINE, COLDLINE or ARCHIVE (or STANDARD).',
    );
  }
  validateDeleteAtAgeZero(scope, prop, rule);
  for (const [name, value] of [
    ['ageDays', rule.ageDays],
    ['numNewerVersions', rule.numNewerVersions],
    ['daysSinceNoncurrentTime', rule.daysSinceNoncurrentTime],
  ] as const) {
    validateWholeNumber(
      scope,
      `${prop}.${name}`,
      value,
      { min: 0 },
      'must be a whole number of at least 0',
      'Use e.g. 30.',
    );
  }
}

/**
 * `Delete` at `ageDays: 0` deletes every object it matches on the next lifecycle run (within a
 * day of its creation). Legal, and right for scratch prefixes or old versions, but on a whole
 * bucket it is data loss: the rule must say what it deletes (`matchesPrefix`, or noncurrent
 * versions only).
 */
function validateDeleteAtAgeZero(scope: Construct, prop: string, rule: BucketLifecycleRule): void {
  if (rule.action !== BucketLifecycleAction.DELETE || rule.ageDays !== 0) return;
  const narrowed =
    rule.matchesPrefix !== undefined ||
    rule.withState === BucketObjectState.ARCHIVED ||
    rule.numNewerVersions !== undefined ||
    rule.daysSinceNoncurrentTime !== undefined;
  if (narrowed) return;
  throw invalidValue(
    scope,
    `${prop}.ageDays`,
    rule.ageDays,
    'deletes every object of the bucket within a day of its creation (Delete at age 0 with no prefix and not only noncurrent versions)',
    "Set ageDays to the age objects may reach (e.g. 30), or say what to delete at once: matchesPrefix: ['tmp/'] or withState: BucketObjectState.ARCHIVED.",
  );
}

function lifecycleRuleConfig(rule: BucketLifecycleRule): StorageBucketLifecycleRule {
  return {
    action: { type: rule.action, storageClass: rule.storageClass },
    condition: {
      age: rule.ageDays,
      numNewerVersions: rule.numNewerVersions,
      daysSinceNoncurrentTime: rule.daysSinceNoncurrentTime,
      matchesPrefix:
        rule.matchesPrefix && !Token.isUnresolved(rule.matchesPrefix)
          ? rule.matchesPrefix.map(terraformLiteral)
          : rule.matchesPrefix,
      withState: rule.withState,
    },
  };
}
