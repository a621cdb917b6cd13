import { Construct } from 'constructs';
import type { Grant } from '../../core/grant';
import type { IGrantable } from '../../core/principal';
import { constructScope } from '../../core/private/construct-args';
import { createdFor, refuseCreatedAfterImport } from '../../core/private/created-resources';
import { checkArg, text } from '../../core/private/shape';
import { IamRole, Roles } from '../../core/roles';
import type { BucketGrantOptions, IScopedBucket } from '../bucket-options';
import { validateBucketName } from './bucket-rules';
import { grantObjects } from './object-grants';

const BUCKET_NAME = text({ example: "'acme-prod-ml-data'" });

/**
 * A bucket created elsewhere, named by its name (`ScopedBucket.fromBucketName`). Nothing is
 * created for it; its grants are the ScopedBucket's (the same roles, prefix conditions and
 * checks), bound under the stack's shared bindings so that every import of one bucket shares
 * them. When the stack itself creates a ScopedBucket of that name, grants go through it.
 */
export class ImportedBucket extends Construct implements IScopedBucket {
  public readonly bucketName: string;
  private bindsDirectly = false;

  constructor(scope: Construct, id: string, bucketName: unknown) {
    super(constructScope('ScopedBucket.fromBucketName', scope, id), id);
    this.bucketName = checkArg(this, 'bucketName', bucketName, BUCKET_NAME);
    validateBucketName(this, this.bucketName);
  }

  public get url(): string {
    return `gs://${this.bucketName}`;
  }

  public grantRead(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return (
      this.created?.grantRead(grantee, options) ??
      this.grant(Roles.STORAGE_OBJECT_VIEWER, grantee, options)
    );
  }

  public grantWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return (
      this.created?.grantWrite(grantee, options) ??
      this.grant(Roles.STORAGE_OBJECT_CREATOR, grantee, options)
    );
  }

  public grantReadWrite(grantee: IGrantable, options?: BucketGrantOptions): Grant {
    return (
      this.created?.grantReadWrite(grantee, options) ??
      this.grant(Roles.STORAGE_OBJECT_USER, grantee, options)
    );
  }

  /** The ScopedBucket of this name that the stack creates, if any. */
  private get created(): IScopedBucket | undefined {
    return createdFor<IScopedBucket>(this, 'storage-bucket', [this.bucketName]);
  }

  private grant(role: IamRole, grantee: unknown, options: unknown): Grant {
    if (!this.bindsDirectly) {
      this.bindsDirectly = true;
      refuseCreatedAfterImport(
        this,
        'storage-bucket',
        [this.bucketName],
        'bucketName',
        'ScopedBucket.fromBucketName',
      );
    }
    return grantObjects(
      { requester: this, bucketName: this.bucketName, bucketArgument: () => this.bucketName },
      role,
      grantee,
      options,
    );
  }
}
