import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../../lib/rules/all-rules';
import { README, withCatalog } from '../../scripts/rules-catalog';

const RULES_DIR = join(__dirname, '..', '..', 'lib', 'rules');
const AREAS = ['iam', 'run', 'storage', 'bigquery', 'federation', 'audit', 'azure'];

describe('the rule catalog', () => {
  test('the README catalog matches the rules (run `npm run rules-catalog` after changing a rule)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withCatalog(readme)).toBe(readme);
  });

  test('rule ids are unique and start with their area', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES)
      expect(r.id).toMatch(new RegExp(`^${r.area}-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  test('each rule has a one-line description and fix', () => {
    for (const r of ALL_RULES) {
      expect({
        id: r.id,
        description: /^[^\n]{10,240}$/.test(r.description),
        fix: /^[^\n]{10,240}$/.test(r.fix),
      }).toEqual({
        id: r.id,
        description: true,
        fix: true,
      });
    }
  });

  test.each(AREAS)('lib/rules/%s holds one rule per file, each listed and tested', (area) => {
    const tests = readFileSync(join(__dirname, `${area}.test.ts`), 'utf8');
    const files = readdirSync(join(RULES_DIR, area)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
    );
    const listed = ALL_RULES.filter((r) => r.area === area).map((r) => r.id);
    const found: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(RULES_DIR, area, file), 'utf8');
      const rules = [...source.matchAll(/export const (\w+): Rule = \{\s*id: '([^']+)'/g)];
      expect({ file, rules: rules.length }).toEqual({ file, rules: 1 });
      const [, name, id] = rules[0];
      found.push(id);
      // describeRules runs a compliant and a non-compliant test for each case.
      expect({ id, tested: tests.includes(`rule: ${name},`) }).toEqual({ id, tested: true });
    }
    expect(found.sort()).toEqual([...listed].sort());
  });
});
