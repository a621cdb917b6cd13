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
      const addresses = configs.map((c) => c.resource.address);
      for (const config of configs.slice(1)) {
        findings.push({
          resource: config.resource,
          message: `${config.service} on ${config.level} ${config.target} is configured by ${addresses.join(' and ')}; each apply overwrites the other.`,
        });
      }
    }
    return findings;
  },
};
