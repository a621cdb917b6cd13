import { IConstruct } from 'constructs';
import type { Grant } from '../core/grant';
import type { IGrantable } from '../core/principal';

/** What a lifecycle rule does to the objects it matches. */
export enum BucketLifecycleAction {
  /** Delete the object (or the object version). */
  DELETE = 'Delete',
  /** Move the object to another storage class (`storageClass`). */
  SET_STORAGE_CLASS = 'SetStorageClass',
  /** Abort multipart uploads that were never completed. */
  ABORT_INCOMPLETE_MULTIPART_UPLOAD = 'AbortIncompleteMultipartUpload',
}

/** Which object versions a lifecycle rule applies to. */
export enum BucketObjectState {
  /** Only live (current) versions. */
  LIVE = 'LIVE',
  /** Only noncurrent versions (with versioning on). */
  ARCHIVED = 'ARCHIVED',
  /** Both. */
  ANY = 'ANY',
}

/**
 * An Object Lifecycle Management rule: an action and the conditions under which it applies.
 * At least one condition is required.
 */
export interface BucketLifecycleRule {
  /** What to do with matching objects. */
  readonly action: BucketLifecycleAction;
  /**
   * Target storage class, for `SET_STORAGE_CLASS` only (`NEARLINE`, `COLDLINE`, `ARCHIVE`).
   * @default - none
   */
  readonly storageClass?: string;
  /**
   * Objects at least this many days old.
   * @default - no age condition
   */
  readonly ageDays?: number;
  /**
   * Versions that have at least this many newer versions.
   * @default - no condition
   */
  readonly numNewerVersions?: number;
  /**
   * Noncurrent versions that became noncurrent at least this many days ago.
   * @default - no condition
   */
  readonly daysSinceNoncurrentTime?: number;
  /**
   * Objects whose name starts with one of these prefixes.
   * @default - every object
   */
  readonly matchesPrefix?: string[];
  /**
   * Which versions the rule applies to.
   * @default - as Cloud Storage decides from the other conditions
   */
  readonly withState?: BucketObjectState;
}

/** Options of the grant methods of a ScopedBucket. */
export interface BucketGrantOptions {
  /**
   * Limit the grant to objects whose name starts with this prefix, e.g. `incoming/`. It
   * becomes an IAM condition on the binding; listing is allowed only for requests that
   * list under the same prefix.
   * @default - every object of the bucket
   */
  readonly prefix?: string;
}

/**
 * A Cloud Storage bucket that grants object access by the smallest role, on this bucket only,
 * optionally narrowed to a prefix: a {@link ScopedBucket}, or a bucket created elsewhere
 * (`ScopedBucket.fromBucketName`). Other constructs take this interface to grant on data.
 */
export interface IScopedBucket extends IConstruct {
  /** Name of the bucket. */
  readonly bucketName: string;
  /** `gs://<bucket>`. */
  readonly url: string;
  /** `roles/storage.objectViewer` on this bucket (under `options.prefix` if given): read and list objects. */
  grantRead(grantee: IGrantable, options?: BucketGrantOptions): Grant;
  /** `roles/storage.objectCreator` on this bucket (under `options.prefix` if given): create objects only. */
  grantWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant;
  /** `roles/storage.objectUser` on this bucket (under `options.prefix` if given): read, list, create, overwrite, delete. */
  grantReadWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant;
}
