import type { AccessBinding, StackModel } from '../../analysis/model';
import type { SynthesizedGrant } from '../grant-query';

/** A grant, and the texts a query's `member` and `role` may be compared with. */
export interface GrantEntry {
  readonly grant: SynthesizedGrant;
  /** The normalized member, and the member as written (a reference, for in-stack identities). */
  readonly members: readonly string[];
  /** The role as resolved, and as written (a custom role's `name` reference). */
  readonly roles: readonly string[];
}

/** `<azurerm_key_vault:orders/westeurope/kv>.id`: how the model shows a value known only after apply. */
const DESCRIBED_REFERENCE = /<[a-z0-9_]+:([^>]*)>(\.[a-z0-9_]+)?/g;

/**
 * Every access grant of a synthesized stack, read by the synthesized-Terraform model
 * (`analyzeStack`, the one the guardrails read): Google `*_iam_member`, each member of
 * `*_iam_binding` and `*_iam_policy`, and `azurerm_role_assignment`.
 */
export function synthesizedGrants(model: StackModel): GrantEntry[] {
  return model.bindings.map((binding) => ({
    grant: {
      address: binding.address,
      resourceType: binding.resource.type,
      role: binding.role,
      member: binding.member,
      memberText: binding.memberText,
      target: binding.target.id,
      targetNames: namesOf(binding.target.id),
      conditionTitle: binding.condition?.title,
      conditionExpression: binding.condition?.expression,
      path: binding.path,
    },
    members: [binding.member, binding.memberText],
    roles: [binding.role, roleAsWritten(binding)].filter((r): r is string => r !== undefined),
  }));
}

/**
 * The names a query's `target` matches: the whole target, its last `/`-separated part (a
 * service, bucket, secret or endpoint id, or the vault of a reference shown as
 * `<azurerm_key_vault:group/region/name>.id`), and for a service account its account id.
 */
function namesOf(target: string): string[] {
  const last = target.replace(DESCRIBED_REFERENCE, '$1').split('/').pop() ?? target;
  const accountId = /^([a-z][a-z0-9-]*)@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.exec(last)?.[1];
  return [...new Set([target, last, ...(accountId ? [accountId] : [])])];
}

function roleAsWritten(binding: AccessBinding): string | undefined {
  const role = binding.resource.body.role;
  return typeof role === 'string' ? role : undefined;
}
