import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { analyzeStack } from './analyze';
import type { StackModel } from './model';
import { readableText } from './readable-text';

/**
 * The model of a stack built in this process, read from the same resolved JSON (with its `//`
 * metadata) that `cdktf synth` writes to `cdk.tf.json`.
 */
export function analyzeInProcess(stack: TerraformStack): StackModel {
  return analyzeStack(stack.toTerraform(), { stack: stack.node.id });
}

/**
 * A function that shows values of `stack` as a reader should see them, whatever the order in
 * which tests ran: tokens become the Terraform expressions they synthesize to, then values the
 * JSON gives (a service account's email), and the rest `<kind identity>`. Reads the stack's
 * JSON once, when first needed.
 */
export function readableValues(stack: TerraformStack): (value: string) => string {
  let model: StackModel | null | undefined;
  return (value) => {
    if (!Token.isUnresolved(value) && !value.includes('${')) return value;
    if (model === undefined) {
      try {
        model = analyzeInProcess(stack);
      } catch {
        // A stack that cannot be resolved yet (a check that fails at synth will say why):
        // the Terraform expressions are still token-free and stable.
        model = null;
      }
    }
    const expression = asTerraform(stack, value);
    return model ? readableText(model, expression) : expression;
  };
}

/** The stack that contains `scope`, or every stack under it (an app). */
export function stacksOf(scope: IConstruct): TerraformStack[] {
  const own = [...scope.node.scopes]
    .reverse()
    .find((c): c is TerraformStack => TerraformStack.isStack(c));
  if (own) return [own];
  return scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
}

/** Tokens in `value` as the Terraform expressions they synthesize to, e.g. `${google_x.y.email}`. */
function asTerraform(stack: TerraformStack, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  return String(
    Tokenization.resolve(value, {
      scope: stack,
      preparing: false,
      resolver: new DefaultTokenResolver(new StringConcat()),
    }),
  );
}
