import type { AccessBinding, StackModel, TargetLevel } from '../../analysis/model';
import type { RuleFinding } from '../rule';

/** Levels at which a Google grant reaches every resource of a project or more. */
const PROJECT_OR_WIDER: ReadonlySet<TargetLevel> = new Set([
  'project',
  'folder',
  'organization',
  'billing-account',
]);

/** True when the binding is on a project, folder, organization or billing account. */
export function isProjectOrWider(binding: AccessBinding): boolean {
  return PROJECT_OR_WIDER.has(binding.target.level);
}

/** `on project acme-prod` / `on google_storage_bucket acme-uploads`, for messages. */
export function describeTarget(binding: AccessBinding): string {
  const kind = binding.target.level === 'resource' ? binding.target.type : binding.target.level;
  return `on ${kind} ${binding.target.id}`;
}

/** `grants roles/x to member on target`, the common start of binding messages. */
export function describeGrant(binding: AccessBinding): string {
  return `grants ${binding.role} to ${binding.member} ${describeTarget(binding)}`;
}

const GOOGLE_BINDINGS = new WeakMap<readonly AccessBinding[], AccessBinding[]>();

/** Google bindings only (filtered once per model: a dozen rules ask). */
export function googleBindings(bindings: readonly AccessBinding[]): AccessBinding[] {
  let google = GOOGLE_BINDINGS.get(bindings);
  if (!google) {
    google = bindings.filter((b) => b.cloud === 'google');
    GOOGLE_BINDINGS.set(bindings, google);
  }
  return google;
}

/**
 * The findings of a rule on Google grants: each binding `matches` picks, reported on its
 * resource as `grants <role> to <member> on <target>: <consequence>`, in the model's order.
 * `consequence` is the text after the colon, or makes it from the binding.
 */
export function grantFindings(
  model: StackModel,
  matches: (binding: AccessBinding) => boolean,
  consequence: string | ((binding: AccessBinding) => string),
): RuleFinding[] {
  return googleBindings(model.bindings)
    .filter(matches)
    .map((b) => ({
      resource: b.resource,
      message: `${describeGrant(b)}: ${typeof consequence === 'string' ? consequence : consequence(b)}`,
    }));
}
