import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { Grant, IamCondition } from '../../core/grant';
import { bindIamMember } from '../../core/private/iam-member';
import { checkProps } from '../../core/private/shape';
import { isUnresolved } from '../../core/private/validate';
import { IamRole } from '../../core/roles';
import { prefixCondition, validatePrefix } from './bucket-rules';
import { BUCKET_GRANT_OPTIONS } from './props-shape';

/** The bucket a grant is on, as the binding helper needs it. */
export interface ObjectGrantTarget {
  /** The construct the user called; refusals and warnings name it. */
  readonly requester: Construct;
  /**
   * The construct that creates the bucket, where its bindings live; none for a bucket made
   * elsewhere (its bindings live under the stack's shared bindings, keyed by the bucket name).
   */
  readonly owner?: Construct;
  /** The bucket's name as the user gave it: part of the binding's key and IAM condition. */
  readonly bucketName: string;
  /** The bucket name to write in the binding (the bucket's reference when the stack creates it). */
  readonly bucketArgument: () => string;
}

/**
 * Binds an object role on one bucket, narrowed to `options.prefix` by an IAM condition when
 * given (see {@link prefixCondition} for the listing caveat). The options are shape-checked
 * here, for a ScopedBucket and an imported bucket alike.
 */
export function grantObjects(
  target: ObjectGrantTarget,
  role: IamRole,
  grantee: unknown,
  givenOptions: unknown,
): Grant {
  const { requester, bucketName } = target;
  const options =
    givenOptions === undefined || givenOptions === null
      ? {}
      : checkProps(requester, givenOptions, BUCKET_GRANT_OPTIONS, 'options');
  let condition: IamCondition | undefined;
  if (options.prefix !== undefined) {
    validatePrefix(requester, 'options.prefix', options.prefix);
    if (!isUnresolved(options.prefix) && !options.prefix.endsWith('/')) {
      Annotations.of(requester).addWarning(
        `Grant prefix '${options.prefix}' does not end with '/', so it also matches names such as '${options.prefix}-other'. End it with '/' to mean one folder.`,
      );
    }
    condition = prefixCondition(
      bucketName,
      options.prefix,
      role.permissions.includes('storage.objects.list'),
    );
  }
  const roleName = role.name;
  return bindIamMember({
    requester,
    owner: target.owner,
    role: roleName,
    grantee,
    condition,
    resource: `storage:${bucketName}`,
    create: (scope, id, member, c) =>
      new StorageBucketIamMember(scope, id, {
        bucket: target.bucketArgument(),
        role: roleName,
        member,
        condition: c,
      }),
  });
}
