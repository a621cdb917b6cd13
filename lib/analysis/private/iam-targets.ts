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
 * The target arguments of an IAM resource's body, in the order its readable id lists them:
 * `TARGET_ORDER` names first, then the others alphabetically.
 *
 * Worked out once per list of argument names: the resources of one type are written with the
 * same arguments, and walking each body's arguments one lookup at a time cost more than the
 * rest of its target (DESIGN.md section 6). The key is made by builtins, without a loop.
 */
export function targetArguments(body: Readonly<Record<string, unknown>>): readonly string[] {
  const key = JSON.stringify(Object.keys(body));
  let names = NAMES_BY_ARGUMENTS.get(key);
  if (names === undefined) {
    names = Object.freeze(rankedArguments(body));
    NAMES_BY_ARGUMENTS.set(key, names);
  }
  return names;
}
/**
 * Target argument names by the argument names of a body (as a JSON array). A pure function's
 * memo, bounded by the distinct argument lists of IAM resources (a few per resource type).
 */
const NAMES_BY_ARGUMENTS = new Map<string, readonly string[]>();

/** The target argument names of `body` in the order of `targetArguments`, worked out. */
function rankedArguments(body: Readonly<Record<string, unknown>>): string[] {
  const ranked: string[] = [];
  const others: string[] = [];
  for (const name of Object.keys(body)) {
    const rank = ARGUMENT_RANKS.get(name);
    if (rank === undefined) others.push(name);
    else if (rank !== NOT_PART) ranked[rank] = name;
  }
  others.sort((a, b) => a.localeCompare(b));
  return [...ranked.filter((name) => name !== undefined), ...others];
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
    const names = targetArguments(body);
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
