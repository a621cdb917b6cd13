import { plural } from '../../core/private/plural';
import type { AccessSnapshot, GrantEntry } from '../access-entries';
import { code, table } from '../private/markdown';
import { auditCells, grantCells, ignoredText, trustCells } from './cells';

/** The columns of each principal's table (one constant: `table` makes its header lines once). */
const GRANT_HEADER = ['Role', 'Permissions', 'Target', 'Condition', 'Flags', 'Where'];

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
    out.push('', `#### ${code(principal)}`, '', ...table(GRANT_HEADER, list.map(grantCells)));
  }
  if (trusts.length > 0) {
    out.push(
      '',
      '#### Federation trusts',
      '',
      ...table(['Trust', 'Terms', 'Where'], trusts.map(trustCells)),
    );
  }
  if (auditLogs.length > 0) {
    out.push(
      '',
      '#### Audit logs',
      '',
      ...table(['Target', 'Service', 'Log types', 'Where'], auditLogs.map(auditCells)),
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
