// Guardrails.check runs on every synth path (DESIGN.md section 8): an error finding fails it
// with a ValidationError, a warning is printed once and recorded, an acknowledged finding does
// neither, and the check reads the stack after every aspect, resolving it once.
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessReport, Errors, Guardrails } from '../../lib';
import { testStack, warningsOf } from '../helpers';

/** What a synth path wrote: the stack's JSON or HCL, and the manifest's warnings when it has one. */
interface Output {
  readonly text: string;
  readonly manifestWarnings?: string[];
}

function readOutdir(outdir: string, stack: TerraformStack): Output {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const entry = manifest.stacks[stack.node.id];
  return {
    text: readFileSync(join(outdir, entry.synthesizedStackPath), 'utf8'),
    manifestWarnings: entry.annotations
      .filter((a: any) => a.level === '@cdktf/warn')
      .map((a: any) => `${a.constructPath}: ${a.message}`),
  };
}

/** Every way a stack is synthesized: the app (cdktf synth), and cdktf's Testing helpers. */
const PATHS: Array<[string, (stack: TerraformStack) => Output]> = [
  [
    'app.synth()',
    (stack) => {
      const app = App.of(stack) as App;
      app.synth();
      return readOutdir(app.outdir, stack);
    },
  ],
  ['Testing.synth(stack)', (stack) => ({ text: Testing.synth(stack) })],
  ['Testing.synth(stack, true)', (stack) => ({ text: Testing.synth(stack, true) })],
  ['Testing.fullSynth(stack)', (stack) => readOutdir(Testing.fullSynth(stack), stack)],
  ['Testing.synthHcl(stack)', (stack) => ({ text: Testing.synthHcl(stack) })],
];

const owner = (scope: Construct) =>
  new ProjectIamMember(scope, 'owner', {
    project: 'acme-prod',
    role: 'roles/owner',
    member: 'group:admins@example.com',
  });
/** A bucket that only lacks versioning: one warning. */
const scratchBucket = (scope: Construct) =>
  new StorageBucket(scope, 'scratch', {
    name: 'acme-scratch',
    location: 'EU',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
  });

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());
const printedWarnings = () =>
  stderr.mock.calls
    .map((c) => String(c[0]))
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('[WARNING] Guardrails'));

describe.each(PATHS)('Guardrails.check on %s', (_, synthesize) => {
  test('an error finding fails with a ValidationError naming rule, address, path and fix', () => {
    const stack = testStack();
    owner(stack);
    Guardrails.check(stack);
    let error: unknown;
    try {
      synthesize(stack);
    } catch (e) {
      error = e;
    }
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^test: Guardrails found 1 error:\n {2}\[iam-basic-role\] google_project_iam_member\.owner \(test\/owner\): grants roles\/owner to group:admins@example\.com on project acme-prod: .* Fix: Grant the predefined role/,
    );
  });

  test('a warning is printed once, recorded, and synth goes on', () => {
    const stack = testStack();
    scratchBucket(stack);
    Guardrails.check(stack);
    const output = synthesize(stack);
    synthesize(stack);
    expect(output.text).toContain('acme-scratch');
    expect(printedWarnings()).toEqual([
      expect.stringMatching(
        /^\[WARNING\] Guardrails \[storage-no-versioning-or-retention\] google_storage_bucket\.scratch \(test\/scratch\): /,
      ),
    ]);
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^test\/scratch: Guardrails \[storage-no-versioning-or-retention\]/),
    ]);
    // The cdktf CLI prints the warnings of the manifest (npm run synth).
    if (output.manifestWarnings) {
      expect(output.manifestWarnings).toEqual([
        expect.stringMatching(/^test\/scratch: Guardrails \[storage-no-versioning-or-retention\]/),
      ]);
    }
  });

  test('an acknowledged finding neither fails nor prints, while the others are reported', () => {
    const stack = testStack();
    const legacy = new Construct(stack, 'legacy');
    owner(legacy);
    const bucket = scratchBucket(stack);
    scratchBucket(new Construct(stack, 'unacknowledged'));
    Guardrails.acknowledge(legacy, 'iam-basic-role', 'Break-glass owner group, reviewed quarterly');
    Guardrails.acknowledge(
      bucket,
      'storage-no-versioning-or-retention',
      'Scratch data, rebuilt every night',
    );
    Guardrails.check(stack);
    const output = synthesize(stack);
    expect(output.text).toContain('roles/owner');
    const reported =
      /^test\/unacknowledged\/scratch: Guardrails \[storage-no-versioning-or-retention\]/;
    expect(printedWarnings()).toEqual([expect.stringContaining('(test/unacknowledged/scratch)')]);
    expect(warningsOf(stack)).toEqual([expect.stringMatching(reported)]);
    if (output.manifestWarnings) {
      expect(output.manifestWarnings).toEqual([expect.stringMatching(reported)]);
    }
  });

  test('the check sees what aspects added after it changed', () => {
    const stack = testStack();
    const bucket = scratchBucket(stack);
    Guardrails.check(stack);
    // A team's aspect that turns versioning on for every bucket, added after the opt-in.
    Aspects.of(stack).add({
      visit: (node: IConstruct) => {
        if (node instanceof StorageBucket) node.putVersioning({ enabled: true });
      },
    });
    const output = synthesize(stack);
    expect(bucket.versioningInput).toEqual({ enabled: true });
    expect(output.text).toMatch(/versioning/);
    expect(printedWarnings()).toEqual([]);
  });
});

describe('the stack is resolved once per synthesis', () => {
  test.each(PATHS.filter(([name]) => !name.includes('Hcl')))('%s', (_, synthesize) => {
    const resolved = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const stack = testStack();
    scratchBucket(stack);
    Guardrails.check(stack);
    synthesize(stack);
    expect(resolved).toHaveBeenCalledTimes(1);
    // A later synthesis resolves again and sees a change made in between.
    new StorageBucket(stack, 'second', {
      name: 'acme-second',
      location: 'EU',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
    });
    expect(synthesize(stack).text).toContain('acme-second');
    expect(resolved).toHaveBeenCalledTimes(2);
  });
});

describe('outside a synthesis', () => {
  test('runAllValidations checks the current stack, and hands nothing to a later synth', async () => {
    const stack = testStack();
    scratchBucket(stack);
    Guardrails.check(stack);
    stack.runAllValidations();
    expect(printedWarnings()).toHaveLength(1);
    await new Promise((r) => process.nextTick(r));
    owner(stack);
    expect(() => Testing.synth(stack)).toThrow(/\[iam-basic-role\]/);
  });

  test('AccessReport.of invokes aspects as a synthesis does, so a checked stack is checked', () => {
    const stack = testStack();
    owner(stack);
    Guardrails.check(stack);
    expect(() => AccessReport.of(stack)).toThrow(/\[iam-basic-role\]/);
  });

  test('toTerraform() alone does not run the rules', () => {
    const stack = testStack();
    owner(stack);
    Guardrails.check(stack);
    expect(Object.keys(stack.toTerraform() as any)).toContain('resource');
  });

  test('an app with skipValidation still checks, when it writes the stack', () => {
    const app = new App({
      outdir: mkdtempSync(join(tmpdir(), 'guardrails-skip-')),
      skipValidation: true,
    });
    const stack = new TerraformStack(app, 'skip');
    owner(stack);
    Guardrails.check(app);
    expect(() => app.synth()).toThrow(/\[iam-basic-role\] google_project_iam_member\.owner/);
  });
});
