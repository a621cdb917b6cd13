import { AssertionError } from 'assert';
import {
  DefaultTokenResolver,
  StringConcat,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { GrantQuery, SynthesizedGrant } from './grant-query';
import { checkOptions, OptionTypes } from './private/argument-shapes';
import { GrantEntry, synthesizedGrants } from './private/synthesized-grants';

/** The fields of a GrantQuery. */
const QUERY_OPTIONS: OptionTypes = {
  principal: 'grantable',
  member: 'string',
  role: 'string',
  target: 'string',
  resourceType: 'string',
  conditionTitle: 'string',
  conditionExpression: 'string',
  conditional: 'boolean',
};
const WARNING = '@cdktf/warn';
const ERROR = '@cdktf/error';
/** A synthesized stack's Terraform JSON. */
type TerraformJson = { [key: string]: unknown };
/** Member kinds whose email part compares case-insensitively, as IAM does. */
const EMAIL_MEMBER = /^(user|group|serviceAccount|domain):/;

/**
 * A stack's synthesized Terraform, with assertions on its grants that read well in tests:
 * `hasGrant`, `hasNoGrant`, `findGrants`. They read the Terraform JSON, so they see raw
 * provider resources next to the library's constructs.
 */
export class SynthesizedStack {
  /** Synthesizes `stack` with validations on; see `GuardrailsTesting.synth`. */
  public static of(stack: TerraformStack): SynthesizedStack {
    const json = JSON.parse(Testing.synth(stack, true)) as TerraformJson;
    const errors = annotations(stack, ERROR);
    if (errors.length > 0) {
      throw new AssertionError({
        message: `${stack.node.path} has error annotations:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
      });
    }
    return new SynthesizedStack(stack, json);
  }

  /** The Terraform JSON, as `cdk.tf.json` holds it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON value (jsii `any`)
  public readonly json: { [key: string]: any };
  /** Every grant in the Terraform: who holds which role on what. */
  public readonly grants: SynthesizedGrant[];
  /** Warning annotations of the stack's constructs, each as `<construct path>: <message>`. */
  public readonly warnings: string[];

  private readonly stack: TerraformStack;
  private readonly entries: GrantEntry[];

  private constructor(stack: TerraformStack, json: TerraformJson) {
    this.stack = stack;
    this.json = json;
    this.entries = synthesizedGrants(json, resourcePaths(stack));
    this.grants = this.entries.map((e) => e.grant);
    this.warnings = annotations(stack, WARNING);
  }

  /** The grants that match `query`. */
  public findGrants(query: GrantQuery): SynthesizedGrant[] {
    return this.matching('findGrants', query);
  }

  /** Fails (throws an AssertionError listing the stack's grants) unless a grant matches `query`. */
  public hasGrant(query: GrantQuery): void {
    if (this.matching('hasGrant', query).length > 0) return;
    throw new AssertionError({
      message: `Expected a grant matching ${this.describe(query)}, found none. Grants in ${this.stack.node.path}:\n${list(this.grants)}`,
    });
  }

  /** Fails (throws an AssertionError listing the matching grants) if any grant matches `query`. */
  public hasNoGrant(query: GrantQuery): void {
    const found = this.matching('hasNoGrant', query);
    if (found.length === 0) return;
    throw new AssertionError({
      message: `Expected no grant matching ${this.describe(query)}, found:\n${list(found)}`,
    });
  }

  /** The grants that match `query`, after checking its shape for the method `method`. */
  private matching(method: string, query: GrantQuery): SynthesizedGrant[] {
    checkOptions(`SynthesizedStack.${method}`, 'query', query, QUERY_OPTIONS);
    const matches = this.matcher(query);
    return this.entries.filter(matches).map((e) => e.grant);
  }

  private matcher(query: GrantQuery): (entry: GrantEntry) => boolean {
    const members = [query.principal?.grantPrincipal.member, query.member]
      .filter((m): m is string => m !== undefined)
      .map((m) => normalizeMember(this.resolve(m)));
    const role = query.role === undefined ? undefined : this.resolve(query.role);
    const target = query.target === undefined ? undefined : this.resolve(query.target);
    return ({ grant: g, members: held, roles }) =>
      members.every((m) => held.some((h) => normalizeMember(h) === m)) &&
      (role === undefined || roles.includes(role)) &&
      (target === undefined || g.targetNames.includes(target)) &&
      (query.resourceType === undefined || g.resourceType === query.resourceType) &&
      (query.conditionTitle === undefined || g.conditionTitle === query.conditionTitle) &&
      (query.conditionExpression === undefined ||
        g.conditionExpression === query.conditionExpression) &&
      (query.conditional === undefined ||
        (g.conditionExpression !== undefined) === query.conditional);
  }

  /** Tokens as the Terraform expressions they synthesize to, e.g. `${google_x.y.member}`. */
  private resolve(value: string): string {
    if (!Token.isUnresolved(value)) return value;
    return String(
      Tokenization.resolve(value, {
        scope: this.stack,
        preparing: false,
        resolver: new DefaultTokenResolver(new StringConcat()),
      }),
    );
  }

  private describe(query: GrantQuery): string {
    const shown: Record<string, unknown> = { ...query };
    if (query.principal) shown.principal = this.resolve(query.principal.grantPrincipal.member);
    if (query.role) shown.role = this.resolve(query.role);
    if (query.target) shown.target = this.resolve(query.target);
    return JSON.stringify(shown);
  }
}

function normalizeMember(member: string): string {
  return EMAIL_MEMBER.test(member) && !member.includes('${') ? member.toLowerCase() : member;
}

function list(grants: SynthesizedGrant[]): string {
  if (grants.length === 0) return '  (none)';
  return grants
    .map((g) => {
      const condition = g.conditionTitle ? ` if '${g.conditionTitle}'` : '';
      return `  - ${g.role} to ${g.member} on ${g.target}${condition} (${g.address})`;
    })
    .join('\n');
}

/** Annotations of one level in the stack, each as `<construct path>: <message>`. */
function annotations(stack: IConstruct, level: string): string[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === level).map((m) => `${c.node.path}: ${m.data}`),
    );
}

/** The construct path of every resource of the stack, by Terraform address (`Testing.synth` drops them). */
function resourcePaths(stack: TerraformStack): Map<string, string> {
  return new Map(
    stack.node
      .findAll()
      .filter((c): c is TerraformResource => c instanceof TerraformResource)
      .map((r) => [`${r.terraformResourceType}.${r.friendlyUniqueId}`, r.node.path]),
  );
}
