import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { analyzeStack } from '../../analysis/analyze';
import { ValidationError } from '../../core/errors';
import { evaluate, Finding } from '../engine';

/** Per stack: the construct paths whose resources are checked ('' = the whole stack). */
const CHECKED = new WeakMap<TerraformStack, Set<string>>();
/** Warnings already printed per stack, so that a stack synthesized twice prints each once. */
const PRINTED = new WeakMap<TerraformStack, Set<string>>();

/**
 * Turns the rule pack on for the resources of `stack` under `scopePath` (the stack's own path
 * for all of them). The first call adds one validation to the stack; it reads the stack's
 * resolved Terraform JSON, and hands that same JSON to the synthesis that follows, so the
 * stack is resolved once (DESIGN.md section 6: at most +15% synth time).
 */
export function checkAtSynth(stack: TerraformStack, scopePath: string): void {
  const known = CHECKED.get(stack);
  if (known) {
    known.add(scopePath);
    return;
  }
  const scopes = new Set([scopePath]);
  CHECKED.set(stack, scopes);
  stack.node.addValidation({ validate: () => runChecks(stack, scopes) });
}

function runChecks(stack: TerraformStack, scopes: ReadonlySet<string>): string[] {
  delete (stack as { toTerraform?: unknown }).toTerraform; // never a JSON left from an earlier run
  const json = stack.toTerraform();
  reuseOnce(stack, json);
  const model = analyzeStack(json, { stack: stack.node.id });
  const findings = evaluate(model).filter((f) => inScope(f, scopes, stack.node.path));
  const open = findings.filter((f) => !f.acknowledged);
  const warnings = open.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) report(stack, warnings);
  const errors = open.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new ValidationError(
      stack.node.path,
      'guardrails',
      [
        `${stack.node.path}: Guardrails found ${errors.length} error${errors.length > 1 ? 's' : ''}:`,
        ...errors.map((f) => `  ${describe(f)}`),
        "Fix each resource, or where it is intended, call Guardrails.acknowledge(construct, '<rule>', '<why>') on its construct.",
      ].join('\n'),
    );
  }
  return [];
}

/** `[rule] address (path): message Fix: ...`, the one line a finding is shown as at synth. */
export function describe(f: Finding): string {
  return `[${f.rule}] ${f.address}${f.path ? ` (${f.path})` : ''}: ${f.message} Fix: ${f.fix}`;
}

function inScope(f: Finding, scopes: ReadonlySet<string>, stackPath: string): boolean {
  if (scopes.has(stackPath)) return true;
  const path = f.path ?? '';
  return [...scopes].some((s) => path === s || path.startsWith(`${s}/`));
}

/**
 * The synthesis right after validation asks the stack for the same JSON again; hand it over
 * instead of resolving every token a second time. Only the next call within the same
 * synchronous synth is served (an HCL synth never asks, so the offer is withdrawn after it).
 */
function reuseOnce(stack: TerraformStack, json: unknown): void {
  const withdraw = () => {
    if (Object.prototype.hasOwnProperty.call(stack, 'toTerraform')) {
      delete (stack as { toTerraform?: unknown }).toTerraform;
    }
  };
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      withdraw();
      return json;
    },
  });
  process.nextTick(withdraw);
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
