import type { TfResource } from '../analysis/model';
// The public struct is declared in lib/testing because jsii puts a struct in the submodule of
// the file that declares it (`cdktf-guardrails.testing.GuardrailsFinding`); a type-only import.
import type { GuardrailsFinding } from '../testing/guardrails-finding';
import type { RuleSeverity } from './rule';

/**
 * A finding as the rule engine produces it: the public `GuardrailsFinding` (testing submodule), with what
 * the command line's formats and the synth check also read (the stack, the resource for SARIF
 * locations, the file the stack was read from). Not part of the jsii API.
 */
export interface Finding extends GuardrailsFinding {
  readonly severity: RuleSeverity;
  readonly stack: string;
  /** The resource, for locations (SARIF) and further reading. */
  readonly resource: TfResource;
  /** The synthesized file the stack was read from, when read from disk. */
  readonly file?: string;
}

/**
 * The jsii-visible struct of a finding: its public fields only, so that tests comparing it
 * with `toEqual` (and jsii's struct serialization) see no model objects.
 */
export function toGuardrailsFinding(f: Finding): GuardrailsFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    address: f.address,
    path: f.path,
    message: f.message,
    fix: f.fix,
    acknowledged: f.acknowledged,
    reason: f.reason,
  };
}

/** True when a finding should fail at `failOn`: not acknowledged, and at or above that severity. */
export function failsAt(finding: GuardrailsFinding, failOn: RuleSeverity | 'never'): boolean {
  if (finding.acknowledged || failOn === 'never') return false;
  return failOn === 'warning' || finding.severity === 'error';
}
