// The objects of the model (`../model.ts`) as small classes. A stack of 10,000 resources makes
// tens of thousands of them, and all of them live until the report is written: as classes they
// have one shape each, and V8 allocates them without the tenuring feedback of object literals,
// whose change (once it sees them survive) deoptimizes and recompiles every function that
// allocates them (DESIGN.md section 6).
import type { MemberKind } from '../../core/private/member-kinds';
import type {
  AccessBinding,
  BindingCondition,
  BindingMode,
  BindingTarget,
  TfResource,
} from '../model';

/**
 * The argument `name` of a resource, as synthesized, for readers that look up the same argument
 * in the bodies of every resource type (its project, provider, cdktf metadata). Bodies have a
 * different shape for each type and set of arguments; `Reflect.get` reads them without the
 * optimizing compiler specializing the read for the first shapes it sees and then deoptimizing,
 * and recompiling, its callers at each new one.
 */
export function argument(resource: TfResource, name: string): unknown {
  return Reflect.get(resource.body, name);
}

/**
 * One resource or data source of a synthesized stack (see `TfResource`). Its construct path
 * and stack trace are read from cdktf's metadata in the body when asked for: most resources
 * of a stack are only looked up by address.
 */
export class SynthesizedResource implements TfResource {
  public readonly address: string;

  constructor(
    public readonly stack: string,
    public readonly mode: 'managed' | 'data',
    public readonly type: string,
    public readonly name: string,
    public readonly body: Readonly<Record<string, unknown>>,
  ) {
    this.address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  }

  /** The construct path cdktf recorded, when it did. */
  public get path(): string | undefined {
    const path = this.metadata()?.path;
    return typeof path === 'string' ? path : undefined;
  }

  /** The creation stack trace cdktf recorded, when it did. */
  public get stackTrace(): readonly string[] | undefined {
    const trace = this.metadata()?.stackTrace;
    return Array.isArray(trace) ? trace.map(String) : undefined;
  }

  /** cdktf's metadata of the resource, in its `//` key. */
  private metadata(): Record<string, unknown> | undefined {
    return (argument(this, '//') as { metadata?: Record<string, unknown> } | undefined)?.metadata;
  }
}

/** Who a binding grants to: the member as written, normalized and classified (see `AccessBinding`). */
export interface BindingMember {
  readonly member: string;
  readonly memberText: string;
  readonly memberKind: MemberKind;
  readonly memberReferences: readonly string[];
  readonly principalType?: string;
}

/** A member as written, worked out once: normalized, classified, and the resources it refers to. */
export class WrittenMember implements BindingMember {
  constructor(
    public readonly memberText: string,
    public readonly member: string,
    public readonly memberKind: MemberKind,
    public readonly memberReferences: readonly string[],
    public readonly principalType?: string,
  ) {}
}

/** What a binding grants, the same for every member it lists (see `AccessBinding`). */
export interface BindingGrant {
  readonly role: string;
  readonly customRolePermissions?: readonly string[];
  readonly condition?: BindingCondition;
}

/** One (target, role, member, condition) grant (see `AccessBinding`). */
export class Binding implements AccessBinding {
  public readonly role: string;
  public readonly customRolePermissions?: readonly string[];
  public readonly member: string;
  public readonly memberText: string;
  public readonly memberKind: MemberKind;
  public readonly memberReferences: readonly string[];
  public readonly principalType?: string;
  public readonly condition?: BindingCondition;
  public readonly address: string;
  public readonly stack: string;

  constructor(
    public readonly cloud: 'google' | 'azure',
    public readonly mode: BindingMode,
    public readonly target: BindingTarget,
    grant: BindingGrant,
    member: BindingMember,
    public readonly resource: TfResource,
  ) {
    this.role = grant.role;
    this.customRolePermissions = grant.customRolePermissions;
    this.member = member.member;
    this.memberText = member.memberText;
    this.memberKind = member.memberKind;
    this.memberReferences = member.memberReferences;
    this.principalType = member.principalType;
    this.condition = grant.condition;
    this.address = resource.address;
    this.stack = resource.stack;
  }

  /** `resource.path`, read when asked for (rules need it only for findings). */
  public get path(): string | undefined {
    return this.resource.path;
  }
}
