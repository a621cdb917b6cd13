// `npm run synth` is `cdktf synth` (cdktf-cli is a devDependency): the CLI runs the app named in
// cdktf.json and prints each construct warning once, as `WARN [<construct path>]: <message>`,
// the guardrails' warnings included.
// It needs no Terraform registry: synth downloads no provider.
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

const root = join(__dirname, '..', '..');
const cdktf = join(root, 'node_modules', '.bin', 'cdktf');

describe('cdktf synth', () => {
  let out: string;
  let output: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'cdktf-guardrails-cli-'));
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const app = `${tsx} ${join('test', 'package', 'cli', 'warnings-app.ts')}`;
    const result = await promisify(execFile)(cdktf, ['synth', '--app', app, '--output', out], {
      cwd: root,
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    output = result.stdout + result.stderr;
  }, 120_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('is what npm run synth runs, on the example app', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const cdktfJson = JSON.parse(readFileSync(join(root, 'cdktf.json'), 'utf8'));
    expect(packageJson.scripts.synth).toBe('cdktf synth');
    expect(cdktfJson.app).toBe('npx tsx examples/main.ts');
  });

  test('writes the stack', () => {
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'warnings', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource)).toContain('google_storage_bucket_iam_member');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });

  test('prints each construct warning once, with its construct path once', () => {
    // The lines as printed (colour codes, if any, end them).
    // eslint-disable-next-line no-control-regex
    const warnings = output.match(/WARN \[[^\]]+\]: [^\n\u001b]*/g) ?? [];
    expect(warnings).toEqual([
      "WARN [warnings/reports]: Grant prefix 'daily' does not end with '/', so it also matches names such as 'daily-other'. End it with '/' to mean one folder.",
      expect.stringMatching(
        /^WARN \[warnings\/scoring\]: The Vertex AI caller role is bound on project 'acme-prod', so the caller can predict on every endpoint of the project\./,
      ),
      // A guardrail warning: recorded before cdktf collects the warnings into the manifest.
      expect.stringMatching(
        /^WARN \[warnings\/scratch\]: Guardrails \[storage-no-versioning-or-retention\] google_storage_bucket\.scratch \(warnings\/scratch\): bucket acme-prod-scratch /,
      ),
    ]);
  });
});
