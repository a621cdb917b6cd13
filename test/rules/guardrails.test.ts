import { readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { CloudRunIngress, Errors, Guardrails, SecureCloudRunService } from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { synthToFolder } from '../analysis/synth-output';
import { resolve, testStack, warningsOf } from '../helpers';

const owner = (scope: Construct, id = 'owner') =>
  new ProjectIamMember(scope, id, {
    project: 'acme-prod',
    role: 'roles/owner',
    member: 'group:admins@example.com',
  });
/** A bucket that only lacks versioning: one warning. */
const scratchBucket = (scope: Construct, id = 'scratch') =>
  new StorageBucket(scope, id, {
    name: `acme-${id}`,
    location: 'EU',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
  });

/** The message of what `fn` throws. */
function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    return e as ValidationError;
  }
  throw new Error('nothing was thrown');
}

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());
const printed = () => stderr.mock.calls.map((c) => String(c[0])).join('');

describe('Guardrails.check', () => {
  test('an error finding fails synth with the rule, address, construct path and fix', () => {
    const stack = testStack();
    owner(stack);
    Guardrails.check(stack);
    const e = thrown(() => Testing.synth(stack, true));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.location).toBe('test');
    expect(e.message).toMatch(/^test: Guardrails found 1 error:/);
    expect(e.message).toContain(
      '[iam-basic-role] google_project_iam_member.owner (test/owner): grants roles/owner to group:admins@example.com on project acme-prod',
    );
    expect(e.message).toContain('Fix: Grant the predefined role');
  });

  test('without check, the same stack synthesizes', () => {
    const stack = testStack();
    owner(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a warning is printed once and recorded as an annotation, and synth goes on', () => {
    const stack = testStack();
    scratchBucket(stack);
    Guardrails.check(stack);
    Guardrails.check(stack); // idempotent: one validation
    Testing.synth(stack, true);
    Testing.synth(stack, true);
    const lines = printed()
      .split('\n')
      .filter((l) => l.includes('storage-no-versioning-or-retention'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[WARNING\] Guardrails \[storage-no-versioning-or-retention\] google_storage_bucket\.scratch \(test\/scratch\): /,
      ),
    ]);
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^test\/scratch: Guardrails \[storage-no-versioning-or-retention\]/),
    ]);
  });

  test('an acknowledged finding neither fails nor prints, and the acknowledgement reaches the JSON', () => {
    const stack = testStack();
    const legacy = new Construct(stack, 'legacy');
    owner(legacy);
    scratchBucket(stack);
    Guardrails.acknowledge(legacy, 'iam-basic-role', 'Break-glass owner group, reviewed quarterly');
    Guardrails.acknowledge(
      stack,
      'storage-no-versioning-or-retention',
      'Scratch data, rebuilt every night',
    );
    Guardrails.check(stack);
    const { json } = synthToFolder(stack);
    expect(printed()).toBe('');
    expect(json['//'].metadata['cdktf-guardrails']).toEqual({
      acknowledgements: [
        {
          path: 'test/legacy',
          rule: 'iam-basic-role',
          reason: 'Break-glass owner group, reviewed quarterly',
        },
        {
          path: 'test',
          rule: 'storage-no-versioning-or-retention',
          reason: 'Scratch data, rebuilt every night',
        },
      ],
    });
  });

  test('an acknowledgement covers its construct and children only', () => {
    const stack = testStack();
    const legacy = new Construct(stack, 'legacy');
    owner(legacy);
    owner(stack, 'other-owner');
    Guardrails.acknowledge(legacy, 'iam-basic-role', 'Break-glass owner group, reviewed quarterly');
    Guardrails.check(stack);
    const e = thrown(() => Testing.synth(stack, true));
    expect(e.message).toMatch(/Guardrails found 1 error:/);
    expect(e.message).toContain('google_project_iam_member.other-owner');
  });

  test('check(app) covers the stacks added after it, through app.synth()', () => {
    const outdir = join(tmpdir(), `guardrails-app-${process.pid}-${Date.now()}`);
    const app = new App({ outdir });
    Guardrails.check(app);
    const stack = new TerraformStack(app, 'later');
    new GoogleProvider(stack, 'google', { project: 'acme-prod' });
    new ServiceAccountKey(stack, 'key', {
      serviceAccountId: 'projects/acme-prod/serviceAccounts/a@acme-prod.iam.gserviceaccount.com',
    });
    expect(() => app.synth()).toThrow(
      /\[iam-service-account-key\] google_service_account_key\.key \(later\/key\)/,
    );
  });

  test('acknowledge(app) is written into every stack, including ones added later', () => {
    const outdir = join(tmpdir(), `guardrails-ack-${process.pid}-${Date.now()}`);
    const app = new App({ outdir });
    Guardrails.acknowledge(app, 'run-ingress-all', 'Every service here sits behind our own proxy');
    const stack = new TerraformStack(app, 'later');
    new GoogleProvider(stack, 'google', { project: 'acme-prod' });
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'later', 'cdk.tf.json'), 'utf8'));
    expect(json['//'].metadata['cdktf-guardrails'].acknowledgements).toEqual([
      { path: '', rule: 'run-ingress-all', reason: 'Every service here sits behind our own proxy' },
    ]);
  });

  test('check(construct) checks only the resources under it', () => {
    const stack = testStack();
    const team = new Construct(stack, 'team');
    scratchBucket(team, 'mine');
    owner(stack); // outside the checked scope
    Guardrails.check(team);
    Testing.synth(stack, true);
    expect(printed()).toContain('(test/team/mine)');
    expect(printed()).not.toContain('owner');
  });

  test("SecureCloudRunService's publicAccess reason acknowledges the public invoker and open ingress", () => {
    const stack = testStack();
    new SecureCloudRunService(stack, 'hook', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'hook',
      image: 'europe-west1-docker.pkg.dev/acme-prod/apps/hook:1',
      ingress: CloudRunIngress.ALL,
      publicAccess: { reason: 'Webhook called by the payment provider' },
    });
    Guardrails.check(stack);
    const { json } = synthToFolder(stack);
    expect(json['//'].metadata['cdktf-guardrails'].acknowledgements).toEqual([
      {
        path: 'test/hook',
        rule: 'run-public-invoker',
        reason: 'Webhook called by the payment provider',
      },
      {
        path: 'test/hook',
        rule: 'run-ingress-all',
        reason: 'Webhook called by the payment provider',
      },
    ]);
  });
});

describe('Guardrails.acknowledge refuses', () => {
  const stack = testStack();
  test.each([
    [
      'an unknown rule id',
      'iam-basic-roles',
      'Legacy owner group, reviewed quarterly',
      /'ruleId' must be the id of a guardrail rule \(got 'iam-basic-roles'\)\. Use one of iam-basic-role, /,
    ],
    [
      'a rule that cannot be acknowledged',
      'iam-service-account-key',
      'The vendor tool needs a key file',
      /'ruleId' names a rule that cannot be acknowledged/,
    ],
    ['an empty reason', 'iam-basic-role', '', /'reason' must be 10-500 characters \(got ''\)/],
    ['a short reason', 'iam-basic-role', 'legacy', /'reason' must be 10-500 characters/],
    ['a blank reason', 'iam-basic-role', '            ', /'reason' must be 10-500 characters/],
    ['a reason that is not a string', 'iam-basic-role', 42 as any, /'reason' must be literal text/],
  ])('%s', (_, rule, reason, message) => {
    const e = thrown(() => Guardrails.acknowledge(stack, rule as string, reason as string));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^test: /);
  });

  test('a token reason', () => {
    const bucket = scratchBucket(stack, 'token');
    const e = thrown(() => Guardrails.acknowledge(stack, 'iam-basic-role', bucket.name));
    expect(e.message).toMatch(/'reason' must be literal text/);
    expect(resolve(stack, bucket.name)).toMatch(/^\$\{google_storage_bucket/);
  });

  test('a scope that is not a construct', () => {
    for (const fn of [
      () => Guardrails.acknowledge({} as any, 'iam-basic-role', 'Legacy owner group, reviewed'),
      () => Guardrails.check(undefined as any),
    ]) {
      const e = thrown(fn);
      expect(e.message).toMatch(/'scope' must be a construct/);
    }
  });
});

describe('the synth check hands its JSON to the synthesis that follows', () => {
  test('the written JSON is the one that was checked, and a later change is not hidden', async () => {
    const stack = testStack();
    scratchBucket(stack, 'first');
    Guardrails.check(stack);
    const first = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(first.resource.google_storage_bucket)).toEqual(['first']);
    // The offer is consumed by the synth, or withdrawn after the tick it was made in.
    stack.runAllValidations();
    await new Promise((r) => process.nextTick(r));
    scratchBucket(stack, 'second');
    const second = JSON.parse(Testing.synth(stack));
    expect(Object.keys(second.resource.google_storage_bucket).sort()).toEqual(['first', 'second']);
  });
});
