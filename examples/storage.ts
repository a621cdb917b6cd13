import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BucketLifecycleAction, ScopedBucket, SecureCloudRunService } from '../lib';
import { PROJECT, REGION, useProviders } from './providers';

/**
 * An uploads bucket: the API may only add files under `incoming/`; a worker reads
 * `incoming/` and writes its results under `processed/`. Nobody can read the whole bucket.
 */
export class StorageStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this);

    const uploads = new ScopedBucket(this, 'uploads', {
      project: PROJECT,
      bucketName: `${PROJECT}-uploads`,
      location: REGION,
      softDeleteRetentionDays: 14,
      lifecycleRules: [
        // Versioning keeps overwritten files; drop them after 30 days.
        { action: BucketLifecycleAction.DELETE, daysSinceNoncurrentTime: 30 },
      ],
      labels: { team: 'orders' },
    });

    const api = new SecureCloudRunService(this, 'uploads-api', {
      project: PROJECT,
      location: REGION,
      serviceName: 'uploads-api',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/uploads-api:1.0.0`,
      environment: { UPLOAD_BUCKET: uploads.bucketName, UPLOAD_PREFIX: 'incoming/' },
    });
    const worker = new SecureCloudRunService(this, 'uploads-worker', {
      project: PROJECT,
      location: REGION,
      serviceName: 'uploads-worker',
      image: `${REGION}-docker.pkg.dev/${PROJECT}/apps/uploads-worker:1.0.0`,
      environment: { UPLOAD_BUCKET: uploads.bucketName },
    });

    uploads.grantWrite(api, { prefix: 'incoming/' });
    uploads.grantRead(worker, { prefix: 'incoming/' });
    uploads.grantWrite(worker, { prefix: 'processed/' });
  }
}
