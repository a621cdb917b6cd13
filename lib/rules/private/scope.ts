import type { AccessBinding, TargetLevel } from '../../analysis/model';

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
