import type { AccessSnapshot, GrantEntry } from '../access-entries';
import { trustTerms } from '../escalations';
import { code, plural, table } from '../private/markdown';
import {
  conditionText,
  flagsText,
  ignoredText,
  logTypesText,
  permissionsText,
  whereText,
} from './cells';

/**
 * The report in Markdown, for a pull-request comment or a job summary: a one-line summary, one
 * table per principal ("who can do what"), then the federation trusts and audit logs.
 */
export function reportMarkdown(snapshot: AccessSnapshot): string {
  const { grants, trusts, auditLogs, stacks } = snapshot;
  const byPrincipal = groupByPrincipal(grants);
  const out = [
    `**Access report**: ${plural(grants.length, 'grant')} to ${plural(byPrincipal.size, 'principal')} in ${plural(stacks.length, 'stack')}` +
      `${flaggedSummary(grants)}.`,
  ];
  for (const [principal, list] of byPrincipal) {
    out.push(
      '',
      `#### ${code(principal)}`,
      '',
      ...table(
        ['Role', 'Permissions', 'Target', 'Condition', 'Flags', 'Where'],
        list.map((g) => [
          code(g.role),
          permissionsText(g.permissions),
          code(g.target),
          conditionText(g.condition),
          flagsText(g.flags),
          whereText(g),
        ]),
      ),
    );
  }
  if (trusts.length > 0) {
    out.push(
      '',
      '#### Federation trusts',
      '',
      ...table(
        ['Trust', 'Terms', 'Where'],
        trusts.map((t) => [code(`${t.kind} ${t.name}`), trustTerms(t), whereText(t)]),
      ),
    );
  }
  if (auditLogs.length > 0) {
    out.push(
      '',
      '#### Audit logs',
      '',
      ...table(
        ['Target', 'Service', 'Log types', 'Where'],
        auditLogs.map((a) => [code(a.target), code(a.service), logTypesText(a), whereText(a)]),
      ),
    );
  }
  const ignored = ignoredText(snapshot.ignored);
  if (ignored) out.push('', ignored);
  return out.join('\n') + '\n';
}

/** Grants by principal, in the (sorted) order of `grants`. */
function groupByPrincipal(grants: readonly GrantEntry[]): Map<string, GrantEntry[]> {
  const groups = new Map<string, GrantEntry[]>();
  for (const g of grants) {
    const list = groups.get(g.principal);
    if (list) list.push(g);
    else groups.set(g.principal, [g]);
  }
  return groups;
}

/** `; flagged: 2 impersonation, 1 public`, or nothing. */
function flaggedSummary(grants: readonly GrantEntry[]): string {
  const counts = new Map<string, number>();
  for (const g of grants) for (const f of g.flags) counts.set(f, (counts.get(f) ?? 0) + 1);
  if (counts.size === 0) return '';
  const parts = [...counts].map(([flag, n]) => `${n} ${flag}`);
  return `; flagged: ${parts.join(', ')}`;
}
