import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';

// The benchmark compares each workload with the same resources written as raw provider
// classes. This keeps the comparison honest: both variants must synthesize the same resource
// types. The workloads use the compiled library (build/), which `npm test` builds first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workloads = require('../../bench/workloads.js') as Record<
  string,
  {
    library: (stack: TerraformStack, i: number) => void;
    raw: (stack: TerraformStack, i: number) => void;
  }
>;

function resourceTypes(variant: 'library' | 'raw', name: string): string[] {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'bench');
  new GoogleProvider(stack, 'google', { project: 'acme-bench' });
  new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-bench' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (let i = 0; i < 2; i++) workloads[name][variant](stack, i);
  const json = JSON.parse(Testing.synth(stack)) as {
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
});
