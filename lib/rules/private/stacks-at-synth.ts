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
 * them (an app): those that exist now, and, through `app.synth()`, those added later.
 * cdktf 0.21 neither invokes aspects added to an app nor validates an app before its stacks
 * are written (synthesizer.js `invokeAspects(stack)`, app.js `synth()`), so an app-wide opt-in
 * has to reach each stack itself. `callback` must be idempotent.
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

function stacksUnder(scope: IConstruct): TerraformStack[] {
  return scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
}
