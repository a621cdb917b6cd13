import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { Construct } from 'constructs';

/** The project every example deploys into. */
export const PROJECT = 'acme-prod';
/** The region every example deploys into. */
export const REGION = 'europe-west1';

/** Configures the providers an example stack uses. Deep imports keep synth fast. */
export function useProviders(
  scope: Construct,
  options: { googleBeta?: boolean; azure?: boolean } = {},
): void {
  new GoogleProvider(scope, 'google', { project: PROJECT, region: REGION });
  if (options.googleBeta)
    new GoogleBetaProvider(scope, 'google-beta', { project: PROJECT, region: REGION });
  if (options.azure) new AzurermProvider(scope, 'azurerm', { features: [{}] });
}
