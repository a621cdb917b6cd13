import { resolve } from 'path';
import { readSynthOutput } from '../analysis/read-synth-output';
import { evaluate } from '../rules/engine';
import { failsAt } from '../rules/finding';
import type { RuleSeverity } from '../rules/rule';
import { parseArgs } from './args';
import type { Command } from './command';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import type { CheckReport } from './formats/report-input';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { EXIT_FINDINGS, EXIT_OK } from './io';

const FORMATS: Record<string, (report: CheckReport) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

/** `check [dir-or-files...] [--format ...] [--fail-on ...]`: the rule pack over synthesized stacks. */
export const checkCommand: Command = {
  name: 'check',
  usage:
    'check [dir-or-files...] [--format text|json|sarif|markdown] [--fail-on error|warning|never]',
  summary: 'Run the guardrail rules on synthesized stacks (default folder: cdktf.out).',
  run(argv, io) {
    const args = parseArgs(argv, {
      options: { format: Object.keys(FORMATS), 'fail-on': ['error', 'warning', 'never'] },
    });
    const paths = args.positionals.length > 0 ? args.positionals : ['cdktf.out'];
    const stacks = readSynthOutput(paths.map((p) => resolvePath(p, io.cwd)));
    const findings = stacks.flatMap((model) => evaluate(model));
    const format = FORMATS[args.options.format ?? 'text'];
    io.out(format({ stacks, findings, io }));
    const failOn = (args.options['fail-on'] ?? 'error') as RuleSeverity | 'never';
    return findings.some((f) => failsAt(f, failOn)) ? EXIT_FINDINGS : EXIT_OK;
  },
};

function resolvePath(path: string, cwd: string): string {
  return resolve(cwd, path);
}
