import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { App, TerraformStack } from 'cdktf';
import { Guardrails } from '../../lib';
import { cli, folderWith } from './cli-helpers';

/** A synthesized app folder: stack `a` with a basic role (error) and a bucket without versioning (warning), acknowledged or not. */
function synthFolder(
  options: { acknowledgeWarning?: boolean; acknowledgeError?: boolean } = {},
): string {
  const outdir = folderWith({});
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'a');
  new GoogleProvider(stack, 'google', { project: 'acme-prod' });
  const owner = new ProjectIamMember(stack, 'owner', {
    project: 'acme-prod',
    role: 'roles/owner',
    member: 'group:admins@example.com',
  });
  const bucket = new StorageBucket(stack, 'scratch', {
    name: 'acme-scratch',
    location: 'EU',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
  });
  if (options.acknowledgeWarning) {
    Guardrails.acknowledge(
      bucket,
      'storage-no-versioning-or-retention',
      'Scratch data, rebuilt nightly',
    );
  }
  if (options.acknowledgeError) {
    Guardrails.acknowledge(owner, 'iam-basic-role', 'Break-glass group, reviewed quarterly');
  }
  app.synth();
  return outdir;
}

const planted = synthFolder();
const acknowledged = synthFolder({ acknowledgeWarning: true, acknowledgeError: true });

describe('cdktf-guardrails check', () => {
  test('--format json prints the findings object of DESIGN.md section 8 and exits 1 on an error', () => {
    const { code, out, err } = cli(['check', planted, '--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      findings: [
        {
          rule: 'iam-basic-role',
          severity: 'error',
          stack: 'a',
          address: 'google_project_iam_member.owner',
          path: 'a/owner',
          message: expect.stringContaining(
            'grants roles/owner to group:admins@example.com on project acme-prod',
          ),
          acknowledged: false,
        },
        {
          rule: 'storage-no-versioning-or-retention',
          severity: 'warning',
          stack: 'a',
          address: 'google_storage_bucket.scratch',
          path: 'a/scratch',
          message: expect.stringContaining('bucket acme-scratch'),
          acknowledged: false,
        },
      ],
    });
  });

  test.each([
    ['error', planted, 1],
    ['warning', planted, 1],
    ['never', planted, 0],
    ['error', acknowledged, 0],
    ['warning', acknowledged, 0],
  ])('--fail-on %s exits as the findings say', (failOn, dir, expected) => {
    expect(cli(['check', dir, `--fail-on=${failOn}`]).code).toBe(expected);
  });

  test('a warning alone fails only --fail-on warning', () => {
    const dir = synthFolder({ acknowledgeError: true });
    expect(cli(['check', dir]).code).toBe(0);
    expect(cli(['check', dir, '--fail-on', 'warning']).code).toBe(1);
  });

  test('acknowledged findings are listed with their reason and do not fail', () => {
    const { code, out } = cli(['check', acknowledged, '--format', 'json']);
    expect(code).toBe(0);
    const findings = JSON.parse(out).findings;
    expect(findings.map((f: any) => [f.rule, f.acknowledged, f.reason])).toEqual([
      ['iam-basic-role', true, 'Break-glass group, reviewed quarterly'],
      ['storage-no-versioning-or-retention', true, 'Scratch data, rebuilt nightly'],
    ]);
  });

  test('text output: one block per finding and a summary', () => {
    const { out } = cli(['check', planted]);
    expect(out).toContain('ERROR [iam-basic-role] a: google_project_iam_member.owner (a/owner)');
    expect(out).toContain('  Fix: Grant the predefined role');
    expect(out.trim().split('\n').pop()).toBe('1 error, 1 warning, 0 acknowledged in 1 stack.');
    expect(cli(['check', acknowledged]).out).toContain(
      '  Reason: Break-glass group, reviewed quarterly',
    );
  });

  test('markdown output fits a pull-request comment', () => {
    const { out } = cli(['check', planted, '--format', 'markdown']);
    expect(out.split('\n')[0]).toBe('**cdktf-guardrails**: 1 error, 1 warning, 0 acknowledged.');
    expect(out).toContain(
      '| error | `iam-basic-role` | a | `google_project_iam_member.owner`<br>`a/owner` |',
    );
    expect(cli(['check', acknowledged, '--format', 'markdown']).out).toContain('Acknowledged:');
  });

  test('reads a stack file, a stack folder and a cdktf.out folder alike', () => {
    const file = join(planted, 'stacks', 'a', 'cdk.tf.json');
    for (const target of [planted, join(planted, 'stacks', 'a'), file]) {
      const findings = JSON.parse(cli(['check', target, '--format', 'json']).out).findings;
      expect(findings.map((f: any) => [f.stack, f.rule])).toEqual([
        ['a', 'iam-basic-role'],
        ['a', 'storage-no-versioning-or-retention'],
      ]);
    }
  });

  test('defaults to cdktf.out in the current folder', () => {
    const { code, out } = cli(['check', '--format', 'json'], folderWith({}));
    expect(code).toBe(2); // an empty folder has no cdktf.out
    expect(out).toBe('');
    const cwd = folderWith({
      'cdktf.out/stacks/a/cdk.tf.json': readFileSync(
        join(planted, 'stacks', 'a', 'cdk.tf.json'),
        'utf8',
      ),
    });
    expect(cli(['check'], cwd).code).toBe(1);
  });
});

describe('bad input exits 2 with a message, never a stack trace', () => {
  const notStack = folderWith({ 'cdk.tf.json': JSON.stringify({ name: 'x', dependencies: {} }) });
  test.each([
    [
      'a missing folder',
      ['check', '/nonexistent/cdktf.out'],
      /\/nonexistent\/cdktf\.out: no such file or folder/,
    ],
    ['an empty folder', ['check', folderWith({})], /no synthesized stacks found/],
    [
      'malformed JSON',
      ['check', folderWith({ 'stacks/a/cdk.tf.json': '{"resource": {' })],
      /cdk\.tf\.json: not valid JSON/,
    ],
    [
      'JSON that is not a cdktf stack',
      ['check', notStack],
      /not a synthesized cdktf stack \(cdk\.tf\.json\): unexpected top-level key 'name'/,
    ],
    [
      'a malformed manifest',
      ['check', folderWith({ 'manifest.json': '[' })],
      /manifest\.json: not valid JSON/,
    ],
    [
      'an unknown format',
      ['check', '--format', 'xml'],
      /--format must be one of text, json, sarif, markdown \(got 'xml'\)/,
    ],
    ['an unknown option', ['check', '--strict'], /unknown option --strict/],
    ['a missing option value', ['check', '--fail-on'], /--fail-on needs a value/],
    ['an unknown command', ['lint'], /unknown command 'lint'/],
  ])('%s', (_, args, message) => {
    const { code, out, err } = cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test('no command prints the usage and exits 2; --help exits 0', () => {
    expect(cli([])).toMatchObject({
      code: 2,
      out: expect.stringContaining('Usage: cdktf-guardrails <command>'),
    });
    expect(cli(['--help']).code).toBe(0);
    expect(cli(['check', '--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('check [dir-or-files...]'),
    });
  });
});

describe('a stack of 10,000 resources', () => {
  test('is checked in linear time', () => {
    const resource: Record<string, Record<string, unknown>> = {
      google_storage_bucket: {},
      google_storage_bucket_iam_member: {},
    };
    for (let i = 0; i < 5000; i++) {
      resource.google_storage_bucket[`b${i}`] = {
        name: `acme-b${i}`,
        location: 'EU',
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
        versioning: { enabled: true },
      };
      resource.google_storage_bucket_iam_member[`m${i}`] = {
        bucket: `\${google_storage_bucket.b${i}.name}`,
        role: 'roles/storage.objectViewer',
        member: i === 4999 ? 'allUsers' : `group:g${i}@example.com`,
      };
    }
    const dir = folderWith({ 'stacks/big/cdk.tf.json': JSON.stringify({ resource }) });
    const started = Date.now();
    const { code, out } = cli(['check', dir, '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(JSON.parse(out).findings.map((f: any) => f.address)).toEqual([
      'google_storage_bucket_iam_member.m4999',
    ]);
  });
});

describe('the command line', () => {
  test('loads neither cdktf nor a provider (fast start, no construct tree needed)', () => {
    const script = `
      require(${JSON.stringify(join(__dirname, '..', '..', 'lib', 'cli', 'run-cli.ts'))});
      console.log(JSON.stringify(Object.keys(require.cache).filter((m) => /node_modules\\/(cdktf|constructs|@cdktf)\\//.test(m))));
    `;
    const out = execFileSync(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out)).toEqual([]);
  });
});
