import type { AccessSnapshot, GrantEntry } from '../access-entries';
import { trustTerms } from '../escalations';
import { permissionCount } from '../private/permission-count';
import { logTypesText } from './cells';

/**
 * A stable, token-free text of the access in a snapshot, for snapshot tests: one line per
 * grant under its principal, then the federation trusts and audit logs. It leaves out resource
 * addresses, construct paths and stacks, so it changes only when access changes, never when a
 * construct is renamed or created in another order.
 */
export function accessText(snapshot: AccessSnapshot): string {
  const lines: string[] = [];
  let principal: string | undefined;
  for (const g of snapshot.grants) {
    if (g.principal !== principal) {
      principal = g.principal;
      lines.push(principal);
    }
    lines.push(`  ${grantLine(g)}`);
  }
  if (snapshot.grants.length === 0) lines.push('(no grants)');
  if (snapshot.trusts.length > 0) {
    lines.push('federation trusts');
    lines.push(...snapshot.trusts.map((t) => `  ${t.kind} ${t.name}: ${trustTerms(t)}`));
  }
  if (snapshot.auditLogs.length > 0) {
    lines.push('audit logs');
    lines.push(...snapshot.auditLogs.map((a) => `  ${a.target} ${a.service}: ${logTypesText(a)}`));
  }
  return lines.join('\n') + '\n';
}

/** `roles/x (5 permissions) on <target> if 'title': <expression> [flags]`. */
function grantLine(g: GrantEntry): string {
  const permissions = permissionCount(g.permissions);
  const condition = g.condition
    ? ` if ${g.condition.title ? `'${g.condition.title}': ` : ''}${g.condition.expression}`
    : '';
  const flags = g.flags.length > 0 ? ` [${g.flags.join(', ')}]` : '';
  return `${g.role} (${permissions}) on ${g.target}${condition}${flags}`;
}
