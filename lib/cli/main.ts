#!/usr/bin/env node
// The `cdktf-guardrails` command (package.json `bin`). Everything is in run-cli.ts, which
// tests call in-process; this file only connects it to the process.
import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
