import type { StackModel, TfResource } from '../analysis/model';

/** How bad a finding is: `error` fails synth and the command line; `warning` is printed. */
export type RuleSeverity = 'error' | 'warning';

/** The areas of the rule pack, one folder each under lib/rules. */
export type RuleArea = 'iam' | 'run' | 'storage' | 'bigquery' | 'federation' | 'audit' | 'azure';

/** One problem a rule found on one resource. */
export interface RuleFinding {
  /** The resource to change. */
  readonly resource: TfResource;
  /** What is wrong with this resource, in one sentence. */
  readonly message: string;
  /**
   * False when this finding may not be acknowledged even though the rule usually may
   * (a basic role granted to the public).
   * @default - the rule's `acknowledgeable`
   */
  readonly acknowledgeable?: boolean;
}

/**
 * A stack-wide guardrail: a pure function over the synthesized-Terraform model, with the
 * metadata the README catalog, the messages and the acknowledgement checks are made from.
 */
export interface Rule {
  /** Stable id, `<area>-<what>`, used in messages and acknowledgements. */
  readonly id: string;
  readonly area: RuleArea;
  readonly severity: RuleSeverity;
  /** One line: what the rule finds. */
  readonly description: string;
  /** One line: what to write instead. */
  readonly fix: string;
  /** False for what no reason can justify (service account keys...). */
  readonly acknowledgeable: boolean;
  /** Related checks of public scanners (checkov, trivy...), for readers who know them. */
  readonly seeAlso?: readonly string[];
  /** The findings in one stack. Pure: reads the model only. */
  check(model: StackModel): RuleFinding[];
}
