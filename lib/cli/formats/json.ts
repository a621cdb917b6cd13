import type { CheckReport } from './report-input';

/** DESIGN.md section 8: `{ "findings": [ { rule, severity, stack, address, path, message, acknowledged, reason? } ] }`. */
export function formatJson({ findings }: CheckReport): string {
  return (
    JSON.stringify(
      {
        findings: findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          stack: f.stack,
          address: f.address,
          path: f.path ?? null,
          message: f.message,
          acknowledged: f.acknowledged,
          ...(f.acknowledged ? { reason: f.reason } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
