import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

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
  const stack = TerraformStack.of(scope);
  let found = DURING_CONSTRUCTION.get(stack);
  if (found === undefined) {
    found = findBetaProvider(stack) ?? null;
    DURING_CONSTRUCTION.set(stack, found);
  }
  if (found === null) {
    // It may still be added later; look again only when one has been found since.
    return AT_SYNTH.get(stack) ?? undefined;
  }
  return found;
}

/** The google-beta provider of the stack, looked up once at synth, after every construct exists. */
export function betaProviderAtSynth(scope: IConstruct): TerraformProvider | undefined {
  const stack = TerraformStack.of(scope);
  let found = AT_SYNTH.get(stack);
  if (found === undefined) {
    found = findBetaProvider(stack) ?? null;
    AT_SYNTH.set(stack, found);
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
