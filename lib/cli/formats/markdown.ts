import type { Finding } from '../../rules/finding';
import { countText, type CheckReport } from './report-input';

/** Markdown for a pull-request comment: a one-line summary, open findings, then acknowledged ones. */
export function formatMarkdown({ stacks, findings }: CheckReport): string {
  if (findings.length === 0) {
    return `**cdktf-guardrails**: no findings in ${stacks.length} stack${stacks.length === 1 ? '' : 's'}.\n`;
  }
  const open = findings.filter((f) => !f.acknowledged);
  const acknowledged = findings.filter((f) => f.acknowledged);
  const out = [`**cdktf-guardrails**: ${countText(findings)}.`, ''];
  if (open.length > 0) {
    out.push('| Severity | Rule | Stack | Resource | Finding | Fix |', '|---|---|---|---|---|---|');
    out.push(
      ...open.map((f) => row([f.severity, code(f.rule), f.stack, resource(f), f.message, f.fix])),
    );
    out.push('');
  }
  if (acknowledged.length > 0) {
    out.push('Acknowledged:', '', '| Rule | Stack | Resource | Reason |', '|---|---|---|---|');
    out.push(...acknowledged.map((f) => row([code(f.rule), f.stack, resource(f), f.reason ?? ''])));
    out.push('');
  }
  return out.join('\n');
}

function resource(f: Finding): string {
  return `${code(f.address)}${f.path ? `<br>${code(f.path)}` : ''}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** A table row; pipes and newlines in cells would break the table. */
function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}
