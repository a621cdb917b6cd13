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
 * The argument names of the last body read of a resource type, and its target arguments.
 * Resources of one type are mostly written with the same arguments: comparing a body's names
 * with the last ones is one string comparison per argument, where working them out took a
 * lookup each and the sort (DESIGN.md section 6).
 */
class ArgumentList {
  constructor(
    public readonly names: readonly string[],
    public readonly targetArguments: readonly string[],
  ) {}

  /** True when `body` has exactly these argument names, in this order. */
  public matches(body: Readonly<Record<string, unknown>>): boolean {
    let i = 0;
    for (const name in body) {
      if (name !== this.names[i++]) return false;
    }
    return i === this.names.length;
  }
}

/** A target's readable id, address and project, worked out once (see `BindingTarget`). */
export class TargetDetails {
  constructor(
    public readonly id: string,
    public readonly address: string | undefined,
    public readonly project: string | undefined,
  ) {}
}

/** Reads the targets of Google IAM resources from their non-binding arguments. */
export class IamTargetReader {
  /** The argument list last read of each resource type. */
  private readonly lastArguments = new Map<string, ArgumentList>();

  constructor(private readonly refs: ReferenceResolver) {}

  /**
   * The target of an IAM resource whose level and kind of resource (`type`) follow from its
   * resource type. The readable id, address and project are worked out when first asked for:
   * rules mostly read the level, and a stack of 10,000 resources should cost little more than
   * reading it.
   */
  public target(resource: TfResource, level: TargetLevel, type: string): BindingTarget {
    return new LazyTarget(level, type, resource, this);
  }

  /**
   * The readable id, address and project of an IAM resource's target (see `BindingTarget`): its
   * target arguments joined by `/` (`targetArguments`), literal values as written and
   * references described; the first in-stack resource they refer to; its project.
   */
  public details(resource: TfResource, level: TargetLevel): TargetDetails {
    const body = resource.body;
    const names = this.targetArgumentsOf(resource);
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
        const described = this.refs.described(value);
        text = described.text;
        referenced ??= described.resource;
      }
      id = i === 0 ? text : `${id}/${text}`;
    }
    const project =
      level === 'project'
        ? literalOrUndefined(this.refs.resolve(String(body.project ?? '')))
        : undefined;
    // Else the project of the resource the target refers to, else the IAM resource's own.
    return new TargetDetails(
      id,
      referenced?.address,
      project ??
        this.refs.projectOf(referenced ?? resource) ??
        (referenced ? this.refs.projectOf(resource) : undefined),
    );
  }

  /** The target arguments of an IAM resource (`targetArguments`), read once per argument list. */
  private targetArgumentsOf(resource: TfResource): readonly string[] {
    const last = this.lastArguments.get(resource.type);
    if (last !== undefined && last.matches(resource.body)) return last.targetArguments;
    const names = Object.keys(resource.body);
    const list = new ArgumentList(names, targetArguments(names));
    this.lastArguments.set(resource.type, list);
    return list.targetArguments;
  }
}

/**
 * A binding target whose level and type are known at once and whose id, address and project
 * are worked out when first read. A class, so that every target has one fast shape.
 */
class LazyTarget implements BindingTarget {
  #details: TargetDetails | undefined = undefined;
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
    return this.details().id;
  }

  public get address(): string | undefined {
    return this.details().address;
  }

  public get project(): string | undefined {
    return this.details().project;
  }

  /** The plain data, for JSON and test assertions. */
  public toJSON(): BindingTarget {
    const { id, address, project } = this.details();
    return { level: this.level, type: this.type, id, address, project };
  }

  private details(): TargetDetails {
    return (this.#details ??= this.#reader.details(this.#resource, this.level));
  }
}

function literalOrUndefined(text: string): string | undefined {
  return text && isLiteral(text) ? text : undefined;
}
