import type { CliIo } from './io';

/** One subcommand of `cdktf-guardrails` (check now; report and diff build on the same model). */
export interface Command {
  readonly name: string;
  /** The synopsis after the program name. */
  readonly usage: string;
  /** One line for the help. */
  readonly summary: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(argv: readonly string[], io: CliIo): number;
}
