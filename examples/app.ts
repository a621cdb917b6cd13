import { App } from 'cdktf';
import { Guardrails } from '../lib';
import { AzureKeyVaultStack } from './azure-key-vault';
import { CloudRunStack } from './cloud-run';
import { FederationStack } from './federation';
import { FoundationStack } from './foundation';
import { IdentityCoreStack } from './identity-core';
import { InternalAdminStack } from './internal-admin';
import { MlPipelineStack } from './ml-pipeline';
import { StorageStack } from './storage';
import { VertexStack } from './vertex';

/**
 * Adds every example stack to `app` and checks all of them with the stack-wide guardrails;
 * the tests synthesize the same set.
 */
export function buildExamples(app: App): void {
  // Owns the audit configs of every stack below (one owner per project and service).
  new FoundationStack(app, 'foundation');
  new IdentityCoreStack(app, 'identity-core');
  new CloudRunStack(app, 'cloud-run');
  new StorageStack(app, 'storage');
  new VertexStack(app, 'vertex');
  new FederationStack(app, 'federation');
  new AzureKeyVaultStack(app, 'azure-key-vault');
  new InternalAdminStack(app, 'internal-admin');
  new MlPipelineStack(app, 'ml-pipeline');
  Guardrails.check(app);
}
