import { Construct, IConstruct } from 'constructs';
import { stableId } from './stable-id';
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

  /**
   * The one construct made by `create` for `project` in the stack of `scope` (e.g. the data
   * source that names a project's service agent), so that every construct of the project names
   * the agent with the same reference and their bindings share one key.
   */
  public static perProject<T extends IConstruct>(
    scope: IConstruct,
    prefix: string,
    project: string,
    create: (shared: SharedBindings, id: string) => T,
  ): T {
    const shared = SharedBindings.of(scope);
    const id = stableId(shared, prefix, [project]);
    return (shared.node.tryFindChild(id) as T | undefined) ?? create(shared, id);
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }
}
