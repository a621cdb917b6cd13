import type { AuditConfig } from '../../analysis/model';
import type { Rule, RuleFinding } from '../rule';

/** Two audit configs for one (project, service): Google keeps one, so each apply overwrites the other. */
export const auditDuplicateConfig: Rule = {
  id: 'audit-duplicate-config',
  area: 'audit',
  severity: 'error',
  description:
    'Two audit log configurations are written for the same project (or folder, organization) and service.',
  fix: 'Keep one per project and service (AuditLogs.of(stack).enable(project, service) guarantees it).',
  acknowledgeable: true,
  check: (model) => {
    const byKey = new Map<string, AuditConfig[]>();
    for (const config of model.auditConfigs) {
      const key = `${config.level}\n${config.target}\n${config.service}`;
      const list = byKey.get(key);
      if (list) list.push(config);
      else byKey.set(key, [config]);
    }
    const findings: RuleFinding[] = [];
    for (const configs of byKey.values()) {
      if (configs.length < 2) continue;
      // Every one of them is reported: which one to keep is the author's choice.
      for (const config of configs) {
        const others = configs.filter((c) => c !== config).map((c) => c.resource.address);
        findings.push({
          resource: config.resource,
          message: `${config.service} on ${config.level} ${config.target} is also configured by ${others.join(', ')}; each apply overwrites the other.`,
        });
      }
    }
    return findings;
  },
};
