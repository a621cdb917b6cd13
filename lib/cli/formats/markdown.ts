import { plural } from '../../core/private/plural';
import { code, resourceText, table } from '../../report/private/markdown';
import { countText, type CheckReport } from './report-input';

/** Markdown for a pull-request comment: a one-line summary, open findings, then acknowledged ones. */
export function formatMarkdown({ stacks, findings }: CheckReport): string {
  if (findings.length === 0) {
    return `**cdktf-guardrails**: no findings in ${plural(stacks.length, 'stack')}.\n`;
  }
  const open = findings.filter((f) => !f.acknowledged);
  const acknowledged = findings.filter((f) => f.acknowledged);
  const out = [`**cdktf-guardrails**: ${countText(findings)}.`, ''];
  if (open.length > 0) {
    out.push(
      ...table(
        ['Severity', 'Rule', 'Stack', 'Resource', 'Finding', 'Fix'],
        open.map((f) => [f.severity, code(f.rule), f.stack, resourceText(f), f.message, f.fix]),
      ),
    );
    out.push('');
  }
  if (acknowledged.length > 0) {
    out.push(
      'Acknowledged:',
      '',
      ...table(
        ['Rule', 'Stack', 'Resource', 'Reason'],
        acknowledged.map((f) => [code(f.rule), f.stack, resourceText(f), f.reason ?? '']),
      ),
    );
    out.push('');
  }
  return out.join('\n');
}
