import { Lazy, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ValidationError } from '../errors';
import { checkAtSynth } from './synth-check';

const PROVIDER_TYPE = 'google-beta';

/** Stacks searched while constructs were still being added, and what was found. */
const DURING_CONSTRUCTION = new WeakMap<TerraformStack, TerraformProvider | null>();
/** Stacks searched at synth, when the tree is complete. */
const AT_SYNTH = new WeakMap<TerraformStack, TerraformProvider | null>();

/**
 * The google-beta provider of the stack, if one exists **now**: searched once per stack
 * (a stack with thousands of callers walks its tree once), then remembered. When none
 * exists yet, callers fall back to {@link betaProviderAtSynth}.
 */
export function betaProviderNow(scope: IConstruct): TerraformProvider | undefined {
  return findOnce(DURING_CONSTRUCTION, TerraformStack.of(scope));
}

/** The google-beta provider of the stack, looked up once at synth, after every construct exists. */
export function betaProviderAtSynth(scope: IConstruct): TerraformProvider | undefined {
  return findOnce(AT_SYNTH, TerraformStack.of(scope));
}

/** Searches `stack` the first time, then answers from `cache` (null: searched, none found). */
function findOnce(
  cache: WeakMap<TerraformStack, TerraformProvider | null>,
  stack: TerraformStack,
): TerraformProvider | undefined {
  let found = cache.get(stack);
  if (found === undefined) {
    found = findBetaProvider(stack) ?? null;
    cache.set(stack, found);
  }
  return found ?? undefined;
}

/** The google-beta provider without an alias, or the only one. */
function findBetaProvider(stack: TerraformStack): TerraformProvider | undefined {
  const providers = stack.node
    .findAll()
    .filter((c): c is TerraformProvider => c instanceof TerraformProvider)
    .filter((p) => p.terraformResourceType === PROVIDER_TYPE);
  return (
    providers.find((p) => p.alias === undefined) ??
    (providers.length === 1 ? providers[0] : undefined)
  );
}

/**
 * Puts `resource` on the stack's google-beta provider: the one that exists now, or (since a
 * provider may be added after the construct that needs it) the one found at synth. A stack
 * without one fails every synth with the ValidationError that `missing` makes, which says how
 * to add it.
 */
export function useBetaProvider(
  resource: TerraformResource,
  requester: IConstruct,
  missing: () => ValidationError,
): void {
  const provider = betaProviderNow(requester);
  if (provider) {
    resource.provider = provider;
    return;
  }
  resource.addOverride(
    'provider',
    Lazy.stringValue({ produce: () => betaProviderAtSynth(requester)?.fqn }),
  );
  checkAtSynth(requester, () => {
    if (!betaProviderAtSynth(requester)) throw missing();
  });
}
