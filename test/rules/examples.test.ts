import { App, TerraformStack, Testing } from 'cdktf';
import { buildExamples } from '../../examples/app';
import { analyzeStack } from '../../lib/analysis/analyze';
import { evaluate } from '../../lib/rules/engine';
import { JOB_CREATION_REASON } from '../../lib/vertex/private/pipeline-identity-rules';
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
      'internal-admin',
      'ml-pipeline',
      'storage',
      'vertex',
    ]);
  });

  /**
   * The one documented exception: Vertex AI jobs have no resource-level IAM, so who creates
   * them holds roles/aiplatform.user on the project, which VertexPipelineIdentity records as
   * an acknowledged finding with its reason (the ML engineers who submit, the pipeline that
   * launches its training job).
   */
  const ACKNOWLEDGED: Record<string, string[]> = {
    'ml-pipeline': [
      'iam-vertex-project-role group:ml-engineers@acme.example',
      'iam-vertex-project-role serviceAccount:fraud-training@acme-prod.iam.gserviceaccount.com',
    ],
  };

  test.each(stacks.map((s) => [s.node.id, s] as const))(
    '%s: no finding, except the documented acknowledged ones',
    (name, stack) => {
      const { json } = synthToFolder(stack); // fails on any error finding
      const findings = evaluate(analyzeStack(json));
      expect(findings.filter((f) => !f.acknowledged)).toEqual([]);
      expect(
        findings.map((f) => `${f.rule} ${/ to (\S+) on /.exec(f.message)?.[1]}`).sort(),
      ).toEqual(ACKNOWLEDGED[name] ?? []);
      expect(findings.every((f) => f.reason === JOB_CREATION_REASON)).toBe(true);
      expect(warningsOf(stack).filter((w) => w.startsWith('Guardrails'))).toEqual([]);
    },
  );
});
