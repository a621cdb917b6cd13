import {
  ArtifactRegistryRepository,
  BigQueryDataset,
  Principal,
  ScopedBucket,
  SecureCloudRunService,
  VertexPipelineIdentity,
} from '../../lib';
import { testStack } from '../helpers';
import { badValues, casesOf, expectRefused } from './harness';

const GROUP = Principal.group('ml-engineers@acme.example');

describe('VertexPipelineIdentity: bad props', () => {
  const BASE = { project: 'acme-prod', accountId: 'fraud-training' };
  const make = (props: Record<string, unknown>) => () =>
    new VertexPipelineIdentity(testStack(), 'training', { ...BASE, ...props } as never);

  test.each(
    casesOf({
      project: 'string',
      accountId: 'string',
      displayName: 'optional-free-text',
      description: 'optional-free-text',
      submitters: 'optional-grantees',
      launchesJobs: 'optional-flag',
      staging: 'optional-struct',
      auditLogs: 'optional-flag',
      customCodeServiceAgentExists: 'optional-flag',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(make({ [prop]: bad.value }), 'test/training', prop, bad);
  });

  test('an unknown key is refused with the closest known one', () => {
    expect(make({ submiters: [GROUP] })).toThrow(
      /test\/training: 'submiters' is not a known prop.*Did you mean 'submitters'\?/,
    );
  });

  test.each(badValues('grantee'))('allowSubmit(%s)', (bad) => {
    const stack = testStack();
    const job = new VertexPipelineIdentity(stack, 'training', BASE);
    expectRefused(() => job.allowSubmit(bad.value as never), 'test/training', 'grantee', bad);
  });
});

describe('imported resources: bad attributes and arguments', () => {
  test.each(badValues('string'))('ScopedBucket.fromBucketName bucketName: %s', (bad) => {
    expectRefused(
      () => ScopedBucket.fromBucketName(testStack(), 'data', bad.value as never),
      'test/data',
      'bucketName',
      bad,
    );
  });

  test.each(
    casesOf({
      'attributes.project': 'string',
      'attributes.location': 'string',
      'attributes.serviceName': 'string',
      'attributes.ingress': 'optional-passthrough-enum',
    }),
  )('SecureCloudRunService.fromServiceName %s: %s', (prop, _label, bad) => {
    const key = prop.slice('attributes.'.length);
    const attrs = { project: 'acme-prod', location: 'europe-west1', serviceName: 'billing-api' };
    expectRefused(
      () =>
        SecureCloudRunService.fromServiceName(testStack(), 'billing', {
          ...attrs,
          [key]: bad.value,
        } as never),
      'test/billing',
      prop,
      bad,
    );
  });

  test.each(
    casesOf({
      'attributes.project': 'string',
      'attributes.datasetId': 'string',
      'attributes.auditLogs': 'optional-flag',
    }),
  )('BigQueryDataset.fromDatasetId %s: %s', (prop, _label, bad) => {
    const key = prop.slice('attributes.'.length);
    expectRefused(
      () =>
        BigQueryDataset.fromDatasetId(testStack(), 'features', {
          project: 'acme-prod',
          datasetId: 'fraud_features',
          [key]: bad.value,
        } as never),
      'test/features',
      prop,
      bad,
    );
  });

  test.each(
    casesOf({
      'attributes.project': 'string',
      'attributes.location': 'string',
      'attributes.repositoryId': 'string',
      'attributes.auditLogs': 'optional-flag',
    }),
  )('ArtifactRegistryRepository.fromRepositoryId %s: %s', (prop, _label, bad) => {
    const key = prop.slice('attributes.'.length);
    expectRefused(
      () =>
        ArtifactRegistryRepository.fromRepositoryId(testStack(), 'images', {
          project: 'acme-prod',
          location: 'europe-west1',
          repositoryId: 'training-images',
          [key]: bad.value,
        } as never),
      'test/images',
      prop,
      bad,
    );
  });

  test('grant options are shape-checked: a BigQuery jobs project given as a number', () => {
    const stack = testStack();
    const dataset = BigQueryDataset.fromDatasetId(stack, 'features', {
      project: 'acme-prod',
      datasetId: 'fraud_features',
    });
    expect(() => dataset.grantRead(GROUP, { jobsProject: 42 } as never)).toThrow(
      "test/features: 'options.jobsProject' must be a string, not a number (got 42). Pass a string, e.g. 'acme-prod'.",
    );
    expect(() => dataset.grantRead(GROUP, 'acme-prod' as never)).toThrow(
      /test\/features: 'options' must be an object/,
    );
  });

  test('grantUserAccess and the imported grant methods check their grantee', () => {
    const stack = testStack();
    const ui = new SecureCloudRunService(stack, 'admin', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'admin-ui',
      image: 'europe-west1-docker.pkg.dev/acme-prod/apps/admin-ui:2.0.1',
      users: [],
    });
    const [bad] = badValues('grantee');
    expectRefused(() => ui.grantUserAccess(bad.value as never), 'test/admin', 'grantee', bad);
    const repo = ArtifactRegistryRepository.fromRepositoryId(stack, 'images', {
      project: 'acme-prod',
      location: 'europe-west1',
      repositoryId: 'apps',
    });
    expectRefused(() => repo.grantRead(bad.value as never), 'test/images', 'grantee', bad);
    const bucket = ScopedBucket.fromBucketName(stack, 'data', 'acme-prod-ml-data');
    expectRefused(() => bucket.grantWrite(bad.value as never), 'test/data', 'grantee', bad);
  });
});
