// What a Google-only team gets when it reaches for a construct that needs an optional
// provider package it did not install: a ValidationError that names the package.
import { App, TerraformStack } from 'cdktf';
import {
  CrossCloudKeyVaultFederation,
  ServiceIdentity,
  VertexEndpointCaller,
} from 'cdktf-guardrails';
import { ValidationError } from 'cdktf-guardrails/errors';
import { GuardrailsTesting } from 'cdktf-guardrails/testing';

/** How one attempt failed. */
export interface Refusal {
  readonly attempt: string;
  readonly isValidationError: boolean;
  readonly message: string;
}

function attempt(name: string, f: () => void): Refusal {
  try {
    f();
  } catch (e) {
    return { attempt: name, isValidationError: e instanceof ValidationError, message: String(e) };
  }
  return { attempt: name, isValidationError: false, message: 'no error' };
}

/** Each construct (or helper option) that needs google-beta or azurerm, tried without them. */
export function tryOptionalProviders(): Refusal[] {
  const stack = new TerraformStack(new App({ outdir: 'cdktf.out.scratch' }), 'scratch');
  const workload = new ServiceIdentity(stack, 'workload', {
    project: 'acme-prod',
    accountId: 'orders-api-run',
  });
  return [
    attempt('VertexEndpointCaller', () => {
      new VertexEndpointCaller(stack, 'caller', {
        caller: workload,
        project: 'acme-prod',
        region: 'europe-west1',
        endpointId: '1234567890',
      });
    }),
    attempt('CrossCloudKeyVaultFederation', () => {
      new CrossCloudKeyVaultFederation(stack, 'vault', {
        workload,
        resourceGroupName: 'orders',
        location: 'westeurope',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        existingVaultId:
          '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/orders/providers/Microsoft.KeyVault/vaults/acme-orders-kv',
      });
    }),
    attempt('GuardrailsTesting.stack', () => {
      GuardrailsTesting.stack({ googleBeta: true });
    }),
  ];
}
