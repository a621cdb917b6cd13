import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { DataGoogleIamPolicy } from '@cdktf/provider-google/lib/data-google-iam-policy';
import { ProjectIamBinding } from '@cdktf/provider-google/lib/project-iam-binding';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamPolicy } from '@cdktf/provider-google/lib/storage-bucket-iam-policy';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AccessReport,
  CloudRunVpcEgress,
  Errors,
  Guardrails,
  Principal,
  Roles,
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
} from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { GuardrailsTesting, SynthesizedStack } from '../../lib/testing';

const PROJECT = 'acme-prod';

/** A bucket read by one service under a prefix, and a service invoked by another. */
function workloads() {
  const stack = GuardrailsTesting.stack({ project: PROJECT });
  const worker = new ServiceIdentity(stack, 'worker', {
    project: PROJECT,
    accountId: 'worker-run',
  });
  worker.grantActAs(Principal.group('deployers@example.com'));
  const uploads = new ScopedBucket(stack, 'uploads', {
    project: PROJECT,
    bucketName: 'acme-prod-uploads',
    location: 'europe-west1',
  });
  uploads.grantRead(worker, { prefix: 'incoming/' });
  const web = new SecureCloudRunService(stack, 'web', {
    project: PROJECT,
    location: 'europe-west1',
    serviceName: 'web',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/web:1.0.0',
    // The API is internal: the frontend's requests reach it through the VPC.
    vpcAccess: {
      network: 'orders-vpc',
      subnetwork: 'orders-run',
      egress: CloudRunVpcEgress.ALL_TRAFFIC,
    },
  });
  const api = new SecureCloudRunService(stack, 'api', {
    project: PROJECT,
    location: 'europe-west1',
    serviceName: 'orders-api',
    image: 'europe-west1-docker.pkg.dev/acme-prod/apps/orders-api:1.0.0',
    invokers: [web],
  });
  api.grantView(Principal.group('Orders-Oncall@example.com'));
  return { stack, worker, uploads, web, api };
}

/** The message of the ValidationError that the failed assertion `f` throws, named `assertion`. */
function assertionMessage(f: () => void, assertion: string): string {
  try {
    f();
  } catch (e) {
    expect(Errors.isValidationError(e)).toBe(true);
    expect((e as ValidationError).prop).toBe(assertion);
    return (e as Error).message;
  }
  throw new Error(`expected ${assertion} to fail`);
}

describe('GuardrailsTesting.stack', () => {
  test('has the Google provider, and google-beta and azurerm only when asked', () => {
    const plain = GuardrailsTesting.synth(GuardrailsTesting.stack()).json;
    expect(Object.keys(plain.provider)).toEqual(['google']);
    expect(plain.provider.google).toEqual([{ project: 'test-project', region: 'europe-west1' }]);

    const all = GuardrailsTesting.synth(
      GuardrailsTesting.stack({ stackId: 'all', googleBeta: true, azure: true, project: PROJECT }),
    ).json;
    expect(Object.keys(all.provider).sort()).toEqual(['azurerm', 'google', 'google-beta']);
    expect(all.provider['google-beta']).toEqual([{ project: PROJECT, region: 'europe-west1' }]);
  });
});

describe('GuardrailsTesting.synth', () => {
  test('json is what Testing.synth gives, and grants carry construct paths', () => {
    const { stack } = workloads();
    const synth = GuardrailsTesting.synth(stack);
    expect(synth.json).toEqual(JSON.parse(Testing.synth(stack)));
    expect(JSON.stringify(synth.json)).not.toContain('"//"');
    expect(synth.grants.every((g) => g.path?.startsWith('test/'))).toBe(true);
  });

  test('fails on the checks that need the whole stack, as plain Testing.synth does too', () => {
    const stack = GuardrailsTesting.stack(); // no google-beta provider
    const caller = new ServiceIdentity(stack, 'caller', {
      project: PROJECT,
      accountId: 'caller-run',
    });
    new VertexEndpointCaller(stack, 'predict', {
      caller,
      project: PROJECT,
      region: 'europe-west1',
      endpointId: '1234567890',
    });
    // The library's own whole-stack checks run on every synth path (cdktf aspects).
    expect(() => Testing.synth(stack)).toThrow(/needs the google-beta provider/);
    expect(() => GuardrailsTesting.synth(stack)).toThrow(/needs the google-beta provider/);
  });

  test('fails on error annotations, and lists warnings with their construct path', () => {
    const stack = GuardrailsTesting.stack();
    const bucket = new ScopedBucket(stack, 'logs', {
      project: PROJECT,
      bucketName: 'acme-prod-logs',
      location: 'europe-west1',
    });
    bucket.grantRead(Principal.group('auditors@example.com'), { prefix: 'audit' });
    const warnings = GuardrailsTesting.synth(stack).warnings;
    expect(warnings).toEqual([expect.stringMatching(/^test\/logs: /)]);

    bucket.node.addMetadata('@cdktf/error', 'not like this');
    expect(assertionMessage(() => SynthesizedStack.of(stack), 'annotations')).toBe(
      'test has error annotations:\n  - test/logs: not like this',
    );
  });
});

describe('hasGrant / hasNoGrant', () => {
  test('find a grant by principal, role, target and condition', () => {
    const { stack, worker, web } = workloads();
    const synth = GuardrailsTesting.synth(stack);
    synth.hasGrant({ principal: web, role: Roles.RUN_SERVICES_INVOKER.name, target: 'orders-api' });
    synth.hasGrant({
      principal: worker,
      role: 'roles/storage.objectViewer',
      target: 'acme-prod-uploads',
      conditionTitle: 'objects under incoming/',
      conditional: true,
    });
    // Member emails compare case-insensitively, as IAM does.
    synth.hasGrant({ member: 'group:orders-oncall@example.com', role: 'roles/run.viewer' });
    synth.hasNoGrant({ principal: worker, conditional: false });
    synth.hasNoGrant({ principal: web, target: 'web' });
    // An in-stack identity is also found by its email, and by its account id as a target.
    synth.hasGrant({
      principal: Principal.serviceAccount('worker-run@acme-prod.iam.gserviceaccount.com'),
      target: 'acme-prod-uploads',
    });
    synth.hasGrant({ member: 'group:deployers@example.com', target: 'worker-run' });
    synth.hasNoGrant({ member: 'allUsers' });
    synth.hasNoGrant({ resourceType: 'google_project_iam_member' });
    expect(synth.findGrants({ principal: worker })).toEqual([
      expect.objectContaining({
        resourceType: 'google_storage_bucket_iam_member',
        member: 'serviceAccount:worker-run@acme-prod.iam.gserviceaccount.com',
        memberText: expect.stringMatching(
          /^\$\{google_service_account\.worker_[A-Z0-9]+\.member\}$/,
        ),
        target: 'acme-prod-uploads',
        conditionExpression: expect.stringContaining('/objects/incoming/'),
        path: expect.stringMatching(/^test\/uploads\//),
      }),
    ]);
  });

  test('a failed hasGrant says what was asked and lists every grant of the stack', () => {
    const { stack, worker } = workloads();
    const synth = GuardrailsTesting.synth(stack);
    const message = assertionMessage(
      () => synth.hasGrant({ principal: worker, role: 'roles/storage.objectCreator' }),
      'hasGrant',
    );
    expect(message).toMatch(
      /^Expected a grant matching \{"principal":"\$\{google_service_account\.worker_[A-Za-z0-9_]+\.member\}","role":"roles\/storage\.objectCreator"\}, found none\. Grants in test:\n/,
    );
    expect(message).toContain(
      "  - roles/storage.objectViewer to serviceAccount:worker-run@acme-prod.iam.gserviceaccount.com on acme-prod-uploads if 'objects under incoming/' (google_storage_bucket_iam_member.uploads_",
    );
    expect(message).toContain('  - roles/run.servicesInvoker to ');
  });

  test('hasNoGrant sees raw provider resources next to the constructs: members, bindings, policies', () => {
    const { stack } = workloads();
    new ProjectIamMember(stack, 'editor', {
      project: PROJECT,
      role: 'roles/editor',
      member: 'user:Someone@example.com',
    });
    new ProjectIamBinding(stack, 'viewers', {
      project: PROJECT,
      role: 'roles/viewer',
      members: ['group:a@example.com', 'group:b@example.com'],
    });
    const policy = new DataGoogleIamPolicy(stack, 'public', {
      binding: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
    });
    new StorageBucketIamPolicy(stack, 'public-bucket', {
      bucket: 'acme-prod-site',
      policyData: policy.policyData,
    });
    const synth = GuardrailsTesting.synth(stack);

    expect(
      assertionMessage(() => synth.hasNoGrant({ role: 'roles/editor' }), 'hasNoGrant'),
    ).toMatch(
      /^Expected no grant matching \{"role":"roles\/editor"\}, found:\n {2}- roles\/editor to user:someone@example\.com on acme-prod \(google_project_iam_member\.editor\)$/,
    );
    synth.hasGrant({ member: 'user:someone@example.com', target: PROJECT });
    expect(synth.findGrants({ role: 'roles/viewer' }).map((g) => g.member)).toEqual([
      'group:a@example.com',
      'group:b@example.com',
    ]);
    expect(() => synth.hasNoGrant({ member: 'allUsers' })).toThrow(
      /roles\/storage\.objectViewer to allUsers on acme-prod-site \(google_storage_bucket_iam_policy\.public-bucket\)/,
    );
  });

  test('Azure role assignments are grants too, on their scope', () => {
    const stack = GuardrailsTesting.stack({ azure: true });
    new RoleAssignment(stack, 'reader', {
      scope:
        '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/db',
      roleDefinitionName: 'Key Vault Secrets User',
      principalId: '11111111-2222-3333-4444-555555555555',
    });
    const synth = GuardrailsTesting.synth(stack);
    synth.hasGrant({
      member: '11111111-2222-3333-4444-555555555555',
      role: 'Key Vault Secrets User',
      target: 'db',
    });
    synth.hasNoGrant({ role: 'Key Vault Administrator' });
  });
});

describe('refuses what it does not understand, instead of asserting nothing', () => {
  const synth = GuardrailsTesting.synth(GuardrailsTesting.stack());

  test('an unknown query key', () => {
    expect(() => synth.hasGrant({ princpal: 'x' } as any)).toThrow(
      new ValidationError(
        'SynthesizedStack.hasGrant',
        'query.princpal',
        "SynthesizedStack.hasGrant: 'query.princpal' is not a known option (got 'x'). Use one of: principal, member, role, target, resourceType, conditionTitle, conditionExpression, conditional.",
      ),
    );
    expect(() => synth.hasNoGrant({ roles: 'roles/owner' } as any)).toThrow(ValidationError);
    expect(() => synth.findGrants({ member: 'allUsers', extra: 1 } as any)).toThrow(
      ValidationError,
    );
  });

  test.each<[string, unknown]>([
    ['role', 42],
    ['member', ['allUsers']],
    ['conditional', 'yes'],
    ['principal', 'group:a@example.com'],
  ])('a query %s of the wrong type (%j)', (key, value) => {
    expect(() => synth.hasNoGrant({ [key]: value } as any)).toThrow(
      new RegExp(`^SynthesizedStack\\.hasNoGrant: 'query\\.${key}' must be a`),
    );
  });

  test('a query that is not an object, and unknown stack options', () => {
    expect(() => synth.hasGrant('roles/owner' as any)).toThrow(/'query' must be an object/);
    expect(() => GuardrailsTesting.stack({ googlebeta: true } as any)).toThrow(
      /^GuardrailsTesting\.stack: 'props\.googlebeta' is not a known option/,
    );
  });
});

/** A raw project-level roles/owner grant: an error of the guardrails. */
const ownerGrant = (scope: Construct) =>
  new ProjectIamMember(scope, 'owner', {
    project: PROJECT,
    role: 'roles/owner',
    member: 'group:admins@example.com',
  });

/** Raw resources beside the constructs: an owner grant (error) and a bucket without versioning (warning). */
function withRawFindings() {
  const built = workloads();
  const owner = ownerGrant(built.stack);
  const scratch = new StorageBucket(built.stack, 'scratch', {
    name: 'acme-prod-scratch',
    location: 'EU',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
  });
  return { ...built, owner, scratch };
}

describe('passesGuardrails / findings', () => {
  test("the library's constructs pass, also with failOnWarnings", () => {
    const synth = GuardrailsTesting.synth(workloads().stack);
    expect(synth.findings).toEqual([]);
    synth.passesGuardrails();
    synth.passesGuardrails({ failOnWarnings: true });
  });

  test('an error fails, listing rule, address, construct path, message and fix; a warning does not', () => {
    const { stack } = withRawFindings();
    const synth = GuardrailsTesting.synth(stack); // not opted in: synth goes through
    const message = assertionMessage(() => synth.passesGuardrails(), 'passesGuardrails');
    expect(message.split('\n')).toEqual([
      'Expected test to pass the guardrails, found 1 finding:',
      expect.stringMatching(
        /^ {2}error \[iam-basic-role\] google_project_iam_member\.owner \(test\/owner\): grants roles\/owner to group:admins@example\.com on project acme-prod: .+ Fix: Grant the predefined role .+$/,
      ),
      "Fix each resource, or where it is intended, call Guardrails.acknowledge(construct, '<rule>', '<why>') on its construct.",
    ]);
  });

  test('failOnWarnings fails on warnings too, each line with its severity', () => {
    const { stack } = withRawFindings();
    const synth = GuardrailsTesting.synth(stack);
    const lines = assertionMessage(
      () => synth.passesGuardrails({ failOnWarnings: true }),
      'passesGuardrails',
    ).split('\n');
    expect(lines[0]).toBe('Expected test to pass the guardrails, found 2 findings:');
    expect(lines[1]).toMatch(/^ {2}error \[iam-basic-role\] google_project_iam_member\.owner /);
    expect(lines[2]).toMatch(
      /^ {2}warning \[storage-no-versioning-or-retention\] google_storage_bucket\.scratch \(test\/scratch\): bucket acme-prod-scratch .+ Fix: Turn on versioning/,
    );
  });

  test('acknowledged findings do not fail and are listed with their reason', () => {
    const { stack, owner, scratch } = withRawFindings();
    Guardrails.acknowledge(owner, 'iam-basic-role', 'Break-glass owner group, reviewed quarterly');
    const synth = GuardrailsTesting.synth(stack);
    synth.passesGuardrails();
    expect(synth.findings).toEqual([
      {
        rule: 'iam-basic-role',
        severity: 'error',
        address: 'google_project_iam_member.owner',
        path: 'test/owner',
        message: expect.stringMatching(/^grants roles\/owner to group:admins@example\.com/),
        fix: expect.stringMatching(/^Grant the predefined role/),
        acknowledged: true,
        reason: 'Break-glass owner group, reviewed quarterly',
      },
      expect.objectContaining({
        rule: 'storage-no-versioning-or-retention',
        severity: 'warning',
        address: 'google_storage_bucket.scratch',
        acknowledged: false,
        reason: undefined,
      }),
    ]);
    // The warning still fails with failOnWarnings; the message counts what was acknowledged.
    expect(
      assertionMessage(() => synth.passesGuardrails({ failOnWarnings: true }), 'passesGuardrails'),
    ).toMatch(
      /found 1 finding:\n {2}warning \[storage-no-versioning-or-retention\][^\n]+\n.+\n\(1 acknowledged finding not counted\.\)$/,
    );
    Guardrails.acknowledge(
      scratch,
      'storage-no-versioning-or-retention',
      'Scratch data, rebuilt every night',
    );
    GuardrailsTesting.synth(stack).passesGuardrails({ failOnWarnings: true });
  });

  test('a stack opted in with Guardrails.check fails at synth already, also when the app opted in before the stack existed', () => {
    const { stack } = workloads();
    ownerGrant(stack);
    Guardrails.check(stack);
    expect(() => GuardrailsTesting.synth(stack)).toThrow(
      /^test: Guardrails found 1 error:\n {2}\[iam-basic-role\] google_project_iam_member\.owner/,
    );

    const app = Testing.app();
    Guardrails.check(app);
    const later = new TerraformStack(app, 'later');
    new GoogleProvider(later, 'google', { project: PROJECT });
    ownerGrant(later);
    expect(() => GuardrailsTesting.synth(later)).toThrow(
      /\[iam-basic-role\] google_project_iam_member\.owner \(later\/owner\)/,
    );
  });

  test('refuses unknown or mistyped options, and a stack that is not one', () => {
    const synth = GuardrailsTesting.synth(GuardrailsTesting.stack());
    expect(() => synth.passesGuardrails({ failOnWarning: true } as any)).toThrow(
      /^SynthesizedStack\.passesGuardrails: 'options\.failOnWarning' is not a known option \(got true\)\. Use one of: failOnWarnings\.$/,
    );
    expect(() => synth.passesGuardrails({ failOnWarnings: 'yes' } as any)).toThrow(
      /'options\.failOnWarnings' must be a boolean/,
    );
    for (const notAStack of [undefined, {}, Testing.app()]) {
      expect(() => GuardrailsTesting.synth(notAStack as any)).toThrow(
        /^SynthesizedStack\.of: 'stack' must be a TerraformStack/,
      );
    }
  });
});

describe('accessSnapshot', () => {
  test('is the access report text of this synthesis: token-free, for snapshots', () => {
    const { stack } = workloads();
    const text = GuardrailsTesting.synth(stack).accessSnapshot();
    expect(text).toBe(AccessReport.of(stack).toText());
    expect(text).not.toMatch(/\$\{|TfToken/);
    expect(text).toMatchSnapshot();
  });

  test('does not change when constructs or the stack are renamed or created in another order', () => {
    const build = (stackId: string, suffix: string, reversed: boolean) => {
      const stack = GuardrailsTesting.stack({ stackId, project: PROJECT });
      const steps = [
        () =>
          new ServiceIdentity(stack, `worker${suffix}`, {
            project: PROJECT,
            accountId: 'worker-run',
          }).grantActAs(Principal.group('deployers@example.com')),
        () =>
          new ScopedBucket(stack, `uploads${suffix}`, {
            project: PROJECT,
            bucketName: 'acme-prod-uploads',
            location: 'europe-west1',
          }).grantRead(Principal.group('auditors@example.com'), { prefix: 'audit/' }),
      ];
      (reversed ? steps.reverse() : steps).forEach((step) => step());
      return GuardrailsTesting.synth(stack).accessSnapshot();
    };
    const text = build('prod', '', false);
    expect(text).toContain('group:auditors@example.com\n  roles/storage.objectViewer');
    expect(build('production', '-renamed', true)).toBe(text);
  });
});
