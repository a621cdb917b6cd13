// The consumer's app: synthesizes the Google-only stack, checks its grants with the testing
// helpers, tries the constructs that need optional providers, and reports what it saw.
import { writeFileSync } from 'fs';
import { App } from 'cdktf';
import { SynthesizedStack } from 'cdktf-guardrails/testing';
import { googleOnlyStack } from './google-stack.js';
import { tryOptionalProviders } from './optional-providers.js';

const app = new App({ outdir: process.env.CONSUMER_OUTDIR ?? 'cdktf.out' });
const stack = googleOnlyStack(app);
const synthesized = SynthesizedStack.of(stack);
synthesized.hasGrant({
  member: 'group:deployers@example.com',
  role: 'roles/iam.serviceAccountUser',
});
synthesized.hasNoGrant({ member: 'allUsers' });
app.synth();

// Which provider modules loading the library pulled in (CommonJS only: ES modules have no require).
const loaded = typeof require === 'undefined' ? [] : Object.keys(require.cache);
writeFileSync(
  process.env.CONSUMER_REPORT ?? 'report.json',
  JSON.stringify({
    grants: synthesized.grants.length,
    refusals: tryOptionalProviders(),
    loadedProviderModules: loaded.filter((f) => f.includes('/@cdktf/provider-')),
  }),
);
