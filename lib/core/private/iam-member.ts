import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Grant, IamCondition } from '../grant';
import type { IGrantable, IPrincipal } from '../principal';
import { recordGrant } from './grant-registry';
import { createdAccountFor } from './identity-registry';
import { hasMemberKey, memberKey } from './member-key';
import { memberKind, PUBLIC_MEMBERS } from './member-kinds';
import { validateMember } from './member-rules';
import { invalidValue } from './messages';
import { isBasicRole } from './role-kinds';
import { checkArg, grantable } from './shape';
import { SharedBindings } from './shared-bindings';
import { roleShortName, stableId } from './stable-id';
import { terraformLiteral } from './terraform-text';
import { isUnresolved } from './validate';

const MAX_CONDITION_TITLE = 100;
const MAX_CONDITION_DESCRIPTION = 256;
const GRANTEE = grantable<IGrantable>();

/** Makes the provider's `*_iam_member` resource for one binding. */
export type IamMemberFactory = (
  scope: Construct,
  id: string,
  member: string,
  condition: IamCondition | undefined,
) => TerraformResource;

/** One additive binding of a role to a grantee on one resource. */
export interface IamMemberBinding {
  /** The construct the user made or called; refusals name its path. */
  readonly requester: IConstruct;
  /**
   * The prop or argument the grantee came from, as the user wrote it (`invokers[1]`, `caller`).
   * @default 'grantee'
   */
  readonly prop?: string;
  /**
   * The construct that owns the target resource (the service, the bucket, the service
   * account); the binding lives under it. Without one (a secret or a KMS key made elsewhere)
   * it lives under the stack's shared bindings, so that its address never depends on which
   * construct asked for it.
   */
  readonly owner?: Construct;
  /** The role to bind. Basic roles are refused. */
  readonly role: string;
  /**
   * What identifies `role` across synths when it is a reference (a custom role's `name`),
   * e.g. the custom role's stack-relative path. Saves resolving the token for every binding.
   */
  readonly roleKey?: string;
  /** Who gets the role, as the user gave it: its shape is checked here. */
  readonly grantee: unknown;
  /**
   * The target resource, named the same way whoever asks (`secret-manager:projects/p/secrets/db`
   * for `db` and `projects/p/secrets/db` alike): part of the binding's key and the grant's
   * readable `resource`.
   */
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
 * One binding per effective grant in a stack: the construct id derives from (role, normalized
 * member, condition, target), and the binding lives under the target's owner (or the stack's
 * shared bindings), so reordering grantees leaves every address unchanged and asking again,
 * from another construct or with another spelling of the same member, returns the first grant.
 * Two bindings for one grant would remove each other's access when either is destroyed.
 */
export function bindIamMember(binding: IamMemberBinding): Grant {
  const { requester, role, condition } = binding;
  const prop = binding.prop ?? 'grantee';
  const grantee = checkArg(requester, prop, binding.grantee, GRANTEE);
  const principal = canonicalPrincipal(requester, grantee.grantPrincipal);
  const member = principal.member;
  validateRole(requester, role);
  const isPublic = PUBLIC_MEMBERS.has(member) && binding.publicAccessReason !== undefined;
  if (!isPublic && !hasMemberKey(principal)) validateMember(requester, prop, member, requester);
  if (condition) validateCondition(requester, condition);

  const scope = binding.owner ?? SharedBindings.of(requester);
  const key = [binding.roleKey ?? role, memberKey(principal), condition ?? null, binding.resource];
  const id = stableId(scope, roleShortName(role), key);
  const existing = scope.node.tryFindChild(id);
  const previous = existing && GRANT_OF_RESOURCE.get(existing);
  if (previous) return previous;

  const resource = binding.create(scope, id, member, condition && literalCondition(condition));
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

/**
 * A literal `serviceAccount:` member of an account that the stack creates is bound through
 * that account's reference, so Terraform creates the account before the binding (on the first
 * apply, a binding to an account that does not exist yet fails), and both spellings share a key.
 */
function canonicalPrincipal(scope: IConstruct, principal: IPrincipal): IPrincipal {
  const member = principal.member;
  if (isUnresolved(member) || memberKind(member) !== 'service-account') return principal;
  const created = createdAccountFor(scope, member.slice('serviceAccount:'.length));
  return (created as unknown as IPrincipal | undefined) ?? principal;
}

/** The condition as Terraform must read it: `${` and `%{` in its literal text escaped. */
function literalCondition(condition: IamCondition): IamCondition {
  return {
    title: terraformLiteral(condition.title),
    expression: terraformLiteral(condition.expression),
    description:
      condition.description === undefined ? undefined : terraformLiteral(condition.description),
  };
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
