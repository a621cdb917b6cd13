import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { analyzeInProcess } from '../../lib/analysis/in-process';
import { AccessDiff, diffAccess } from '../../lib/report/access-diff';
import type { AccessSnapshot, GrantEntry } from '../../lib/report/access-entries';
import { accessSnapshot } from '../../lib/report/access-snapshot';

/** Builds resources into a stack. */
export type Build = (stack: TerraformStack) => void;

/** A stack named `id` in a new app, with the providers users' stacks have. */
export function providerStack(app: App = Testing.app(), id = 'app'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new GoogleProvider(stack, 'google', { project: 'acme-prod' });
  new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-prod' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** The access of the stacks `builds` make (stack id: its key), read from their synthesized JSON. */
export function snapshotOf(builds: Build | Record<string, Build>): AccessSnapshot {
  const app = Testing.app();
  const byId = typeof builds === 'function' ? { app: builds } : builds;
  const stacks = Object.entries(byId).map(([id, build]) => {
    const stack = providerStack(app, id);
    build(stack);
    invokeAspects(stack);
    return stack;
  });
  return accessSnapshot(stacks.map(analyzeInProcess));
}

/** The access diff from the stacks `base` builds to those `head` builds. */
export function diffOf(
  base: Build | Record<string, Build>,
  head: Build | Record<string, Build>,
): AccessDiff {
  return diffAccess(snapshotOf(base), snapshotOf(head));
}

/** What a grant grants, in one line, for compact assertions. */
export function grantLine(g: GrantEntry): string {
  const condition = g.condition ? ` if ${g.condition.title ?? g.condition.expression}` : '';
  return `${g.principal} ${g.role} on ${g.target}${condition}`;
}
