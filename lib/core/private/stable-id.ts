import { createHash } from 'crypto';
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Length of the hash suffix of generated construct ids. 12 hex digits: collisions are negligible. */
const HASH_LENGTH = 12;

/**
 * A construct id derived from what a resource *is* (e.g. role + member + condition), not from
 * where it sits in a list. Reordering or adding list entries then leaves every existing
 * Terraform address unchanged, and the same input always maps to the same id, which is how
 * duplicates collapse into one resource.
 *
 * Tokens in `parts` are resolved to their Terraform expressions first, so a reference to a
 * service account's `member` hashes to the same id in every synth.
 */
export function stableId(scope: IConstruct, prefix: string, parts: unknown[]): string {
  const text = JSON.stringify(parts);
  const key = Token.isUnresolved(text) ? JSON.stringify(resolveTokens(scope, parts)) : text;
  const hash = createHash('sha256').update(key).digest('hex');
  return `${prefix}-${hash.slice(0, HASH_LENGTH)}`;
}

/** Replaces tokens by the Terraform expressions they stand for. */
function resolveTokens(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, {
    scope: TerraformStack.of(scope),
    preparing: true,
    resolver: RESOLVER,
  });
}

/**
 * What identifies a principal across synths. A member string that holds a token (e.g. the
 * `member` attribute of a service account) is identified by the construct that makes it,
 * which is cheaper than resolving the token and means the same thing.
 */
export function principalKey(principal: object, member: string): string {
  if (!Token.isUnresolved(member)) return member;
  return Construct.isConstruct(principal) ? `construct:${principal.node.path}` : member;
}

/**
 * The short name of a role for readable construct ids: `roles/run.servicesInvoker` →
 * `run.servicesInvoker`. A role given by reference (a custom role's `name`) is `custom-role`:
 * the text of a token changes with creation order and must never reach a construct id.
 */
export function roleShortName(role: string): string {
  if (Token.isUnresolved(role)) return 'custom-role';
  const name = role.slice(role.lastIndexOf('/') + 1);
  return name.replace(/[^A-Za-z0-9.-]/g, '-');
}
