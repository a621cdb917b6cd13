import { StackInputError } from '../analysis/analyze';
import { checkCommand } from './check-command';
import type { Command } from './command';
import { diffCommand } from './diff-command';
import { CliIo, EXIT_BAD_INPUT, EXIT_OK, UsageError } from './io';
import { reportCommand } from './report-command';

/** The subcommands, by name. */
const COMMANDS: readonly Command[] = [checkCommand, reportCommand, diffCommand];

/**
 * Runs the `cdktf-guardrails` command line: dispatches to a subcommand and turns every
 * failure into a message and an exit code (2 for bad input or usage), never a stack trace.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`cdktf-guardrails: unknown command '${name}'.\n\n${help()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: cdktf-guardrails ${command.usage}\n\n${command.summary}\n`);
    return EXIT_OK;
  }
  try {
    return command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        `cdktf-guardrails ${command.name}: ${e.message}\nUsage: cdktf-guardrails ${command.usage}\n`,
      );
    } else if (e instanceof StackInputError) {
      io.err(`cdktf-guardrails ${command.name}: ${e.message}\n`);
    } else {
      io.err(
        `cdktf-guardrails ${command.name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
      );
    }
    return EXIT_BAD_INPUT;
  }
}

function help(): string {
  return [
    'Usage: cdktf-guardrails <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Exit codes: 0 clean, 1 findings at or above --fail-on (check) or an escalation with --fail-on-escalation (diff), 2 bad input.',
    '',
  ].join('\n');
}
