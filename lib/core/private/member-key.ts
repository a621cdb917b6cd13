import { Construct } from 'constructs';
import type { IPrincipal } from '../principal';
import { normalizeMember } from './member-kinds';
import { stackRelativePath } from './stable-id';
import { isUnresolved } from './validate';

/**
 * A principal may say what identifies it across synths better than its member string (a
 * service account the stack creates: its email, known before apply). Symbol-keyed, so it is
 * no part of the public API.
 */
export const MEMBER_KEY = Symbol.for('cdktf-guardrails.memberKey');

/**
 * What identifies a principal in the key of a binding: the member as IAM compares it
 * (emails case-insensitive), so `user:Alice@Example.com` and `user:alice@example.com`, or a
 * ServiceIdentity and `Principal.serviceAccount(<its email>)`, are one member. A member that
 * is a reference of some other construct is identified by the construct's stack-relative path.
 */
export function memberKey(principal: IPrincipal): string {
  const own = (principal as { [MEMBER_KEY]?: string })[MEMBER_KEY];
  if (own !== undefined) return own;
  const member = principal.member;
  if (isUnresolved(member) && Construct.isConstruct(principal)) {
    return `construct:${stackRelativePath(principal)}`;
  }
  return normalizeMember(member);
}
