import type { StackModel } from '../../analysis/model';
import { plural } from '../../core/private/plural';
import type { Finding } from '../../rules/finding';
import type { CliIo } from '../io';

/** What every output format of `check` is given. */
export interface CheckReport {
  readonly stacks: readonly StackModel[];
  readonly findings: readonly Finding[];
  readonly io: CliIo;
}

/** `2 errors, 1 warning, 1 acknowledged`, for summaries. */
export function countText(findings: readonly Finding[]): string {
  const open = findings.filter((f) => !f.acknowledged);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.length - errors;
  const acknowledged = findings.length - open.length;
  return [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    `${acknowledged} acknowledged`,
  ].join(', ');
}
