import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';

// The benchmark compares each workload with the same resources written as raw provider
// classes. This keeps the comparison honest: both variants must synthesize the same resource
// types, and where a workload has a `sameTerraform` variant (the budget's baseline), it must
// write the library's stack byte for byte. The workloads use the compiled library (build/),
// which `npm test` builds first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workloads = require('../../bench/workloads.js') as Record<
  string,
  {
    library: (stack: TerraformStack, i: number) => void;
    raw: (stack: TerraformStack, i: number) => void;
    sameTerraform?: (stack: TerraformStack, i: number) => void;
  }
>;

type Variant = 'library' | 'raw' | 'sameTerraform';

/** The stack file that workloads 0-2 of `name`, written as `variant`, synthesize. */
function synthesized(variant: Variant, name: string): string {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'bench');
  new GoogleProvider(stack, 'google', { project: 'acme-bench' });
  new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-bench' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (let i = 0; i < 3; i++) workloads[name][variant]!(stack, i);
  return Testing.synth(stack);
}

function resourceTypes(variant: Variant, name: string): string[] {
  const json = JSON.parse(synthesized(variant, name)) as {
    resource: Record<string, Record<string, unknown>>;
  };
  return Object.entries(json.resource)
    .map(([type, byName]) => `${type} x${Object.keys(byName).length}`)
    .sort();
}

describe('bench workloads', () => {
  test.each(Object.keys(workloads))(
    '%s: library and raw variants write the same resources',
    (name) => {
      expect(resourceTypes('library', name)).toEqual(resourceTypes('raw', name));
    },
  );

  const withSameTerraform = Object.keys(workloads).filter((n) => workloads[n].sameTerraform);

  test('the budgeted Cloud Run workload has a same-Terraform baseline', () => {
    expect(withSameTerraform).toContain('cloudRunService');
  });

  test.each(withSameTerraform)(
    '%s: the sameTerraform variant writes the library stack byte for byte',
    (name) => {
      const library = synthesized('library', name);
      expect(synthesized('sameTerraform', name)).toBe(library);
      // Not trivially: the stack holds the workloads' bindings at their derived addresses.
      expect(library).toMatch(/"svc2_runservicesInvoker-[0-9a-f]{12}_[0-9A-F]{8}"/);
    },
  );
});
