import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { readableValues } from '../analysis/in-process';
import { IPrincipal } from './principal';
import { grantsOf } from './private/grant-registry';
import { MemberPrincipal } from './private/member-principal';
import { invalidValue } from './private/messages';
import {
  checkArg,
  checkProps,
  constructInStack,
  grantable,
  list,
  optional,
  Schema,
  struct,
  text,
} from './private/shape';

/**
 * An IAM condition attached to a binding. The binding only applies to requests for which
 * `expression` (CEL) evaluates to true, e.g. objects under one prefix.
 */
export interface IamCondition {
  /** Short human title, shown in the console and in Terraform plans. At most 100 characters. */
  readonly title: string;
  /** The CEL expression, e.g. `resource.name.startsWith("projects/_/buckets/b/objects/in/")`. */
  readonly expression: string;
  /**
   * Longer explanation, at most 256 characters.
   * @default - none
   */
  readonly description?: string;
}

/** What a grant is made of, as recorded when a construct binds a role. */
export interface GrantProps {
  /** Who received the access. */
  readonly principal: IPrincipal;
  /** The role bound (`roles/...`, `projects/<p>/roles/...`, or an Azure built-in role name). */
  readonly role: string;
  /** A readable name of what the access is on, e.g. `cloud-run:europe-west1/api`. */
  readonly resource: string;
  /** The Terraform resources that hold the binding. */
  readonly resources: TerraformResource[];
  /**
   * The IAM condition that narrows the binding.
   * @default - unconditional
   */
  readonly condition?: IamCondition;
  /**
   * Why a binding that is broader than the defaults was accepted (e.g. public access).
   * @default - no reason needed
   */
  readonly reason?: string;
}

const CONDITION: Schema<IamCondition> = {
  title: text({ max: 100, freeText: true }),
  expression: text({ max: 4096, freeText: true }),
  description: optional(text({ max: 256, freeText: true })),
};

const GRANT_PROPS: Schema<GrantProps> = {
  principal: grantable<IPrincipal>(),
  role: text(),
  resource: text({ freeText: true }),
  resources: list((location, prop, value) => {
    if (TerraformResource.isTerraformResource(value)) return value;
    throw invalidValue(
      location,
      prop,
      value,
      'must be a Terraform resource',
      'Pass the L1 resources that hold the grant.',
    );
  }),
  condition: optional(struct(CONDITION)),
  reason: optional(text({ max: 400, freeText: true })),
};

/**
 * One access grant: who got which role on what, under which condition, and the Terraform
 * resources that hold it. Every grant method of the library returns one, and every grant
 * of a stack is listed by `Grant.of(stack)` so that access reports can be built from code.
 */
export class Grant {
  /**
   * Every grant made in the stack that contains `scope`, in the order they were made, with
   * readable values for reports and snapshot tests: no `${TfToken[...]}` (whose numbers depend
   * on what ran before), references shown as their values where the stack's JSON gives them
   * (a service account's email) and as `<kind identity>` otherwise. The Terraform resources are
   * the same; the live grant (for wiring) is the one the grant method returned.
   */
  public static of(scope: IConstruct): Grant[] {
    const stackScope = checkArg('Grant.of', 'scope', scope, constructInStack());
    const grants = grantsOf(stackScope);
    if (grants.length === 0) return [];
    const readable = readableValues(TerraformStack.of(stackScope));
    return grants.map((g) => g.withReadableValues(readable));
  }

  /** Who received the access. */
  public readonly principal: IPrincipal;
  /** The role bound. */
  public readonly role: string;
  /** A readable name of what the access is on. */
  public readonly resource: string;
  /** The Terraform resources that hold the binding. */
  public readonly resources: TerraformResource[];
  /** The IAM condition that narrows the binding, if any. */
  public readonly condition?: IamCondition;
  /** Why a broader-than-default binding was accepted, if one was. */
  public readonly reason?: string;

  constructor(props: GrantProps) {
    props = checkProps('new Grant', props, GRANT_PROPS);
    this.principal = props.principal;
    this.role = props.role;
    this.resource = props.resource;
    this.resources = props.resources;
    this.condition = props.condition;
    this.reason = props.reason;
  }

  /** A copy whose texts are shown through `readable`, holding the same Terraform resources. */
  private withReadableValues(readable: (value: string) => string): Grant {
    const condition = this.condition && {
      title: readable(this.condition.title),
      expression: readable(this.condition.expression),
      description:
        this.condition.description === undefined ? undefined : readable(this.condition.description),
    };
    // Object.create: the values were checked when this grant was made, and a readable value
    // (`<pool acme/ci>`) is no longer what the constructor accepts as input.
    return Object.assign(Object.create(Grant.prototype) as Grant, {
      principal: new MemberPrincipal(readable(this.principal.member)),
      role: readable(this.role),
      resource: readable(this.resource),
      resources: this.resources,
      condition,
      reason: this.reason === undefined ? undefined : readable(this.reason),
    });
  }

  /** Construct paths of the Terraform resources that hold this grant. */
  public get paths(): string[] {
    return this.resources.map((r) => r.node.path);
  }
}
