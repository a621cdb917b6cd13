import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Grant, IamCondition } from '../grant';
import { IGrantable, validateMember } from '../principal';
import { recordGrant } from './grant-registry';
import { PUBLIC_MEMBERS } from './member-kinds';
import { invalidValue } from './messages';
import { isBasicRole } from './role-kinds';
import { principalKey, roleShortName, stableId } from './stable-id';
import { isUnresolved } from './validate';

const MAX_CONDITION_TITLE = 100;
const MAX_CONDITION_DESCRIPTION = 256;

/** Makes the provider's `*_iam_member` resource for one binding. */
export type IamMemberFactory = (
  scope: Construct,
  id: string,
  member: string,
  condition: IamCondition | undefined,
) => TerraformResource;

/** One additive binding of a role to a grantee on one resource. */
export interface IamMemberBinding {
  /** Parent of the binding resource; usually the construct that owns the resource. */
  readonly scope: Construct;
  /** The role to bind. Basic roles are refused. */
  readonly role: string;
  /**
   * What identifies `role` across synths when it is a reference (a custom role's `name`),
   * e.g. the custom role's construct path. Saves resolving the token for every binding.
   */
  readonly roleKey?: string;
  /** Who gets the role. */
  readonly grantee: IGrantable;
  /** Readable name of the resource the binding is on, for the grant registry and the construct id. */
  readonly resource: string;
  /** Optional condition narrowing the binding. */
  readonly condition?: IamCondition;
  /**
   * The written-down reason that allows `allUsers`/`allAuthenticatedUsers` here. Without
   * one, public members are refused.
   */
  readonly publicAccessReason?: string;
  /** Creates the provider resource. */
  readonly create: IamMemberFactory;
}

/** The grant made for each binding resource, so a repeated grant returns the first one. */
const GRANT_OF_RESOURCE = new WeakMap<IConstruct, Grant>();

/**
 * The one way the library makes Google IAM bindings: an additive `google_*_iam_member`
 * (never `_iam_policy`/`_iam_binding`, which would remove access granted elsewhere).
 *
 * The construct id derives from (role, member, condition, resource), so reordering grantees
 * leaves every address unchanged and granting the same thing twice returns the first grant.
 * The resource is part of it because one construct may hold bindings on several resources
 * (a Cloud Run service binds its runtime account on each of its secrets).
 * Each new binding is recorded in the stack's grant registry.
 */
export function bindIamMember(binding: IamMemberBinding): Grant {
  const { scope, role, condition } = binding;
  const principal = binding.grantee.grantPrincipal;
  const member = principal.member;
  validateRole(scope, role);
  if (!(PUBLIC_MEMBERS.has(member) && binding.publicAccessReason)) {
    validateMember(scope, 'grantee', member);
  }
  if (condition) validateCondition(scope, condition);

  const key = [
    binding.roleKey ?? role,
    principalKey(principal, member),
    condition ?? null,
    binding.resource,
  ];
  const id = stableId(scope, roleShortName(role), key);
  const existing = scope.node.tryFindChild(id);
  const previous = existing && GRANT_OF_RESOURCE.get(existing);
  if (previous) return previous;

  const resource = binding.create(scope, id, member, condition);
  const grant = new Grant({
    principal,
    role,
    resource: binding.resource,
    resources: [resource],
    condition,
    reason: binding.publicAccessReason,
  });
  GRANT_OF_RESOURCE.set(resource, grant);
  recordGrant(scope, grant);
  return grant;
}

function validateRole(scope: IConstruct, role: string): void {
  if (isBasicRole(role)) {
    throw invalidValue(
      scope,
      'role',
      role,
      'must not be a basic role (owner, editor, viewer grant thousands of permissions on the whole project)',
      'Use the grant methods of the construct, which bind the smallest predefined role for the job.',
    );
  }
}

function validateCondition(scope: IConstruct, condition: IamCondition): void {
  const { title, expression, description } = condition;
  if (!isUnresolved(title) && (title.trim().length === 0 || title.length > MAX_CONDITION_TITLE)) {
    throw invalidValue(
      scope,
      'condition.title',
      title,
      `must be 1-${MAX_CONDITION_TITLE} characters`,
      "Give the condition a short title such as 'objects under incoming/'.",
    );
  }
  if (!isUnresolved(expression) && expression.trim().length === 0) {
    throw invalidValue(
      scope,
      'condition.expression',
      expression,
      'must be a non-empty CEL expression',
      'Write the expression, e.g. resource.name.startsWith("projects/_/buckets/b/objects/in/").',
    );
  }
  if (
    description !== undefined &&
    !isUnresolved(description) &&
    description.length > MAX_CONDITION_DESCRIPTION
  ) {
    throw invalidValue(
      scope,
      'condition.description',
      description,
      `must be at most ${MAX_CONDITION_DESCRIPTION} characters`,
      'Shorten the description.',
    );
  }
}
