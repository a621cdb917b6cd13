import type { Rule, RuleFinding } from '../rule';

/** Data Access logs with exempted members: their reads and writes leave no trace. */
export const auditExemptedMembers: Rule = {
  id: 'audit-exempted-members',
  area: 'audit',
  severity: 'warning',
  description: 'An audit log configuration exempts members from Data Access logging.',
  fix: 'Remove exempted_members; lower log volume with exclusion filters on the log sink instead, which keep the record of who did it.',
  acknowledgeable: true,
  seeAlso: ['https://cloud.google.com/logging/docs/audit/configure-data-access#exempt'],
  check: (model) => {
    const findings: RuleFinding[] = [];
    for (const config of model.auditConfigs) {
      const exempt = config.logTypes.filter((l) => l.exemptedMembers.length > 0);
      if (exempt.length === 0) continue;
      findings.push({
        resource: config.resource,
        message: `audit logs of ${config.service} on ${config.level} ${config.target} exempt ${exempt
          .map((l) => `${l.exemptedMembers.join(', ')} from ${l.logType}`)
          .join('; ')}: what they read and change is not recorded.`,
      });
    }
    return findings;
  },
};
