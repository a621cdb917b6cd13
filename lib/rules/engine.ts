import type { Acknowledgement, StackModel } from '../analysis/model';
import { ALL_RULES } from './all-rules';
import type { Finding } from './finding';
import type { Rule } from './rule';

/**
 * Runs `rules` (default: all) over one stack and applies the stack's acknowledgements: an
 * acknowledgement on a construct path covers that path and everything under it. Findings are
 * sorted by address and rule, so output is stable.
 */
export function evaluate(model: StackModel, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const acknowledged = indexAcknowledgements(model.acknowledgements);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const f of rule.check(model)) {
      const mayAcknowledge = rule.acknowledgeable && f.acknowledgeable !== false;
      const reason = mayAcknowledge
        ? acknowledgementFor(acknowledged, rule.id, f.resource.path)
        : undefined;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        stack: model.stack,
        address: f.resource.address,
        path: f.resource.path,
        message: f.message,
        fix: rule.fix,
        acknowledged: reason !== undefined,
        reason,
        resource: f.resource,
        file: model.file,
      });
    }
  }
  return findings.sort(
    (a, b) =>
      compare(a.address, b.address) || compare(a.rule, b.rule) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Acknowledgement reasons by rule and construct path. */
function indexAcknowledgements(
  acknowledgements: readonly Acknowledgement[],
): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const a of acknowledgements) {
    const byPath = index.get(a.rule) ?? new Map<string, string>();
    if (!byPath.has(a.path)) byPath.set(a.path, a.reason);
    index.set(a.rule, byPath);
  }
  return index;
}

/** The reason acknowledging `rule` at `path` or one of its ancestors (the nearest wins). */
function acknowledgementFor(
  index: Map<string, Map<string, string>>,
  rule: string,
  path: string | undefined,
): string | undefined {
  const byPath = index.get(rule);
  if (!byPath || path === undefined) return undefined;
  let current = path;
  for (;;) {
    const reason = byPath.get(current);
    if (reason !== undefined) return reason;
    if (current === '') return undefined;
    const slash = current.lastIndexOf('/');
    current = slash < 0 ? '' : current.slice(0, slash);
  }
}
