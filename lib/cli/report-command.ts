import { resolve } from 'path';
import { reportJson } from '../report/formats/report-json';
import { reportMarkdown } from '../report/formats/report-markdown';
import { AccessReader } from './access-reader';
import { parseArgs } from './args';
import type { Command } from './command';
import { EXIT_OK, UsageError } from './io';

/** `report [dir] [--format markdown|json]`: every grant of every stack, grouped by principal. */
export const reportCommand: Command = {
  name: 'report',
  usage: 'report [dir] [--format markdown|json]',
  summary:
    'List every grant of the synthesized stacks by principal, with permission counts and flags (default folder: cdktf.out).',
  run(argv, io) {
    const args = parseArgs(argv, { options: { format: ['markdown', 'json'] } });
    if (args.positionals.length > 1) {
      throw new UsageError(`takes one folder (got ${args.positionals.length} arguments).`);
    }
    const dir = resolve(io.cwd, args.positionals[0] ?? 'cdktf.out');
    const snapshot = new AccessReader().snapshot(dir);
    io.out(
      args.options.format === 'json'
        ? JSON.stringify(reportJson(snapshot), null, 2) + '\n'
        : reportMarkdown(snapshot),
    );
    return EXIT_OK;
  },
};
