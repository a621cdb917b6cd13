import { App, TerraformStack, Testing } from 'cdktf';
import { buildExamples } from '../../examples/app';
import { analyzeStack } from '../../lib/analysis/analyze';
import { evaluate } from '../../lib/rules/engine';
import { synthToFolder } from '../analysis/synth-output';
import { warningsOf } from '../helpers';

const app: App = Testing.app();
buildExamples(app);
const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));

describe('the examples pass the guardrails', () => {
  test('every example stack is checked', () => {
    expect(stacks.map((s) => s.node.id).sort()).toEqual([
      'azure-key-vault',
      'cloud-run',
      'federation',
      'foundation',
      'identity-core',
      'storage',
      'vertex',
    ]);
  });

  test.each(stacks.map((s) => [s.node.id, s] as const))(
    '%s: no finding at all, not even an acknowledged one',
    (_, stack) => {
      const { json } = synthToFolder(stack); // fails on any error finding
      expect(evaluate(analyzeStack(json))).toEqual([]);
      expect(warningsOf(stack).filter((w) => w.startsWith('Guardrails'))).toEqual([]);
    },
  );
});
