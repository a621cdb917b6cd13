import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalidValue } from './messages';

/**
 * The `scope` of a new construct of the library, after checking it and `id`: the scope must be
 * a construct inside a TerraformStack, the id a non-empty string not yet used in that scope.
 * Called in `super(...)`, so a bad argument gives a ValidationError instead of the plain Error
 * (or a construct outside any stack) that the constructs library would make.
 */
export function constructScope(kind: string, scope: unknown, id: unknown): Construct {
  if (!Construct.isConstruct(scope)) {
    throw invalidValue(
      `new ${kind}`,
      'scope',
      scope,
      'must be a construct inside a TerraformStack',
      'Pass the stack, or a construct in it, as the first argument.',
    );
  }
  if (typeof id !== 'string' || id.trim().length === 0) {
    throw invalidValue(
      pathOf(scope, id),
      'id',
      id,
      'must be a non-empty string',
      `Pass a construct id, e.g. '${kind.charAt(0).toLowerCase()}${kind.slice(1)}'.`,
    );
  }
  if (!insideStack(scope)) {
    throw invalidValue(
      pathOf(scope, id),
      'scope',
      scope,
      'must be a TerraformStack or a construct inside one',
      'Create the construct in a stack: new TerraformStack(app, name).',
    );
  }
  if (scope.node.tryFindChild(id) !== undefined) {
    throw invalidValue(
      pathOf(scope, id),
      'id',
      id,
      `is already used by another construct in '${scope.node.path}'`,
      'Give each construct in a scope its own id.',
    );
  }
  return scope;
}

/** Where the construct would have been (made only for a message). */
function pathOf(scope: Construct, id: unknown): string {
  return `${scope.node.path || '<app>'}/${String(id)}`;
}

function insideStack(scope: Construct): boolean {
  for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
    if (TerraformStack.isStack(c)) return true;
  }
  return false;
}
