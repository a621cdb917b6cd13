import { Construct } from 'constructs';
import type { IPrincipal } from '../principal';
import { normalizeMember } from './member-kinds';
import { stackRelativePath } from './stable-id';
import { isUnresolved } from './validate';

/**
 * What identifies an identity better than its member string (a service account the stack
 * creates: its email, known before apply), set by the identity classes. A WeakMap rather than a
 * property, so it is no part of the public API and leaves the objects' shape alone.
 */
const KEYS = new WeakMap<object, string>();

/** Records the key of an identity (`serviceAccount:<email>` or `construct:<path below the stack>`). */
export function setMemberKey(identity: object, key: string): void {
  KEYS.set(identity, key);
}

/** True for an identity of the library (its member needs no deny check). */
export function hasMemberKey(principal: object): boolean {
  return KEYS.has(principal);
}

/**
 * What identifies a principal in the key of a binding: the member as IAM compares it
 * (emails case-insensitive), so `user:Alice@Example.com` and `user:alice@example.com`, or a
 * ServiceIdentity and `Principal.serviceAccount(<its email>)`, are one member. A member that
 * is a reference of some other construct is identified by the construct's stack-relative path.
 */
export function memberKey(principal: IPrincipal): string {
  const own = KEYS.get(principal);
  if (own !== undefined) return own;
  const member = principal.member;
  if (isUnresolved(member) && Construct.isConstruct(principal)) {
    return `construct:${stackRelativePath(principal)}`;
  }
  return normalizeMember(member);
}
