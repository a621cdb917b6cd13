import type { AccessSnapshot, AuditEntry, GrantEntry, TrustEntry } from './access-entries';
import {
  compareAuditLogKeys,
  compareAuditLogs,
  compareGrantKeys,
  compareGrants,
  compareTrustKeys,
  compareTrusts,
} from './access-snapshot';
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
 * Each side is sorted once by what it grants and the two are walked together.
 */
export function diffAccess(base: AccessSnapshot, head: AccessSnapshot): AccessDiff {
  const grants = pairChanges(
    sorted(matchByKey(base.grants, head.grants, compareGrantKeys, grantDiffers), compareGrants),
    (g) => `${g.principal}\n${g.target}`,
  );
  const trusts = sorted(
    matchByKey(base.trusts, head.trusts, compareTrustKeys, trustDiffers),
    compareTrusts,
  );
  const auditLogs = sorted(
    matchByKey(base.auditLogs, head.auditLogs, compareAuditLogKeys, auditDiffers),
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

function trustDiffers(a: TrustEntry, b: TrustEntry): boolean {
  return (
    a.issuer !== b.issuer ||
    a.condition !== b.condition ||
    a.subject !== b.subject ||
    a.audiences.join('\n') !== b.audiences.join('\n')
  );
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
 * Entries of `head` without an entry of `base` with an equal key (`compareKey`) are added, the
 * reverse removed; matched pairs that `differs` are changed. Duplicates (one grant written in two
 * stacks) are matched one for one, in the order of the inputs. Both sides are sorted by key (a
 * stable sort, so duplicates keep their order) and walked together once.
 */
function matchByKey<T>(
  base: readonly T[],
  head: readonly T[],
  compareKey: (a: T, b: T) => number,
  differs: (a: T, b: T) => boolean,
): EntryChanges<T> {
  const baseByKey = sortBy(base, compareKey);
  const headByKey = sortBy(head, compareKey);
  /** The base entry each matched head entry was matched with. */
  const matches = new Map<T, T>();
  let i = 0;
  let j = 0;
  while (i < baseByKey.length && j < headByKey.length) {
    const order = compareKey(baseByKey[i], headByKey[j]);
    if (order < 0) i++;
    else if (order > 0) j++;
    else matches.set(headByKey[j++], baseByKey[i++]);
  }
  const added: T[] = [];
  const changed: Array<Change<T>> = [];
  for (const entry of head) {
    const from = matches.get(entry);
    if (from === undefined) added.push(entry);
    else if (differs(from, entry)) changed.push({ from, to: entry });
  }
  const matched = new Set(matches.values());
  return { added, removed: base.filter((entry) => !matched.has(entry)), changed };
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
