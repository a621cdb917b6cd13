/**
 * A finding of the stack-wide guardrails on one resource of a synthesized stack, as
 * `cdktf-guardrails check --format json` reports it: a resource, raw or the library's, that
 * holds more access or less protection than the rule allows.
 */
export interface GuardrailsFinding {
  /** The rule's id, e.g. `iam-basic-role`; `Guardrails.acknowledge` takes it. */
  readonly rule: string;
  /** `error` (fails synth when the stack is checked) or `warning` (printed). */
  readonly severity: string;
  /** Terraform address of the resource, e.g. `google_project_iam_member.owner`. */
  readonly address: string;
  /**
   * Construct path of the resource.
   * @default - unknown (the resource has no cdktf metadata)
   */
  readonly path?: string;
  /** What is wrong with the resource, in one sentence. */
  readonly message: string;
  /** What to write instead. */
  readonly fix: string;
  /** True when `Guardrails.acknowledge` covers the resource for this rule. */
  readonly acknowledged: boolean;
  /**
   * The acknowledgement's reason.
   * @default - not acknowledged
   */
  readonly reason?: string;
}

/** Options of `SynthesizedStack.passesGuardrails`. */
export interface PassesGuardrailsOptions {
  /**
   * Also fail on warnings that are not acknowledged, as `cdktf-guardrails check --fail-on
   * warning` does.
   * @default false - only errors fail, as at synth
   */
  readonly failOnWarnings?: boolean;
}
