import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalidValue } from '../core/private/messages';
import { ALL_RULES, ruleById } from './all-rules';
import { recordAcknowledgement } from './private/acknowledgements';
import { forEachStack, stackOf } from './private/stacks-at-synth';
import { checkAtSynth } from './private/synth-check';

const MIN_REASON = 10;
const MAX_REASON = 500;
/** What a reason should say, for both of its checks. */
const REASON_FIX =
  "Write why the finding is intended, e.g. 'Public webhook for the payment provider'.";

/**
 * Stack-wide guardrails: a rule pack that checks **every** resource of a stack at synth
 * (raw provider resources included), the way cdk-nag checks a CDK app. Findings at `error`
 * fail synth with a ValidationError naming the rule, resource address and construct path;
 * warnings are printed. The same rules run on synthesized output with
 * `cdktf-guardrails check`.
 */
export class Guardrails {
  /**
   * Checks every resource under `scope` when it is synthesized, on every synth path
   * (`app.synth()`, `cdktf synth`, `Testing.synth` with or without validations,
   * `Testing.fullSynth`): an app (every stack, also ones added later, through `app.synth()`),
   * a stack, or a construct inside a stack (the resources under it). Idempotent.
   *
   * @param scope the app, stack or construct to check
   */
  public static check(scope: IConstruct): void {
    checkConstruct('Guardrails.check', 'scope', scope);
    const own = stackOf(scope);
    forEachStack(scope, (stack) => checkAtSynth(stack, own ? scope.node.path : stack.node.path));
  }

  /**
   * Silences one rule for `scope` and every construct under it, with a written reason that
   * is recorded in the synthesized JSON and listed by `cdktf-guardrails check` as an
   * acknowledged finding. Rules that protect against what no reason justifies (service
   * account keys, basic roles for the public) cannot be acknowledged.
   *
   * @param scope the construct (or stack, or app) whose findings of this rule are intended
   * @param ruleId the rule's id, e.g. `run-ingress-all`
   * @param reason why the finding is intended, at least 10 characters
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const where = 'Guardrails.acknowledge';
    checkConstruct(where, 'scope', scope);
    const location = Construct.isConstruct(scope) ? scope : where;
    if (typeof ruleId !== 'string' || !ruleById(ruleId)) {
      throw invalidValue(
        location,
        'ruleId',
        ruleId,
        'must be the id of a guardrail rule',
        `Use one of ${ALL_RULES.map((r) => r.id).join(', ')}.`,
      );
    }
    if (!ruleById(ruleId)!.acknowledgeable) {
      throw invalidValue(
        location,
        'ruleId',
        ruleId,
        'names a rule that cannot be acknowledged',
        `${ruleById(ruleId)!.fix}`,
      );
    }
    if (typeof reason !== 'string' || Token.isUnresolved(reason)) {
      throw invalidValue(
        location,
        'reason',
        reason,
        'must be literal text (it is recorded in the synthesized JSON for reviewers)',
        REASON_FIX,
      );
    }
    if (reason.trim().length < MIN_REASON || reason.length > MAX_REASON) {
      throw invalidValue(
        location,
        'reason',
        reason,
        `must be ${MIN_REASON}-${MAX_REASON} characters`,
        REASON_FIX,
      );
    }
    recordAcknowledgement(scope, ruleId, reason.trim());
  }

  private constructor() {}
}

function checkConstruct(where: string, prop: string, scope: unknown): void {
  if (!Construct.isConstruct(scope)) {
    throw invalidValue(
      where,
      prop,
      typeof scope === 'object' ? Object.prototype.toString.call(scope) : scope,
      'must be a construct (an app, a stack or a construct in a stack)',
      'Pass the app or the stack, e.g. Guardrails.check(app).',
    );
  }
}
