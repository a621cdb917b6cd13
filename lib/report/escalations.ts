import type { AccessDiff, Change } from './access-diff';
import type { AccessFlag, AuditEntry, GrantEntry, TrustEntry } from './access-entries';
import { permissionCount } from './private/permission-count';

/**
 * The changes a reviewer must not miss (DESIGN.md section 9):
 * - `public-access`: a new grant to anyone on the internet;
 * - `impersonation`: a new grant that can act as a service account or mint its tokens;
 * - `wider-role`: a principal's role on a target replaced by one with more permissions (or a
 *   custom role that gained permissions, or a role of unknown size replacing a known one);
 * - `condition-removed`: a grant that lost its IAM condition, so it covers the whole target;
 * - `project-wide`: a new grant on a project or wider (Azure: resource group or wider);
 * - `federation-trust`: a new workload identity provider or federated credential;
 * - `federation-condition`: a trust whose condition, issuer, audiences or subject changed;
 * - `audit-logs`: audit logs turned off, a log type dropped, or members exempted.
 */
export type EscalationKind =
  | 'public-access'
  | 'impersonation'
  | 'wider-role'
  | 'condition-removed'
  | 'project-wide'
  | 'federation-trust'
  | 'federation-condition'
  | 'audit-logs';

/** One escalation, with the entry it is about (the head side of a change). */
export interface Escalation {
  readonly kind: EscalationKind;
  readonly message: string;
  readonly grant?: GrantEntry;
  readonly trust?: TrustEntry;
  readonly auditLog?: AuditEntry;
}

/** The escalations among a diff's changes, in the order of the diff's lists. */
export function escalationsOf(diff: Omit<AccessDiff, 'escalations'>): Escalation[] {
  const out: Escalation[] = [];
  for (const g of diff.grants.added) out.push(...newGrantEscalations(g, []));
  for (const c of diff.grants.changed) out.push(...changedGrantEscalations(c));
  for (const t of diff.trusts.added) {
    out.push({
      kind: 'federation-trust',
      message: `New federation trust ${trustName(t)}: ${trustTerms(t)}.`,
      trust: t,
    });
  }
  for (const { from, to } of diff.trusts.changed) {
    out.push({
      kind: 'federation-condition',
      message: `Federation trust ${trustName(to)} changes: ${trustTerms(from)} -> ${trustTerms(to)}.`,
      trust: to,
    });
  }
  for (const a of diff.auditLogs.removed) {
    out.push({
      kind: 'audit-logs',
      message: `Audit logs of ${a.service} on ${a.target} are turned off (${logTypes(a)} no longer configured).`,
      auditLog: a,
    });
  }
  for (const c of diff.auditLogs.changed) {
    const narrowed = auditNarrowing(c);
    if (narrowed) {
      out.push({
        kind: 'audit-logs',
        message: `Audit logs of ${c.to.service} on ${c.to.target} are narrowed: ${narrowed}.`,
        auditLog: c.to,
      });
    }
  }
  return out;
}

/** Escalations of a grant that is new, or of the flags a changed grant newly has. */
function newGrantEscalations(g: GrantEntry, hadFlags: readonly AccessFlag[]): Escalation[] {
  const out: Escalation[] = [];
  const has = (flag: AccessFlag) => g.flags.includes(flag) && !hadFlags.includes(flag);
  const what = `${g.principal} gets ${g.role} on ${g.target}`;
  if (has('public')) {
    out.push({ kind: 'public-access', message: `${what}: anyone on the internet.`, grant: g });
  }
  if (has('impersonation')) {
    out.push({
      kind: 'impersonation',
      message: `${what}: can act as a service account or mint its tokens.`,
      grant: g,
    });
  }
  if (has('project-wide')) {
    out.push({
      kind: 'project-wide',
      message: `${what}: it reaches every resource of the ${g.level}.`,
      grant: g,
    });
  }
  return out;
}

function changedGrantEscalations({ from, to }: Change<GrantEntry>): Escalation[] {
  const out = newGrantEscalations(to, from.flags);
  if (isWider(from, to)) {
    out.push({
      kind: 'wider-role',
      message: `${to.principal} on ${to.target}: ${from.role} (${permissionCount(from.permissions)}) becomes ${to.role} (${permissionCount(to.permissions)}).`,
      grant: to,
    });
  }
  if (from.condition && !to.condition) {
    out.push({
      kind: 'condition-removed',
      message: `${to.principal} gets ${to.role} on ${to.target} without the condition '${from.condition.title ?? from.condition.expression}': the whole target.`,
      grant: to,
    });
  }
  return out;
}

/** More permissions, or an unknown number where the base's was known. */
function isWider(from: GrantEntry, to: GrantEntry): boolean {
  if (from.permissions === undefined) return false;
  if (to.permissions === undefined) return true;
  if (to.permissions > from.permissions) return true;
  // A custom role that swapped permissions for as many others still grants something new.
  const before = new Set(from.customPermissions ?? []);
  return (to.customPermissions ?? []).some((p) => !before.has(p)) && from.role === to.role;
}

function trustName(t: TrustEntry): string {
  return `${t.kind} ${t.name}`;
}

/** Who a trust lets in, in one line. */
export function trustTerms(t: TrustEntry): string {
  const parts = [
    t.issuer ? `issuer ${t.issuer}` : undefined,
    t.audiences.length > 0 ? `audiences ${t.audiences.join(', ')}` : undefined,
    t.cloud === 'google' ? `condition ${t.condition ?? '(none)'}` : undefined,
    t.subject !== undefined ? `subject ${t.subject}` : undefined,
  ];
  return parts.filter((p) => p !== undefined).join('; ');
}

function logTypes(a: AuditEntry): string {
  return a.logTypes.map((l) => l.logType).join(', ') || 'no log type';
}

/** What an audit config lost: log types no longer on, members newly exempted. */
function auditNarrowing({ from, to }: Change<AuditEntry>): string | undefined {
  const after = new Map(to.logTypes.map((l) => [l.logType, l.exemptedMembers]));
  const parts: string[] = [];
  for (const l of from.logTypes) {
    const exempted = after.get(l.logType);
    if (exempted === undefined) {
      parts.push(`${l.logType} no longer logged`);
      continue;
    }
    const before = new Set(l.exemptedMembers);
    const newly = exempted.filter((m) => !before.has(m));
    if (newly.length > 0) parts.push(`${l.logType} exempts ${newly.join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}
