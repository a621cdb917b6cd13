import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../lib/cli/run-cli';

const ROOT = join(__dirname, '..', '..');

/** Runs the command line in-process and returns its exit code and output. */
export function cli(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

/** Runs `cdktf-guardrails` from source in a child process, as a user's shell would. */
export function cliProcess(
  args: string[],
  cwd: string,
): { code: number; out: string; err: string } {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), join(ROOT, 'lib', 'cli', 'main.ts'), ...args],
    { cwd, encoding: 'utf8' },
  );
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

/** A temporary folder with `files` (path → content) written into it. */
export function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
