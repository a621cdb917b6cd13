import { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { BigQueryDataset, Guardrails, ServiceIdentity, VertexPipelineIdentity } from '../../lib';
import { bigqueryDatasetAccessConflict } from '../../lib/rules/bigquery/dataset-access-conflict';
import { synthToFolder } from '../analysis/synth-output';
import { cli, folderWith } from '../cli/cli-helpers';
import { testStack } from '../helpers';
import { describeRules, findingsOf, stackJson } from './rule-cases';

const rule = bigqueryDatasetAccessConflict;

/** A dataset in the default provider's project (acme-prod) with access blocks. */
const withAccessBlocks = (extra: Record<string, unknown> = {}) => ({
  dataset_id: 'sales',
  access: [
    { role: 'OWNER', special_group: 'projectOwners' },
    { role: 'READER', group_by_email: 'analysts@acme.example' },
  ],
  ...extra,
});
/** A dataset IAM member as BigQueryDataset grants write it, on `dataset` in `project`. */
const iamMember = (datasetId: string, project?: string) => ({
  ...(project === undefined ? {} : { project }),
  dataset_id: datasetId,
  role: 'roles/bigquery.dataViewer',
  member: 'serviceAccount:report@acme-prod.iam.gserviceaccount.com',
});
/** One access entry, as google_bigquery_dataset_access writes it. */
const accessEntry = (datasetId: string, project?: string) => ({
  ...(project === undefined ? {} : { project }),
  dataset_id: datasetId,
  role: 'READER',
  user_by_email: 'auditor@acme.example',
});
const REF = '${google_bigquery_dataset.sales.dataset_id}';

describeRules([
  {
    rule: bigqueryDatasetAccessConflict,
    noncompliant: stackJson({
      google_bigquery_dataset: { sales: withAccessBlocks() },
      google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
    }),
    compliant: stackJson({
      google_bigquery_dataset: { sales: { dataset_id: 'sales' } },
      google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
    }),
    expected: ['google_bigquery_dataset.sales'],
    message:
      /^BigQuery dataset sales in project acme-prod has its access list written by the access blocks of google_bigquery_dataset\.sales and by google_bigquery_dataset_iam_member\.reader: /,
  },
]);

describe('bigquery-dataset-access-conflict finds each way of writing the access list twice', () => {
  test.each([
    [
      'access blocks and an IAM member by reference to dataset_id and project',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: {
          reader: iamMember(REF, '${google_bigquery_dataset.sales.project}'),
        },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'access blocks and an IAM member by reference to id',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: {
          reader: iamMember('${google_bigquery_dataset.sales.id}'),
        },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      "access blocks and an IAM member by literal (the dataset in its provider's project)",
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales', 'acme-prod') },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'access blocks and an IAM member by literal (the member in its provider project)',
      {
        google_bigquery_dataset: { sales: withAccessBlocks({ project: 'acme-prod' }) },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales') },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'a dynamic access block and an IAM member',
      {
        google_bigquery_dataset: {
          sales: {
            dataset_id: 'sales',
            dynamic: {
              access: {
                for_each: '${toset(["a@acme.example"])}',
                iterator: 'each',
                content: { role: 'READER', user_by_email: '${each.value}' },
              },
            },
          },
        },
        google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'access blocks and an authoritative IAM binding',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_binding: {
          readers: {
            dataset_id: REF,
            role: 'roles/bigquery.dataViewer',
            members: ['group:analysts@acme.example'],
          },
        },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'google_bigquery_dataset_access and an IAM member, on a dataset made elsewhere',
      {
        google_bigquery_dataset_access: { auditor: accessEntry('sales', 'acme-data') },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales', 'acme-data') },
      },
      'google_bigquery_dataset_access.auditor',
    ],
    [
      'google_bigquery_dataset_access and an IAM member, on a dataset without access blocks',
      {
        google_bigquery_dataset: { sales: { dataset_id: 'sales' } },
        google_bigquery_dataset_access: { auditor: accessEntry(REF) },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales') },
      },
      'google_bigquery_dataset_access.auditor',
    ],
    [
      'access blocks and google_bigquery_dataset_access',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_access: { auditor: accessEntry(REF) },
      },
      'google_bigquery_dataset.sales',
    ],
    [
      'access blocks whose lifecycle ignores another argument',
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks({ lifecycle: { ignore_changes: ['labels'] } }),
        },
        google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
      },
      'google_bigquery_dataset.sales',
    ],
  ])('%s', (_, resources, address) => {
    const findings = findingsOf(rule, stackJson(resources));
    expect(findings.map((f) => [f.rule, f.severity, f.address, f.acknowledged])).toEqual([
      ['bigquery-dataset-access-conflict', 'error', address, false],
    ]);
    expect(findings[0].fix).toMatch(/ignore_changes = \[access\]/);
  });

  test("without a project anywhere, resources in the same provider's project match on dataset_id", () => {
    const json = stackJson(
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales') },
      },
      { provider: { google: [{ region: 'europe-west1' }] } },
    );
    expect(findingsOf(rule, json).map((f) => f.message)).toEqual([
      expect.stringMatching(/^BigQuery dataset sales in the google provider's project has /),
    ]);
  });

  test('a reference finds the dataset when neither its id nor its project is known before apply', () => {
    const json = stackJson(
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks({ project: '${var.project}', dataset_id: '${var.dataset}' }),
        },
        google_bigquery_dataset_iam_member: {
          reader: iamMember(REF, '${google_bigquery_dataset.sales.project}'),
        },
      },
      { provider: { google: [{}] } },
    );
    expect(findingsOf(rule, json).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^BigQuery dataset \$\{var\.dataset\} in project \$\{var\.project\} has /,
      ),
    ]);
  });

  test('the message names every way and its resources, and counts the rest', () => {
    const members = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((n) => [
        n,
        { ...iamMember(REF), member: `user:${n}@acme.example` },
      ]),
    );
    const [finding] = findingsOf(
      rule,
      stackJson({
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_access: { auditor: accessEntry('sales') },
        google_bigquery_dataset_iam_member: members,
      }),
    );
    expect(finding.message).toBe(
      'BigQuery dataset sales in project acme-prod has its access list written by the access blocks of google_bigquery_dataset.sales and by google_bigquery_dataset_access.auditor and by google_bigquery_dataset_iam_member.a, google_bigquery_dataset_iam_member.b, google_bigquery_dataset_iam_member.c and 2 more: each apply removes the entries the others added, so those grants come and go on alternate applies.',
    );
  });
});

describe('bigquery-dataset-access-conflict leaves one way per dataset alone', () => {
  test.each([
    [
      'IAM members only, two of them',
      {
        google_bigquery_dataset: { sales: { dataset_id: 'sales' } },
        google_bigquery_dataset_iam_member: {
          reader: iamMember(REF),
          other: { ...iamMember('sales'), member: 'group:analysts@acme.example' },
        },
      },
    ],
    ['access blocks only', { google_bigquery_dataset: { sales: withAccessBlocks() } }],
    [
      'google_bigquery_dataset_access only, two of them',
      {
        google_bigquery_dataset: { sales: { dataset_id: 'sales' } },
        google_bigquery_dataset_access: {
          auditor: accessEntry(REF),
          other: { ...accessEntry('sales'), user_by_email: 'other@acme.example' },
        },
      },
    ],
    [
      'access blocks with lifecycle ignore_changes = [access]',
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks({ lifecycle: { ignore_changes: ['access'] } }),
        },
        google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
      },
    ],
    [
      'access blocks and google_bigquery_dataset_access, with lifecycle ignore_changes = [access]',
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks({ lifecycle: { ignore_changes: ['access'] } }),
        },
        google_bigquery_dataset_access: { auditor: accessEntry(REF) },
      },
    ],
    [
      'access blocks with lifecycle ignore_changes = all',
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks({ lifecycle: { ignore_changes: 'all' } }),
        },
        google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
      },
    ],
    [
      'an empty access list',
      {
        google_bigquery_dataset: { sales: { dataset_id: 'sales', access: [] } },
        google_bigquery_dataset_iam_member: { reader: iamMember(REF) },
      },
    ],
    [
      'two datasets, each with one way',
      {
        google_bigquery_dataset: {
          sales: withAccessBlocks(),
          orders: { dataset_id: 'orders' },
        },
        google_bigquery_dataset_iam_member: {
          reader: iamMember('${google_bigquery_dataset.orders.dataset_id}'),
          literal: iamMember('orders', 'acme-prod'),
        },
        google_bigquery_dataset_access: { auditor: accessEntry('marketing') },
      },
    ],
    [
      'the same dataset_id in different projects',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: { reader: iamMember('sales', 'acme-dev') },
        google_bigquery_dataset_access: { auditor: accessEntry('sales', 'acme-test') },
      },
    ],
    [
      'the same dataset_id under another provider configuration',
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: {
          reader: { ...iamMember('sales'), provider: 'google.dev' },
        },
      },
    ],
  ])('%s', (_, resources) => {
    const json = stackJson(resources, {
      provider: { google: [{ project: 'acme-prod' }, { alias: 'dev', project: 'acme-dev' }] },
    });
    expect(findingsOf(rule, json)).toEqual([]);
  });

  test('an unknown project matches only another resource that leaves it unknown the same way', () => {
    const json = stackJson(
      {
        google_bigquery_dataset: { sales: withAccessBlocks() },
        google_bigquery_dataset_iam_member: {
          named: iamMember('sales', 'acme-prod'),
          variable: iamMember('sales', '${var.project}'),
          aliased: { ...iamMember('sales'), provider: 'google.other' },
        },
      },
      { provider: { google: [{}, { alias: 'other' }] } },
    );
    expect(findingsOf(rule, json)).toEqual([]);
  });
});

describe('bigquery-dataset-access-conflict in an app', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  /** A raw dataset with access blocks, as a team writes it beside the library's constructs. */
  const rawDataset = (stack: TerraformStack) =>
    new BigqueryDataset(stack, 'sales', {
      datasetId: 'sales',
      location: 'EU',
      access: [
        { role: 'OWNER', specialGroup: 'projectOwners' },
        { role: 'READER', groupByEmail: 'analysts@acme.example' },
      ],
    });

  /** The library's grant: a reporting job reads dataset `sales` of acme-prod, by literal. */
  const grantReadOnSales = (stack: TerraformStack) =>
    BigQueryDataset.fromDatasetId(stack, 'imported', {
      project: 'acme-prod',
      datasetId: 'sales',
    }).grantRead(
      new ServiceIdentity(stack, 'reporting', {
        project: 'acme-prod',
        accountId: 'nightly-report',
      }),
    );

  test("the library's dataset grant on a dataset written with access blocks fails synth", () => {
    const stack = testStack();
    rawDataset(stack);
    grantReadOnSales(stack);
    Guardrails.check(stack);
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[bigquery-dataset-access-conflict\] google_bigquery_dataset\.sales \(test\/sales\): BigQuery dataset sales in project acme-prod has its access list written by the access blocks of google_bigquery_dataset\.sales and by google_bigquery_dataset_iam_member\./,
    );
  });

  test("a VertexPipelineIdentity's dataset grant, by the raw dataset's attributes, fails synth", () => {
    const stack = testStack();
    const sales = rawDataset(stack);
    const training = new VertexPipelineIdentity(stack, 'training', {
      project: 'acme-prod',
      accountId: 'fraud-training',
    });
    BigQueryDataset.fromDatasetId(stack, 'metrics', {
      project: sales.project,
      datasetId: sales.datasetId,
    }).grantWrite(training);
    Guardrails.check(stack);
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[bigquery-dataset-access-conflict\] google_bigquery_dataset\.sales \(test\/sales\)/,
    );
  });

  test('the same grant passes once the dataset ignores changes to access', () => {
    const stack = testStack();
    const sales = rawDataset(stack);
    sales.lifecycle = { ignoreChanges: ['access'] };
    grantReadOnSales(stack);
    Guardrails.check(stack);
    const { json } = synthToFolder(stack);
    expect(json.resource.google_bigquery_dataset.sales.lifecycle).toEqual({
      ignore_changes: ['access'],
    });
    expect(stderr.mock.calls.join('')).not.toContain('bigquery-dataset-access-conflict');
  });

  test('an acknowledgement on the dataset silences it, and is listed with its reason', () => {
    const stack = testStack();
    const sales = rawDataset(stack);
    new BigqueryDatasetIamMember(stack, 'reader', {
      datasetId: sales.datasetId,
      role: 'roles/bigquery.dataViewer',
      member: 'group:readers@acme.example',
    });
    Guardrails.acknowledge(
      sales,
      'bigquery-dataset-access-conflict',
      'Migrating to IAM members, access blocks removed next release',
    );
    Guardrails.check(stack);
    const { json } = synthToFolder(stack); // would throw on an error finding
    expect(findingsOf(rule, json).map((f) => [f.address, f.acknowledged, f.reason])).toEqual([
      [
        'google_bigquery_dataset.sales',
        true,
        'Migrating to IAM members, access blocks removed next release',
      ],
    ]);
  });

  /** A synthesized app folder with the conflict, acknowledged or not. */
  function synthesizedApp(acknowledge: boolean): string {
    const outdir = folderWith({});
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 'data');
    new GoogleProvider(stack, 'google', { project: 'acme-prod' });
    const sales = rawDataset(stack);
    new BigqueryDatasetIamMember(stack, 'reader', {
      project: 'acme-prod',
      datasetId: 'sales',
      role: 'roles/bigquery.dataViewer',
      member: 'group:readers@acme.example',
    });
    if (acknowledge) {
      Guardrails.acknowledge(
        sales,
        'bigquery-dataset-access-conflict',
        'Migrating to IAM members this quarter',
      );
    }
    app.synth();
    return outdir;
  }

  test('cdktf-guardrails check finds it in the synthesized output, and honours the acknowledgement', () => {
    const planted = cli(['check', synthesizedApp(false), '--format', 'json']);
    expect(planted.code).toBe(1);
    expect(JSON.parse(planted.out).findings).toEqual([
      {
        rule: 'bigquery-dataset-access-conflict',
        severity: 'error',
        stack: 'data',
        address: 'google_bigquery_dataset.sales',
        path: 'data/sales',
        message: expect.stringContaining(
          'the access blocks of google_bigquery_dataset.sales and by google_bigquery_dataset_iam_member.reader',
        ),
        acknowledged: false,
      },
    ]);
    const acknowledged = cli(['check', synthesizedApp(true), '--format', 'json']);
    expect(acknowledged.code).toBe(0);
    expect(JSON.parse(acknowledged.out).findings).toEqual([
      expect.objectContaining({
        rule: 'bigquery-dataset-access-conflict',
        acknowledged: true,
        reason: 'Migrating to IAM members this quarter',
      }),
    ]);
  });
});
