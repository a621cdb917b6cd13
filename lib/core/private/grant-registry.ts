import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { Grant } from '../grant';

/** Grants per stack. A WeakMap so that registries go away with their stacks (tests make many). */
const GRANTS = new WeakMap<TerraformStack, Grant[]>();

/** The grants recorded in the stack that contains `scope`. */
export function grantsOf(scope: IConstruct): readonly Grant[] {
  return GRANTS.get(TerraformStack.of(scope)) ?? [];
}

/** Records a grant in its stack's registry. */
export function recordGrant(scope: IConstruct, grant: Grant): void {
  const stack = TerraformStack.of(scope);
  const grants = GRANTS.get(stack);
  if (grants) grants.push(grant);
  else GRANTS.set(stack, [grant]);
}
