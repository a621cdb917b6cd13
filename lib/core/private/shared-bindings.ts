import { Construct, IConstruct } from 'constructs';
import { stackSingleton } from './stack-singleton';

const SINGLETON_ID = 'GuardrailsSharedBindings';

/**
 * The parent of bindings on resources the stack does not create (a secret or a KMS key made
 * elsewhere). Several constructs may ask for the same access there; the binding's address then
 * depends only on what it grants, never on which construct asked first, and removing one of
 * them keeps the binding the others need.
 */
export class SharedBindings extends Construct {
  /** The shared bindings of the stack that contains `scope`. */
  public static of(scope: IConstruct): SharedBindings {
    return stackSingleton(
      scope,
      SINGLETON_ID,
      (c): c is SharedBindings => c instanceof SharedBindings,
      (stack, id) => new SharedBindings(stack, id),
    );
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }
}
