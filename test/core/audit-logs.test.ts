import { Construct } from 'constructs';
import { AuditLogs } from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';

describe('AuditLogs', () => {
  test('one audit config per project and service, with all three log types', () => {
    const stack = testStack();
    AuditLogs.of(stack).enable('acme-prod', 'secretmanager.googleapis.com');
    AuditLogs.of(stack).enable('acme-prod', 'secretmanager.googleapis.com');
    AuditLogs.of(stack).enable('acme-prod', 'storage.googleapis.com');
    AuditLogs.of(stack).enable('acme-data', 'storage.googleapis.com');
    expect(AuditLogs.of(stack).configurations).toHaveLength(3);
    const configs = bodiesOf(synth(stack), 'google_project_iam_audit_config');
    expect(configs.map((c) => [c.project, c.service]).sort()).toEqual([
      ['acme-data', 'storage.googleapis.com'],
      ['acme-prod', 'secretmanager.googleapis.com'],
      ['acme-prod', 'storage.googleapis.com'],
    ]);
    for (const config of configs) {
      expect(config.audit_log_config).toEqual([
        { log_type: 'ADMIN_READ' },
        { log_type: 'DATA_READ' },
        { log_type: 'DATA_WRITE' },
      ]);
      expect(JSON.stringify(config)).not.toContain('exempted_members');
    }
  });

  test('calls from nested constructs share the stack singleton', () => {
    const stack = testStack();
    const nested = new Construct(stack, 'nested');
    expect(AuditLogs.of(nested)).toBe(AuditLogs.of(stack));
    AuditLogs.of(nested).enable('acme-prod', 'run.googleapis.com');
    expect(AuditLogs.of(stack).configurations).toHaveLength(1);
  });

  test('addresses do not depend on the order services are enabled', () => {
    const names = (services: string[]) => {
      const stack = testStack();
      services.forEach((s) => AuditLogs.of(stack).enable('acme-prod', s));
      return Object.keys(synth(stack).resource.google_project_iam_audit_config).sort();
    };
    expect(names(['run.googleapis.com', 'storage.googleapis.com'])).toEqual(
      names(['storage.googleapis.com', 'run.googleapis.com']),
    );
  });

  test('fails if the service is not a service name', () => {
    const stack = testStack();
    expect(() => AuditLogs.of(stack).enable('acme-prod', 'storage')).toThrow(
      "test/GuardrailsAuditLogs: 'service' must be a service name ending in '.googleapis.com', or 'allServices' (got 'storage'). Use e.g. 'storage.googleapis.com'.",
    );
    expect(() => AuditLogs.of(stack).enable('Acme', 'storage.googleapis.com')).toThrow(
      /'project' must be a project id/,
    );
  });
});
