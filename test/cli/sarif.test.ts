import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ALL_RULES } from '../../lib/rules/all-rules';
import { stackJson } from '../rules/rule-cases';
import { cli, folderWith } from './cli-helpers';

const dir = folderWith({});
const file = join(dir, 'stacks', 's', 'cdk.tf.json');
const json = stackJson({
  google_project_iam_member: {
    owner: { project: 'acme-prod', role: 'roles/owner', member: 'group:admins@example.com' },
  },
  google_storage_bucket: {
    scratch: {
      name: 'acme-scratch',
      location: 'EU',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
    },
  },
}) as any;
// What cdktf releases that record creation stack traces write in a resource's metadata.
json.resource.google_project_iam_member.owner['//'].metadata.stackTrace = [
  'new TerraformElement (/repo/node_modules/cdktf/lib/terraform-element.js:11:28)',
  'new ProjectIamMember (/repo/node_modules/@cdktf/provider-google/lib/project-iam-member/index.js:9:9)',
  `new PlatformStack (${dir}/src/platform.ts:42:5)`,
  'Module._compile (node:internal/modules/cjs/loader:1105:14)',
];
json['//'].metadata['cdktf-guardrails'] = {
  acknowledgements: [
    {
      path: 's/scratch',
      rule: 'storage-no-versioning-or-retention',
      reason: 'Scratch data, rebuilt nightly',
    },
  ],
};
// Written as cdktf writes it: two-space indentation.
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(json, null, 2));

describe('--format sarif', () => {
  const { code, out } = cli(['check', dir, '--format', 'sarif'], dir);
  const log = JSON.parse(out);

  test('is a SARIF 2.1.0 log with the fields the schema requires', () => {
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('cdktf-guardrails');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      for (const s of result.suppressions ?? []) expect(['inSource', 'external']).toContain(s.kind);
    }
  });

  test('points at the file and line where the construct was created, when the stack trace was recorded', () => {
    const owner = log.runs[0].results.find((r: any) => r.ruleId === 'iam-basic-role');
    expect(owner.level).toBe('error');
    expect(owner.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/platform.ts' },
      region: { startLine: 42 },
    });
    expect(owner.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 's/owner', name: 'google_project_iam_member.owner', kind: 'resource' },
    ]);
  });

  test('otherwise at the resource in the synthesized JSON, with an acknowledgement as a suppression', () => {
    const bucket = log.runs[0].results.find(
      (r: any) => r.ruleId === 'storage-no-versioning-or-retention',
    );
    const location = bucket.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe('stacks/s/cdk.tf.json');
    const line = readFileSync(file, 'utf8').split('\n')[location.region.startLine - 1];
    expect(line).toBe('      "scratch": {');
    expect(bucket.suppressions).toEqual([
      { kind: 'inSource', justification: 'Scratch data, rebuilt nightly' },
    ]);
  });
});

test('a source outside the folder the command runs in is an absolute file URI', () => {
  const log = JSON.parse(cli(['check', dir, '--format', 'sarif'], folderWith({})).out);
  const uris = log.runs[0].results.map(
    (r: any) => r.locations[0].physicalLocation.artifactLocation.uri,
  );
  expect(uris).toEqual([`file://${dir}/src/platform.ts`, `file://${file}`]);
});
