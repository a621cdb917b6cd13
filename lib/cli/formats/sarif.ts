import { createHash } from 'crypto';
import { ALL_RULES } from '../../rules/all-rules';
import { constructSource, ResourceLines, toUri } from '../source-location';
import type { CheckReport } from './report-input';

const SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps...). Required by the schema: `version`
 * and `runs` on the log, `tool.driver.name` on a run, `id` on each rule, `message.text` on each
 * result. Each result points at the file and line where the construct was created when cdktf
 * recorded a stack trace, else at the resource in the synthesized JSON; its construct path and
 * address are logical locations. Acknowledged findings carry an `inSource` suppression with
 * the reason.
 */
export function formatSarif({ findings, io }: CheckReport): string {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const lines = new ResourceLines();
  const results = findings.map((f) => {
    const source = constructSource(f.resource, io.cwd);
    const file = f.file;
    const location =
      source ??
      (file ? { uri: toUri(file, io.cwd), line: lines.lineOf(file, f.address) } : undefined);
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: f.severity,
      message: { text: `${f.address}: ${f.message} Fix: ${f.fix}` },
      locations: [
        {
          ...(location
            ? {
                physicalLocation: {
                  artifactLocation: { uri: location.uri },
                  region: { startLine: location.line },
                },
              }
            : {}),
          logicalLocations: [
            { fullyQualifiedName: f.path ?? f.address, name: f.address, kind: 'resource' },
          ],
        },
      ],
      partialFingerprints: {
        'cdktfGuardrails/v1': createHash('sha256')
          .update(`${f.rule}\n${f.stack}\n${f.address}`)
          .digest('hex'),
      },
      ...(f.acknowledged ? { suppressions: [{ kind: 'inSource', justification: f.reason }] } : {}),
      properties: {
        stack: f.stack,
        address: f.address,
        ...(f.path ? { constructPath: f.path } : {}),
      },
    };
  });
  return (
    JSON.stringify(
      {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'cdktf-guardrails',
                rules: ALL_RULES.map((r) => ({
                  id: r.id,
                  shortDescription: { text: r.description },
                  help: { text: `${r.description} Fix: ${r.fix}` },
                  defaultConfiguration: { level: r.severity },
                  properties: { area: r.area, acknowledgeable: r.acknowledgeable },
                })),
              },
            },
            results,
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}
