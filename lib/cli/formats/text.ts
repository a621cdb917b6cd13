import { plural } from '../../core/private/plural';
import { countText, type CheckReport } from './report-input';

/** Plain text for terminals and CI logs: one block per finding, then a summary line. */
export function formatText({ stacks, findings }: CheckReport): string {
  const lines: string[] = [];
  for (const f of findings) {
    const level = f.acknowledged ? 'ACKNOWLEDGED' : f.severity.toUpperCase();
    lines.push(`${level} [${f.rule}] ${f.stack}: ${f.address}${f.path ? ` (${f.path})` : ''}`);
    lines.push(`  ${f.message}`);
    lines.push(f.acknowledged ? `  Reason: ${f.reason}` : `  Fix: ${f.fix}`);
  }
  const summary =
    findings.length === 0
      ? `No findings in ${plural(stacks.length, 'stack')}.`
      : `${countText(findings)} in ${plural(stacks.length, 'stack')}.`;
  lines.push(summary);
  return lines.join('\n') + '\n';
}
