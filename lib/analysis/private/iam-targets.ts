import type { BindingTarget, TargetLevel, TfResource } from '../model';
import { isLiteral, ReferenceResolver } from './references';

/** Target arguments listed first in a target's readable id; the rest follow alphabetically. */
const TARGET_ORDER = [
  'org_id',
  'folder',
  'billing_account_id',
  'project',
  'location',
  'region',
  'zone',
];

/** Arguments of an IAM resource that are not part of its target. */
const NOT_TARGET = [
  '//',
  'role',
  'member',
  'members',
  'condition',
  'policy_data',
  'etag',
  'provider',
  'depends_on',
  'lifecycle',
  'count',
  'for_each',
  'service',
  'audit_log_config',
];

/**
 * Each argument's place in a target's readable id: its index in `TARGET_ORDER`, or `NOT_PART`.
 * Other arguments are target arguments listed after those, alphabetically. One lookup per
 * argument tells all three apart.
 */
const NOT_PART = -1;
const ARGUMENT_RANKS: ReadonlyMap<string, number> = new Map([
  ...TARGET_ORDER.map((name, rank) => [name, rank] as const),
  ...NOT_TARGET.map((name) => [name, NOT_PART] as const),
]);

/**
 * The target arguments among `names` (a body's argument names), in the order a target's
 * readable id lists them: `TARGET_ORDER` names first, then the others alphabetically.
 */
function targetArguments(names: readonly string[]): string[] {
  const ranked: string[] = [];
  const others: string[] = [];
  for (const name of names) {
    const rank = ARGUMENT_RANKS.get(name);
    if (rank === undefined) others.push(name);
    else if (rank !== NOT_PART) ranked[rank] = name;
  }
  others.sort((a, b) => a.localeCompare(b));
  return [...ranked.filter((name) => name !== undefined), ...others];
}

/**
 * The target arguments of the IAM resources of one type. Resources of one type are mostly
 * written with the same arguments: the first one's list stands for all of them, and the few
 * written otherwise (a condition, an optional argument) keep their own.
 */
class TypeArguments {
  /** Resources whose argument names differ from the first resource's, with their own list. */
  private readonly exceptions = new Map<TfResource, readonly string[]>();
  private readonly targetArguments: readonly string[];

  constructor(resources: readonly TfResource[]) {
    const first = resources.length > 0 ? Object.keys(resources[0].body) : [];
    this.targetArguments = targetArguments(first);
    for (let i = 1; i < resources.length; i++) {
      const body = resources[i].body;
      if (!hasArguments(body, first)) {
        this.exceptions.set(resources[i], targetArguments(Object.keys(body)));
      }
    }
  }

  /** The target arguments of `resource`, one of the resources this list was made from. */
  public of(resource: TfResource): readonly string[] {
    return this.exceptions.size === 0
      ? this.targetArguments
      : (this.exceptions.get(resource) ?? this.targetArguments);
  }
}

/** True when `body` has exactly the argument names `names`, in this order. */
function hasArguments(body: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  let i = 0;
  for (const name in body) {
    if (name !== names[i++]) return false;
  }
  return i === names.length;
}

/** Reads the targets of Google IAM resources from their non-binding arguments. */
export class IamTargetReader {
  /** Target arguments by binding type, worked out when the first of their targets is read. */
  private argumentsByType: Map<string, TypeArguments> | undefined = undefined;

  /**
   * @param refs resolves the references in target arguments
   * @param bindingTypes the stack's Google IAM resources that hold bindings (`_iam_member`,
   * `_iam_binding`, `_iam_policy`), by resource type. Their target arguments are worked out
   * together, one pass over all of them when the first of their targets is read: the code that
   * reads each target then never meets a type it has not seen (V8 would throw its optimized code
   * away and compile it again, DESIGN.md section 6), and a command that reads no binding's target
   * (a check without findings on them) pays nothing. Other targets (audit configs, read once
   * each) are read on their own.
   */
  constructor(
    public readonly refs: ReferenceResolver,
    private readonly bindingTypes: ReadonlyMap<string, readonly TfResource[]>,
  ) {}

  /**
   * The target of an IAM resource whose level and kind of resource (`type`) follow from its
   * resource type. The readable id, address and project are worked out when first asked for:
   * rules mostly read the level, and a stack of 10,000 resources should cost little more than
   * reading it.
   */
  public target(resource: TfResource, level: TargetLevel, type: string): BindingTarget {
    return new LazyTarget(level, type, resource, this);
  }

  /** The target arguments of an IAM resource (`targetArguments`). */
  public targetArgumentsOf(resource: TfResource): readonly string[] {
    if (resource.mode !== 'managed' || !this.bindingTypes.has(resource.type)) {
      return targetArguments(Object.keys(resource.body));
    }
    this.argumentsByType ??= this.readTypes();
    return this.argumentsByType.get(resource.type)!.of(resource);
  }

  /** The target arguments of every binding type, by resource type. */
  private readTypes(): Map<string, TypeArguments> {
    const byType = new Map<string, TypeArguments>();
    for (const [type, resources] of this.bindingTypes) {
      byType.set(type, new TypeArguments(resources));
    }
    return byType;
  }
}

/**
 * A binding target whose level and type are known at once and whose id, address and project
 * are worked out together when one of them is first read. A class, so that every target has one
 * fast shape; it works its details out itself, in one function, because a report reads them for
 * every binding and each function on that path is one more for V8 to compile (DESIGN.md
 * section 6).
 */
class LazyTarget implements BindingTarget {
  #read = false;
  #id = '';
  #address: string | undefined = undefined;
  #project: string | undefined = undefined;
  readonly #resource: TfResource;
  readonly #reader: IamTargetReader;

  constructor(
    public readonly level: TargetLevel,
    public readonly type: string,
    resource: TfResource,
    reader: IamTargetReader,
  ) {
    this.#resource = resource;
    this.#reader = reader;
  }

  public get id(): string {
    if (!this.#read) this.read();
    return this.#id;
  }

  public get address(): string | undefined {
    if (!this.#read) this.read();
    return this.#address;
  }

  public get project(): string | undefined {
    if (!this.#read) this.read();
    return this.#project;
  }

  /** The plain data, for JSON and test assertions. */
  public toJSON(): BindingTarget {
    return {
      level: this.level,
      type: this.type,
      id: this.id,
      address: this.address,
      project: this.project,
    };
  }

  /**
   * Works out the readable id, address and project (see `BindingTarget`): the target arguments
   * joined by `/` (`targetArguments`), literal values as written and references described; the
   * first in-stack resource they refer to; its project.
   */
  private read(): void {
    const resource = this.#resource;
    const refs = this.#reader.refs;
    const body = resource.body;
    const names = this.#reader.targetArgumentsOf(resource);
    let id = '';
    let referenced: TfResource | undefined;
    for (let i = 0; i < names.length; i++) {
      const value = body[names[i]];
      let text: string;
      if (typeof value !== 'string') {
        text = JSON.stringify(value) ?? '';
      } else if (!value.includes('${')) {
        text = value;
      } else {
        const described = refs.described(value);
        text = described.text;
        referenced ??= described.resource;
      }
      id = i === 0 ? text : `${id}/${text}`;
    }
    const project =
      this.level === 'project'
        ? literalOrUndefined(refs.resolve(String(body.project ?? '')))
        : undefined;
    this.#id = id;
    this.#address = referenced?.address;
    // Else the project of the resource the target refers to, else the IAM resource's own.
    this.#project =
      project ??
      refs.projectOf(referenced ?? resource) ??
      (referenced ? refs.projectOf(resource) : undefined);
    this.#read = true;
  }
}

function literalOrUndefined(text: string): string | undefined {
  return text && isLiteral(text) ? text : undefined;
}
