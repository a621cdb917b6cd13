import type { StackModel } from '../analysis/model';
import type {
  AccessSnapshot,
  AuditEntry,
  GrantEntry,
  IgnoredResources,
  TrustEntry,
} from './access-entries';
import { compareText } from './private/order';
import { StackAccess, stackAccess } from './private/stack-access';

/** Compares what two grants grant: principal, role, target and condition, whatever their address or stack. */
export function compareGrantKeys(a: GrantEntry, b: GrantEntry): number {
  return (
    compareText(a.principal, b.principal) ||
    compareText(a.role, b.role) ||
    compareText(a.target, b.target) ||
    compareText(a.condition?.expression ?? '', b.condition?.expression ?? '')
  );
}

/** The order of grants: what a reader looks for first (who, what, on what, under which condition), then where. */
export function compareGrants(a: GrantEntry, b: GrantEntry): number {
  return (
    compareGrantKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

/** Compares the identities of two federation trusts. */
export function compareTrustKeys(a: TrustEntry, b: TrustEntry): number {
  return (
    compareText(a.cloud, b.cloud) || compareText(a.kind, b.kind) || compareText(a.name, b.name)
  );
}

/** The order of federation trusts. */
export function compareTrusts(a: TrustEntry, b: TrustEntry): number {
  return (
    compareTrustKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

/** Compares what two audit log configurations configure: their target and service. */
export function compareAuditLogKeys(a: AuditEntry, b: AuditEntry): number {
  return compareText(a.target, b.target) || compareText(a.service, b.service);
}

/** The order of audit log configurations. */
export function compareAuditLogs(a: AuditEntry, b: AuditEntry): number {
  return (
    compareAuditLogKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

/** Options of `accessSnapshot`. */
export interface SnapshotOptions {
  /**
   * Sort the grants, trusts and audit configs. A diff leaves them unsorted and sorts only what
   * changed: sorting thousands of grants twice costs as much as reading them.
   * @default true
   */
  readonly sorted?: boolean;
}

/**
 * Every grant, federation trust and audit log configuration of `models`, readable, sorted
 * unless asked otherwise. Linear in the number of resources (one pass over each stack's
 * bindings, trusts and audit configs), then one sort.
 */
export function accessSnapshot(
  models: readonly StackModel[],
  options: SnapshotOptions = {},
): AccessSnapshot {
  return mergeAccess(models.map(stackAccess), options);
}

/** The snapshot of stacks whose entries were made one stack at a time (`stackAccess`). */
export function mergeAccess(
  stacks: readonly StackAccess[],
  options: SnapshotOptions = {},
): AccessSnapshot {
  // Concatenated by the builtin: a JS loop over every grant of a 10,000-resource stack is one
  // more function for V8 to compile while the command runs (DESIGN.md section 6).
  const grants = ([] as GrantEntry[]).concat(...stacks.map((s) => s.grants));
  const trusts = ([] as TrustEntry[]).concat(...stacks.map((s) => s.trusts));
  const auditLogs = ([] as AuditEntry[]).concat(...stacks.map((s) => s.auditLogs));
  const ignoredTypes = new Set(stacks.flatMap((s) => [...s.ignoredTypes]));
  const ignored = stacks.reduce((count, s) => count + s.ignored, 0);
  const sorted = options.sorted ?? true;
  return {
    stacks: stacks.map((s) => s.stack).sort(compareText),
    grants: sorted ? grants.sort(compareGrants) : grants,
    trusts: sorted ? trusts.sort(compareTrusts) : trusts,
    auditLogs: sorted ? auditLogs.sort(compareAuditLogs) : auditLogs,
    ignored: { count: ignored, types: [...ignoredTypes].sort(compareText) } as IgnoredResources,
  };
}
