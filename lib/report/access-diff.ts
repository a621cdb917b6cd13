import type { AccessSnapshot, AuditEntry, GrantEntry, TrustEntry } from './access-entries';
import { compareAuditLogs, compareGrants, compareTrusts } from './access-snapshot';
import { Escalation, escalationsOf } from './escalations';
import { sortBy } from './private/order';

/** One thing that exists in both base and head, with a difference that matters. */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

/** What was added, removed and changed, for one kind of entry. */
export interface EntryChanges<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: ReadonlyArray<Change<T>>;
}

/** The access difference between two sets of synthesized stacks (base: before, head: after). */
export interface AccessDiff {
  readonly base: AccessSnapshot;
  readonly head: AccessSnapshot;
  readonly stacksAdded: readonly string[];
  readonly stacksRemoved: readonly string[];
  readonly grants: EntryChanges<GrantEntry>;
  readonly trusts: EntryChanges<TrustEntry>;
  readonly auditLogs: EntryChanges<AuditEntry>;
  readonly escalations: readonly Escalation[];
}

/**
 * Compares the access of two sets of stacks. Grants are matched by what they grant (principal,
 * role, target, condition expression), never by resource address or stack, so renaming a
 * construct or a stack, or moving a grant to another stack, is no change. An unmatched removed
 * and added grant of one principal on one target is a change of role or condition. A matched
 * grant whose custom role or flags differ is changed too. Trusts are matched by their identity
 * (pool and provider ids, credential name and identity), audit configs by target and service.
 * Linear: each side is indexed once by key.
 */
export function diffAccess(base: AccessSnapshot, head: AccessSnapshot): AccessDiff {
  const grants = pairChanges(
    sorted(matchByKey(base.grants, head.grants, grantKey, grantDiffers), compareGrants),
    (g) => `${g.principal}\n${g.target}`,
  );
  const trusts = sorted(
    matchByKey(base.trusts, head.trusts, trustKey, trustDiffers),
    compareTrusts,
  );
  const auditLogs = sorted(
    matchByKey(base.auditLogs, head.auditLogs, auditKey, auditDiffers),
    compareAuditLogs,
  );
  const baseStacks = new Set(base.stacks);
  const headStacks = new Set(head.stacks);
  const diff = {
    base,
    head,
    stacksAdded: head.stacks.filter((s) => !baseStacks.has(s)),
    stacksRemoved: base.stacks.filter((s) => !headStacks.has(s)),
    grants,
    trusts,
    auditLogs,
  };
  return { ...diff, escalations: escalationsOf(diff) };
}

/** What a grant grants: the same for the same access whatever its address or stack. */
function grantKey(g: GrantEntry): string {
  return `${g.principal}\n${g.role}\n${g.target}\n${g.condition?.expression ?? ''}`;
}

function grantDiffers(a: GrantEntry, b: GrantEntry): boolean {
  return (
    a.permissions !== b.permissions ||
    !sameTexts(a.customPermissions ?? [], b.customPermissions ?? []) ||
    !sameTexts(a.flags, b.flags)
  );
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

function trustKey(t: TrustEntry): string {
  return [t.cloud, t.kind, t.name].join('\n');
}

function trustDiffers(a: TrustEntry, b: TrustEntry): boolean {
  return (
    a.issuer !== b.issuer ||
    a.condition !== b.condition ||
    a.subject !== b.subject ||
    a.audiences.join('\n') !== b.audiences.join('\n')
  );
}

function auditKey(a: AuditEntry): string {
  return `${a.target}\n${a.service}`;
}

function auditDiffers(a: AuditEntry, b: AuditEntry): boolean {
  return JSON.stringify(a.logTypes) !== JSON.stringify(b.logTypes);
}

/** The changes in a stable order whatever the order of the snapshots: changes by their head side, then base side. */
function sorted<T>(changes: EntryChanges<T>, compare: (a: T, b: T) => number): EntryChanges<T> {
  return {
    added: sortBy(changes.added, compare),
    removed: sortBy(changes.removed, compare),
    changed: sortBy(changes.changed, (a, b) => compare(a.to, b.to) || compare(a.from, b.from)),
  };
}

/**
 * Entries of `head` without an equal-keyed entry of `base` are added, the reverse removed;
 * matched pairs that `differs` are changed. Duplicates (one grant written in two stacks) are
 * matched one for one, in the order of the inputs.
 */
function matchByKey<T>(
  base: readonly T[],
  head: readonly T[],
  key: (entry: T) => string,
  differs: (a: T, b: T) => boolean,
): EntryChanges<T> {
  const unmatched = new Map<string, T[]>();
  for (const entry of base) {
    const k = key(entry);
    const list = unmatched.get(k);
    if (list) list.push(entry);
    else unmatched.set(k, [entry]);
  }
  const added: T[] = [];
  const changed: Array<Change<T>> = [];
  const matched = new Set<T>();
  for (const entry of head) {
    const from = unmatched.get(key(entry))?.shift();
    if (from === undefined) {
      added.push(entry);
      continue;
    }
    matched.add(from);
    if (differs(from, entry)) changed.push({ from, to: entry });
  }
  const removed = base.filter((entry) => !matched.has(entry));
  return { added, removed, changed };
}

/**
 * Pairs a removed and an added grant of the same principal on the same target (`pairKey`) into
 * one change of role or condition, so "objectViewer became objectAdmin on bucket b" reads as one
 * line and can be judged as a wider role.
 */
function pairChanges(
  changes: EntryChanges<GrantEntry>,
  pairKey: (g: GrantEntry) => string,
): EntryChanges<GrantEntry> {
  const removedByPair = new Map<string, GrantEntry[]>();
  for (const g of changes.removed) {
    const k = pairKey(g);
    const list = removedByPair.get(k);
    if (list) list.push(g);
    else removedByPair.set(k, [g]);
  }
  const paired = new Set<GrantEntry>();
  const added: GrantEntry[] = [];
  const changed = [...changes.changed];
  for (const g of changes.added) {
    const from = removedByPair.get(pairKey(g))?.shift();
    if (from === undefined) {
      added.push(g);
      continue;
    }
    paired.add(from);
    changed.push({ from, to: g });
  }
  return sorted(
    { added, removed: changes.removed.filter((g) => !paired.has(g)), changed },
    compareGrants,
  );
}
