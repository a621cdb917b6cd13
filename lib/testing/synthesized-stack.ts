import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { IConstruct } from 'constructs';
import { analyzeStack } from '../analysis/analyze';
import type { StackModel } from '../analysis/model';
import { invalidValue } from '../core/private/messages';
import { accessSnapshot } from '../report/access-snapshot';
import { accessText } from '../report/formats/access-text';
import { evaluate } from '../rules/engine';
import { failsAt, toGuardrailsFinding } from '../rules/finding';
import { reachStack } from '../rules/private/stacks-at-synth';
import { GrantQuery, SynthesizedGrant } from './grant-query';
import { GuardrailsFinding, PassesGuardrailsOptions } from './guardrails-finding';
import { checkOptions, OptionTypes } from './private/argument-shapes';
import { assertionFailed, guardrailsFailure } from './private/assertion-failure';
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
 * A stack's synthesized Terraform, with assertions that read well in tests: on its grants
 * (`hasGrant`, `hasNoGrant`, `findGrants`), on the stack-wide guardrails (`passesGuardrails`,
 * `findings`), and a stable text of who can do what for snapshots (`accessSnapshot`). They read
 * the Terraform JSON, so they see raw provider resources next to the library's constructs. A
 * failed assertion throws a ValidationError (`Errors.isValidationError`) whose message lists
 * what the stack holds instead; the test runner shows it as is, in any language.
 */
export class SynthesizedStack {
  /** Synthesizes `stack` with validations on; see `GuardrailsTesting.synth`. */
  public static of(stack: TerraformStack): SynthesizedStack {
    if (!TerraformStack.isStack(stack)) {
      throw invalidValue(
        'SynthesizedStack.of',
        'stack',
        stack,
        'must be a TerraformStack',
        'Pass the stack, e.g. GuardrailsTesting.synth(GuardrailsTesting.stack()).',
      );
    }
    // `Testing.synth(stack, true)`, keeping the `//` metadata (construct paths and
    // acknowledgements) that it leaves out, for the model the assertions read.
    reachStack(stack);
    invokeAspects(stack);
    stack.runAllValidations();
    const synthesized = stack.toTerraform() as TerraformJson;
    const errors = annotations(stack, ERROR);
    if (errors.length > 0) {
      throw assertionFailed(
        stack,
        'annotations',
        `${stack.node.path} has error annotations:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
      );
    }
    return new SynthesizedStack(stack, synthesized);
  }

  /**
   * The Terraform JSON, as `Testing.synth` returns it: what `cdk.tf.json` holds, without
   * cdktf's `//` metadata, so a snapshot of it does not change with construct paths.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON value (jsii `any`)
  public readonly json: { [key: string]: any };
  /** Every grant in the Terraform: who holds which role on what. */
  public readonly grants: SynthesizedGrant[];
  /** Warning annotations of the stack's constructs, each as `<construct path>: <message>`. */
  public readonly warnings: string[];

  private readonly stack: TerraformStack;
  private readonly model: StackModel;
  private readonly entries: GrantEntry[];
  private evaluated?: GuardrailsFinding[];

  private constructor(stack: TerraformStack, synthesized: TerraformJson) {
    this.stack = stack;
    this.json = withoutMetadata(synthesized) as TerraformJson;
    this.model = analyzeStack(synthesized, { stack: stack.node.id });
    this.entries = synthesizedGrants(this.model);
    this.grants = this.entries.map((e) => e.grant);
    this.warnings = annotations(stack, WARNING);
  }

  /**
   * Every finding of the stack-wide guardrails on the whole stack, acknowledged ones included,
   * whether or not `Guardrails.check` opted the stack in. Sorted by address and rule.
   */
  public get findings(): GuardrailsFinding[] {
    this.evaluated ??= evaluate(this.model).map(toGuardrailsFinding);
    return this.evaluated.map((f) => ({ ...f }));
  }

  /**
   * Fails (throws a ValidationError listing each finding with its rule, address, construct
   * path, message and fix) when the stack-wide guardrails find an error that is not
   * acknowledged, or, with `failOnWarnings`, a warning. Runs the rule pack on the whole stack
   * whether or not `Guardrails.check` opted it in.
   */
  public passesGuardrails(options: PassesGuardrailsOptions = {}): void {
    checkOptions('SynthesizedStack.passesGuardrails', 'options', options, {
      failOnWarnings: 'boolean',
    });
    const findings = this.findings;
    const failOn = options.failOnWarnings === true ? 'warning' : 'error';
    const failing = findings.filter((f) => failsAt(f, failOn));
    if (failing.length === 0) return;
    throw guardrailsFailure(this.stack, failing, findings.filter((f) => f.acknowledged).length);
  }

  /**
   * Who can do what in the stack, as the stable, token-free text of `AccessReport.toText()`
   * (one line per grant under its principal, then federation trusts and audit logs; no
   * addresses, construct paths or stack name), read from this synthesis, for
   * `expect(synth.accessSnapshot()).toMatchSnapshot()`: the snapshot changes when access does,
   * not when a construct is renamed or created in another order.
   */
  public accessSnapshot(): string {
    return accessText(accessSnapshot([this.model]));
  }

  /** The grants that match `query`. */
  public findGrants(query: GrantQuery): SynthesizedGrant[] {
    return this.matching('findGrants', query);
  }

  /**
   * Fails (throws a ValidationError listing the stack's grants) unless a grant matches `query`.
   */
  public hasGrant(query: GrantQuery): void {
    if (this.matching('hasGrant', query).length > 0) return;
    throw assertionFailed(
      this.stack,
      'hasGrant',
      `Expected a grant matching ${this.describe(query)}, found none. Grants in ${this.stack.node.path}:\n${list(this.grants)}`,
    );
  }

  /** Fails (throws a ValidationError listing the matching grants) if any grant matches `query`. */
  public hasNoGrant(query: GrantQuery): void {
    const found = this.matching('hasNoGrant', query);
    if (found.length === 0) return;
    throw assertionFailed(
      this.stack,
      'hasNoGrant',
      `Expected no grant matching ${this.describe(query)}, found:\n${list(found)}`,
    );
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

/** The JSON as `Testing.synth` returns it: without cdktf's `//` metadata, keys sorted. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) {
    if (key !== '//' && object[key] !== undefined) copy[key] = withoutMetadata(object[key]);
  }
  return copy;
}
