// Every TypeScript snippet of the README runs here (scripts/readme-snippets.js writes them as
// files; `npm run typecheck` type-checks the same files). A plain ```ts snippet is a complete
// program and must synthesize; a ```ts jest snippet is a jest test file and its tests must pass.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeSnippets } = require('../../scripts/readme-snippets.js') as {
  writeSnippets(): Array<{ line: number; mode: string; code: string; file: string }>;
};

const snippets = writeSnippets();
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `f` with `test`/`it`/`describe` collecting the snippet's tests instead of nesting them. */
function collectTests(f: () => void): Array<{ name: string; body: () => unknown }> {
  const collected: Array<{ name: string; body: () => unknown }> = [];
  const globals = globalThis as Record<string, unknown>;
  const saved = { test: globals.test, it: globals.it, describe: globals.describe };
  const add = (name: string, body: () => unknown) => collected.push({ name, body });
  Object.assign(globals, { test: add, it: add, describe: (_: string, body: () => void) => body() });
  try {
    f();
  } finally {
    Object.assign(globals, saved);
  }
  return collected;
}

describe('README snippets', () => {
  test('the README has runnable snippets', () => {
    expect(snippets.filter((s) => s.mode === 'synth').length).toBeGreaterThan(5);
    expect(snippets.filter((s) => s.mode === 'jest').length).toBeGreaterThan(0);
  });

  test.each(snippets.filter((s) => s.mode === 'synth').map((s) => [s.line, s] as const))(
    'README.md:%i synthesizes',
    (_line, snippet) => {
      const outdir = mkdtempSync(join(tmpdir(), 'cdktf-guardrails-readme-'));
      outdirs.push(outdir);
      process.env.CDKTF_OUTDIR = outdir;
      // Snippets may print what they show (a report); the test output stays quiet.
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the snippet
        require(snippet.file);
      } finally {
        delete process.env.CDKTF_OUTDIR;
        log.mockRestore();
      }
      const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
      const stacks = Object.values<{ synthesizedStackPath: string }>(manifest.stacks);
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        const json = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8'));
        expect(Object.keys(json.resource ?? {}).length).toBeGreaterThan(0);
      }
      expect(readdirSync(join(outdir, 'stacks')).length).toBe(stacks.length);
    },
  );

  test.each(snippets.filter((s) => s.mode === 'jest').map((s) => [s.line, s] as const))(
    'README.md:%i: its tests pass',
    async (_line, snippet) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the snippet
      const tests = collectTests(() => require(snippet.file));
      expect(tests.length).toBeGreaterThan(0);
      for (const t of tests) await t.body();
    },
  );
});
