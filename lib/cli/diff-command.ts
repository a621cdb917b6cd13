import { resolve } from 'path';
import { plural } from '../core/private/plural';
import { diffAccess } from '../report/access-diff';
import { diffJson } from '../report/formats/diff-json';
import { diffMarkdown } from '../report/formats/diff-markdown';
import { AccessReader } from './access-reader';
import { parseArgs } from './args';
import type { Command } from './command';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './io';

/**
 * `diff <base-dir> <head-dir> [--format markdown|json] [--fail-on-escalation]`: the grants
 * added, removed and changed between two synth outputs, and the escalations among them.
 */
export const diffCommand: Command = {
  name: 'diff',
  usage: 'diff <base-dir> <head-dir> [--format markdown|json] [--fail-on-escalation]',
  summary:
    'Compare the access of two synth outputs (e.g. the base and head of a pull request); exit 1 with --fail-on-escalation when access escalates.',
  run(argv, io) {
    const args = parseArgs(argv, {
      options: { format: ['markdown', 'json'] },
      flags: ['fail-on-escalation'],
    });
    if (args.positionals.length !== 2) {
      throw new UsageError(
        `needs the base and the head folder (got ${plural(args.positionals.length, 'argument')}).`,
      );
    }
    // Unsorted: the diff sorts only what changed. One reader: a stack that did not change is
    // read once.
    const reader = new AccessReader();
    const [base, head] = args.positionals.map((p) =>
      reader.snapshot(resolve(io.cwd, p), { sorted: false }),
    );
    const diff = diffAccess(base, head);
    io.out(
      args.options.format === 'json'
        ? JSON.stringify(diffJson(diff), null, 2) + '\n'
        : diffMarkdown(diff),
    );
    return args.flags.has('fail-on-escalation') && diff.escalations.length > 0
      ? EXIT_FINDINGS
      : EXIT_OK;
  },
};
