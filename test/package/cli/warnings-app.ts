// A small app whose constructs add warnings, for the test of `cdktf synth` (npm run synth).
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { App, TerraformStack } from 'cdktf';
import {
  Guardrails,
  Principal,
  ScopedBucket,
  ServiceIdentity,
  VertexEndpointCaller,
  VertexGrantScope,
} from 'cdktf-guardrails';

const app = new App();
const stack = new TerraformStack(app, 'warnings');
new GoogleProvider(stack, 'google', { project: 'acme-prod' });
const reports = new ScopedBucket(stack, 'reports', {
  project: 'acme-prod',
  bucketName: 'acme-prod-reports',
  location: 'europe-west1',
});
reports.grantRead(Principal.group('auditors@example.com'), { prefix: 'daily' });
new VertexEndpointCaller(stack, 'scoring', {
  caller: new ServiceIdentity(stack, 'scorer', { project: 'acme-prod', accountId: 'scorer-run' }),
  project: 'acme-prod',
  region: 'europe-west1',
  endpointId: '1234567890',
  scope: VertexGrantScope.PROJECT,
});
// A raw bucket without versioning: a guardrail warning.
new StorageBucket(stack, 'scratch', {
  name: 'acme-prod-scratch',
  location: 'EU',
  uniformBucketLevelAccess: true,
  publicAccessPrevention: 'enforced',
});
Guardrails.check(app);
app.synth();
