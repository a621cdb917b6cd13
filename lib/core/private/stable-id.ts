import { hash } from 'crypto';
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { isUnresolved } from './validate';

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
 * service account's `member` hashes to the same id in every synth. Construct paths in `parts`
 * must be stack-relative ({@link stackRelativePath}), so that renaming the stack changes no id.
 */
export function stableId(scope: IConstruct, prefix: string, parts: unknown[]): string {
  const text = JSON.stringify(parts);
  const key = isUnresolved(text) ? JSON.stringify(resolveTokens(scope, parts)) : text;
  return `${prefix}-${shortHash(key, HASH_LENGTH)}`;
}

/**
 * The first `length` hex digits of the SHA-256 of `text`. The one-shot `crypto.hash` (Node
 * 20.12+, within the supported engines) gives the same digest as `createHash` at less than half
 * the cost, which counts at one hash per binding.
 */
export function shortHash(text: string, length: number): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

/** Replaces tokens by the Terraform expressions they stand for. */
function resolveTokens(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, {
    scope: TerraformStack.of(scope),
    preparing: true,
    resolver: RESOLVER,
  });
}

/** Resolved texts per stack: each token string is resolved at most once. */
const RESOLVED = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * The Terraform text a string with tokens stands for, e.g.
 * `principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*`.
 * Literal strings are returned as they are; resolved texts are remembered per stack.
 */
export function resolvedText(scope: IConstruct, value: string): string {
  if (!isUnresolved(value)) return value;
  const stack = TerraformStack.of(scope);
  let known = RESOLVED.get(stack);
  if (!known) RESOLVED.set(stack, (known = new Map()));
  let text = known.get(value);
  if (text === undefined) {
    const resolved = resolveTokens(scope, value);
    text = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    known.set(value, text);
  }
  return text;
}

/**
 * The construct's path below its stack (`api/Identity`, not `prod/api/Identity`). cdktf's own
 * logical ids are stack-relative; everything the library derives from a path (binding keys,
 * custom role ids, descriptions) uses this, so renaming a stack changes no resource.
 */
export function stackRelativePath(construct: IConstruct): string {
  const stackPath = TerraformStack.of(construct).node.path;
  const path = construct.node.path;
  if (path === stackPath) return '';
  return stackPath === '' ? path : path.slice(stackPath.length + 1);
}

/**
 * The short name of a role for readable construct ids: `roles/run.servicesInvoker` →
 * `run.servicesInvoker`. A role given by reference (a custom role's `name`) is `custom-role`:
 * the text of a token changes with creation order and must never reach a construct id.
 */
export function roleShortName(role: string): string {
  if (isUnresolved(role)) return 'custom-role';
  const name = role.slice(role.lastIndexOf('/') + 1);
  return name.replace(/[^A-Za-z0-9.-]/g, '-');
}
