import { TerraformElement, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GUARDRAILS_METADATA_KEY } from '../../analysis/analyze';
import type { Acknowledgement } from '../../analysis/model';
import { stackSingleton } from '../../core/private/stack-singleton';
import { forEachStack } from './stacks-at-synth';

/** Acknowledgements per construct tree (keyed by its root, usually the App). */
const BY_ROOT = new WeakMap<IConstruct, Acknowledgement[]>();
const METADATA_ID = 'GuardrailsAcknowledgements';

/**
 * Records an acknowledgement (already validated) and makes sure every stack it covers writes
 * it into its `"//"` metadata, where the command line reads it.
 */
export function recordAcknowledgement(scope: IConstruct, rule: string, reason: string): void {
  const root = scope.node.root;
  const list = BY_ROOT.get(root) ?? [];
  const path = scope.node.path;
  if (!list.some((a) => a.path === path && a.rule === rule && a.reason === reason)) {
    list.push({ path, rule, reason });
  }
  BY_ROOT.set(root, list);
  forEachStack(scope, (stack) =>
    stackSingleton(
      stack,
      METADATA_ID,
      (c): c is AcknowledgementsMetadata => c instanceof AcknowledgementsMetadata,
      (s, id) => new AcknowledgementsMetadata(s, id),
    ),
  );
}

/** The acknowledgements that apply in `stack`: made on it, inside it, or on a scope above it. */
export function acknowledgementsOf(stack: TerraformStack): Acknowledgement[] {
  const path = stack.node.path;
  return (BY_ROOT.get(stack.node.root) ?? []).filter(
    (a) =>
      a.path === '' ||
      a.path === path ||
      a.path.startsWith(`${path}/`) ||
      path.startsWith(`${a.path}/`),
  );
}

/**
 * Writes the stack's acknowledgements into the top-level `"//"` metadata block of the
 * synthesized JSON (`"//": { "metadata": { "cdktf-guardrails": { "acknowledgements": [...] } } }`).
 * cdktf merges every element's `toMetadata()` into that block (terraform-stack.js
 * `toTerraform`), and Terraform ignores `"//"` properties.
 */
class AcknowledgementsMetadata extends TerraformElement {
  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  public toMetadata(): Record<string, unknown> {
    const acknowledgements = acknowledgementsOf(this.cdktfStack);
    return acknowledgements.length > 0 ? { [GUARDRAILS_METADATA_KEY]: { acknowledgements } } : {};
  }
}
