import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

type StackCallback = (stack: TerraformStack) => void;

/** Callbacks per app, run on every stack under their scope when the app synthesizes. */
const AT_SYNTH = new WeakMap<App, Array<{ scope: IConstruct; callback: StackCallback }>>();

/** The stack that contains `scope`, or undefined for an app or a construct above stacks. */
export function stackOf(scope: IConstruct): TerraformStack | undefined {
  return scope.node.scopes
    .slice()
    .reverse()
    .find((c): c is TerraformStack => TerraformStack.isStack(c));
}

/**
 * Runs `callback` on the stack of `scope`, or on every stack under `scope` when it is above
 * them (an app): those that exist now, and those added later, when the app synthesizes.
 * `callback` must be idempotent.
 *
 * Stacks added later are reached by wrapping `app.synth()`, because cdktf 0.21 has no hook
 * for them: it does not invoke aspects added to an app (synthesizer.js `invokeAspects(stack)`
 * starts at each stack), validates the app only after every stack is written (app.js
 * `synth()`), and nothing tells an app that a stack was added. The wrapper runs the callbacks
 * before the stacks are synthesized, so what they register (the guardrails' aspect and
 * validation, the acknowledgements' metadata) takes part in that synthesis like it does for
 * stacks that existed at the call. `Testing.synth(stack)` never calls `app.synth()`: tests
 * opt the stack in after building it, or use `GuardrailsTesting.synth`, which calls
 * `reachStack` first.
 */
export function forEachStack(scope: IConstruct, callback: StackCallback): void {
  const own = stackOf(scope);
  if (own) {
    callback(own);
    return;
  }
  stacksUnder(scope).forEach(callback);
  const root = scope.node.root;
  if (!App.isApp(root)) return;
  let callbacks = AT_SYNTH.get(root);
  if (!callbacks) {
    callbacks = [];
    AT_SYNTH.set(root, callbacks);
    const registered = callbacks;
    const synth = root.synth.bind(root);
    Object.defineProperty(root, 'synth', {
      configurable: true,
      writable: true,
      value: () => {
        for (const { scope: s, callback: cb } of registered) stacksUnder(s).forEach(cb);
        synth();
      },
    });
  }
  callbacks.push({ scope, callback });
}

/** Runs on `stack` the callbacks registered for a scope above it (an app), as `app.synth()` would. */
export function reachStack(stack: TerraformStack): void {
  const root = stack.node.root;
  if (!App.isApp(root)) return;
  for (const { scope, callback } of AT_SYNTH.get(root) ?? []) {
    if (stack.node.scopes.includes(scope)) callback(stack);
  }
}

function stacksUnder(scope: IConstruct): TerraformStack[] {
  return scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
}
