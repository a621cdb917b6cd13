// The consumer's app: synthesizes the Google-only stack, checks its grants with the testing
// helpers, reads it with the analysis model, tries the constructs that need optional
// providers, and reports what it saw.
import { readFileSync, writeFileSync } from 'fs';
import { App } from 'cdktf';
import { analyzeStack } from 'cdktf-guardrails/analysis';
import { SynthesizedStack } from 'cdktf-guardrails/testing';
import { googleOnlyStack } from './google-stack.js';
import { tryOptionalProviders } from './optional-providers.js';

const app = new App({ outdir: 'cdktf.out' });
const stack = googleOnlyStack(app);
const synthesized = SynthesizedStack.of(stack);
synthesized.hasGrant({
  member: 'group:deployers@example.com',
  role: 'roles/iam.serviceAccountUser',
});
synthesized.hasNoGrant({ member: 'allUsers' });
app.synth();
// The model of the Terraform as written, as users' own tooling reads it.
const written = readFileSync('cdktf.out/stacks/google-only/cdk.tf.json', 'utf8');
const model = analyzeStack(JSON.parse(written), { stack: 'google-only' });

// Which provider modules loading the library pulled in (CommonJS only: ES modules have no require).
const loaded = typeof require === 'undefined' ? [] : Object.keys(require.cache);
writeFileSync(
  'report.json',
  JSON.stringify({
    grants: synthesized.grants.length,
    modelBindings: model.bindings.length,
    refusals: tryOptionalProviders(),
    loadedProviderModules: loaded.filter((f) => f.includes('/@cdktf/provider-')),
  }),
);
