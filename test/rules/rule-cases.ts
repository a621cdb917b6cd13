import { analyzeStack } from '../../lib/analysis/analyze';
import { evaluate } from '../../lib/rules/engine';
import type { Rule } from '../../lib/rules/rule';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A synthesized stack `s` with the default google provider in acme-prod; each resource gets a construct path `s/<name>`. */
export function stackJson(resource: Resources, extra: Record<string, unknown> = {}): unknown {
  const withPaths = Object.fromEntries(
    Object.entries(resource).map(([type, byName]) => [
      type,
      Object.fromEntries(
        Object.entries(byName).map(([name, body]) => [
          name,
          { '//': { metadata: { path: `s/${name}`, uniqueId: name } }, ...body },
        ]),
      ),
    ]),
  );
  return {
    '//': { metadata: { stackName: 's', version: '0.21.0' } },
    provider: { google: [{ project: 'acme-prod' }] },
    resource: withPaths,
    ...extra,
  };
}

/** One rule's compliant and non-compliant stacks, and the addresses it must find in the latter. */
export interface RuleCase {
  readonly rule: Rule;
  readonly compliant: unknown;
  readonly noncompliant: unknown;
  readonly expected: string[];
  /** A part of the message of the first finding. */
  readonly message?: RegExp;
}

/** Runs one rule over a stack, as the engine does, and returns the findings' addresses. */
export function findingsOf(rule: Rule, json: unknown) {
  return evaluate(analyzeStack(json), [rule]);
}

/** The compliant and non-compliant test of every case. */
export function describeRules(cases: RuleCase[]): void {
  describe.each(cases.map((c) => [c.rule.id, c] as const))('%s', (_, c) => {
    test('finds the planted violation', () => {
      const findings = findingsOf(c.rule, c.noncompliant);
      expect(findings.map((f) => f.address)).toEqual(c.expected);
      expect(
        findings.every((f) => f.severity === c.rule.severity && f.path?.startsWith('s/')),
      ).toBe(true);
      if (c.message) expect(findings[0].message).toMatch(c.message);
    });
    test('passes the compliant stack', () => {
      expect(findingsOf(c.rule, c.compliant)).toEqual([]);
    });
  });
}
