import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AuditLogs } from '../lib';
import { PROJECT, useProviders } from './providers';

/**
 * The platform team's foundation stack. It owns every audit config the other stacks of the
 * app enable: `google_project_iam_audit_config` is authoritative per project and service, so
 * exactly one stack may manage each (a second would overwrite it, and destroying either would
 * turn the logs off for both). The workload stacks rely on it and write none.
 */
export class FoundationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useProviders(this);
    AuditLogs.designateOwner(this);
    // Who changed IAM policies and service accounts, and who impersonated them.
    AuditLogs.of(this).enable(PROJECT, 'iam.googleapis.com');
  }
}
