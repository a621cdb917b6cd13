import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * The one construct with `id` at the root of the stack that contains `scope`, created on
 * first use. Used for what a stack must hold once whoever asks (audit configs, shared
 * custom roles), so that duplicates are impossible by construction.
 */
export function stackSingleton<T extends IConstruct>(
  scope: IConstruct,
  id: string,
  isInstance: (c: IConstruct) => c is T,
  create: (stack: TerraformStack, id: string) => T,
): T {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(id);
  return existing && isInstance(existing) ? existing : create(stack, id);
}
