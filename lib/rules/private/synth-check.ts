import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { analyzeStack } from '../../analysis/analyze';
import { ValidationError } from '../../core/errors';
import { plural } from '../../core/private/plural';
import { checkAtSynth as atEverySynth } from '../../core/private/synth-check';
import type { GuardrailsFinding } from '../../testing/guardrails-finding';
import { evaluate } from '../engine';
import { failsAt, type Finding } from '../finding';

/** What a finding's reader can do about it, the last line of a list of findings. */
export const FIX_OR_ACKNOWLEDGE =
  "Fix each resource, or where it is intended, call Guardrails.acknowledge(construct, '<rule>', '<why>') on its construct.";

/** The guardrail check of one stack. */
interface StackCheck {
  /** The construct paths whose resources are checked (the stack's own path: all of them). */
  readonly scopes: Set<string>;
  /** True from the start of a synthesis (its aspects) until its JSON or HCL is produced. */
  synthesizing: boolean;
  /** The JSON this synthesis checked in its validation, for the output that follows. */
  checked?: unknown;
  /** The stack's own `toTerraform()`, which resolves every token. */
  readonly resolve: () => unknown;
}

const CHECKS = new WeakMap<TerraformStack, StackCheck>();
/** Warnings already printed per stack, so that a stack synthesized twice prints each once. */
const PRINTED = new WeakMap<TerraformStack, Set<string>>();

/**
 * Turns the rule pack on for the resources of `stack` under `scopePath` (the stack's own path
 * for all of them), on every synth path: `app.synth()` (and so `cdktf synth`),
 * `Testing.synth(stack)` with or without validations, `Testing.fullSynth`, `Testing.synthHcl`.
 *
 * The rules read the stack's resolved JSON, which is only final after every aspect has run
 * (the library's own aspects add `depends_on`, a team's may fix or label resources). So the
 * hook is in two parts:
 * - an aspect on the stack (the same hook as the library's own whole-stack checks: every synth
 *   path starts by invoking the stack's aspects) marks that a synthesis has started;
 * - the check runs at the first point after the aspects where the JSON is needed: the stack's
 *   validation (`app.synth()`, `Testing.fullSynth`, `Testing.synth(stack, true)`), which comes
 *   before cdktf collects warnings into the manifest that the cdktf CLI prints, or else the
 *   stack's `toTerraform()` / `toHclTerraform()` (`Testing.synth(stack)`, `Testing.synthHcl`,
 *   an app with `skipValidation`).
 * The JSON the validation resolved is handed to the `toTerraform()` that follows in the same
 * synthesis, so the stack is resolved once (DESIGN.md section 6: at most +15% synth time).
 */
export function checkAtSynth(stack: TerraformStack, scopePath: string): void {
  const known = CHECKS.get(stack);
  if (known) {
    known.scopes.add(scopePath);
    return;
  }
  const toHclTerraform = stack.toHclTerraform.bind(stack);
  const check: StackCheck = {
    scopes: new Set([scopePath]),
    synthesizing: false,
    resolve: stack.toTerraform.bind(stack),
  };
  CHECKS.set(stack, check);
  atEverySynth(stack, () => startSynthesis(check));
  stack.node.addValidation({ validate: () => validate(stack, check) });
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      if (!check.synthesizing) return check.resolve();
      const json = check.checked ?? runChecks(stack, check, check.resolve());
      endSynthesis(check);
      return json;
    },
  });
  Object.defineProperty(stack, 'toHclTerraform', {
    configurable: true,
    writable: true,
    // Rules read JSON: an HCL synthesis that was not validated resolves the stack once more.
    value: () => {
      if (check.synthesizing && check.checked === undefined) {
        runChecks(stack, check, check.resolve());
      }
      endSynthesis(check);
      return toHclTerraform();
    },
  });
}

function startSynthesis(check: StackCheck): void {
  check.synthesizing = true;
  check.checked = undefined;
  // cdktf synthesizes synchronously: a synthesis that produced no output (a failed
  // validation, an error annotation) has ended by the next tick, and nothing it checked may
  // be handed to a later one.
  process.nextTick(() => endSynthesis(check));
}

function endSynthesis(check: StackCheck): void {
  check.synthesizing = false;
  check.checked = undefined;
}

/**
 * The stack's validation. Outside a synthesis (`stack.runAllValidations()` alone) it checks
 * the current JSON and keeps nothing.
 */
function validate(stack: TerraformStack, check: StackCheck): string[] {
  if (check.synthesizing && check.checked !== undefined) return [];
  const json = runChecks(stack, check, check.resolve());
  if (check.synthesizing) check.checked = json;
  return [];
}

/**
 * Runs the rules on `json`: warnings are reported, errors throw a ValidationError listing
 * them. Returns `json`.
 */
function runChecks(stack: TerraformStack, check: StackCheck, json: unknown): unknown {
  const model = analyzeStack(json, { stack: stack.node.id });
  const findings = evaluate(model).filter((f) => inScope(f, check.scopes, stack.node.path));
  const open = findings.filter((f) => !f.acknowledged);
  const warnings = open.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) report(stack, warnings);
  const errors = findings.filter((f) => failsAt(f, 'error'));
  if (errors.length > 0) {
    endSynthesis(check);
    throw new ValidationError(
      stack.node.path,
      'guardrails',
      [
        `${stack.node.path}: Guardrails found ${plural(errors.length, 'error')}:`,
        ...errors.map((f) => `  ${describe(f)}`),
        FIX_OR_ACKNOWLEDGE,
      ].join('\n'),
    );
  }
  return json;
}

/** `[rule] address (path): message Fix: ...`, the one line a finding is shown as. */
export function describe(f: GuardrailsFinding): string {
  return `[${f.rule}] ${f.address}${f.path ? ` (${f.path})` : ''}: ${f.message} Fix: ${f.fix}`;
}

function inScope(f: Finding, scopes: ReadonlySet<string>, stackPath: string): boolean {
  if (scopes.has(stackPath)) return true;
  const path = f.path ?? '';
  return [...scopes].some((s) => path === s || path.startsWith(`${s}/`));
}

/**
 * Warnings go to the construct's annotations (the cdktf CLI prints them from the manifest)
 * and to stderr, because an app run directly (`tsx main.ts`) prints no annotations. The cdktf
 * CLI shows an app's stderr only when synth fails, so a warning is seen once either way.
 */
function report(stack: TerraformStack, warnings: Finding[]): void {
  const printed = PRINTED.get(stack) ?? new Set<string>();
  PRINTED.set(stack, printed);
  const byPath = constructsByPath(stack);
  for (const f of warnings) {
    const line = describe(f);
    if (printed.has(line)) continue;
    printed.add(line);
    const construct = (f.path && byPath.get(f.path)) || stack;
    Annotations.of(construct).addWarning(`Guardrails ${line}`);
    process.stderr.write(`[WARNING] Guardrails ${line}\n`);
  }
}

function constructsByPath(stack: TerraformStack): Map<string, IConstruct> {
  return new Map(stack.node.findAll().map((c) => [c.node.path, c]));
}
