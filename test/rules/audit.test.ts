import { auditDuplicateConfig } from '../../lib/rules/audit/duplicate-config';
import { auditExemptedMembers } from '../../lib/rules/audit/exempted-members';
import { auditPolicyWithAuditConfig } from '../../lib/rules/audit/policy-with-audit-config';
import { describeRules, stackJson } from './rule-cases';

const ALL_TYPES = [
  { log_type: 'ADMIN_READ' },
  { log_type: 'DATA_READ' },
  { log_type: 'DATA_WRITE' },
];
const config = (service: string, logs: unknown[] = ALL_TYPES) => ({
  project: 'acme-prod',
  service,
  audit_log_config: logs,
});

describeRules([
  {
    rule: auditExemptedMembers,
    noncompliant: stackJson({
      google_project_iam_audit_config: {
        storage: config('storage.googleapis.com', [
          {
            log_type: 'DATA_READ',
            exempted_members: ['serviceAccount:Etl@acme-prod.iam.gserviceaccount.com'],
          },
        ]),
      },
    }),
    compliant: stackJson({
      google_project_iam_audit_config: { storage: config('storage.googleapis.com') },
    }),
    expected: ['google_project_iam_audit_config.storage'],
    message: /serviceAccount:etl@acme-prod\.iam\.gserviceaccount\.com from DATA_READ/,
  },
  {
    rule: auditDuplicateConfig,
    noncompliant: stackJson({
      google_project_iam_audit_config: {
        a: config('storage.googleapis.com'),
        b: config('storage.googleapis.com', [{ log_type: 'ADMIN_READ' }]),
      },
    }),
    compliant: stackJson({
      google_project_iam_audit_config: {
        a: config('storage.googleapis.com'),
        b: config('secretmanager.googleapis.com'),
        c: { ...config('storage.googleapis.com'), project: 'acme-dev' },
      },
    }),
    expected: ['google_project_iam_audit_config.a', 'google_project_iam_audit_config.b'],
    message:
      /storage\.googleapis\.com on project acme-prod is also configured by google_project_iam_audit_config\.b/,
  },
  {
    rule: auditPolicyWithAuditConfig,
    noncompliant: stackJson({
      google_project_iam_audit_config: { storage: config('storage.googleapis.com') },
      google_project_iam_policy: {
        policy: { project: 'acme-prod', policy_data: '{"bindings":[]}' },
      },
    }),
    compliant: stackJson({
      google_project_iam_audit_config: { storage: config('storage.googleapis.com') },
      google_project_iam_policy: {
        policy: { project: 'acme-sandbox', policy_data: '{"bindings":[]}' },
      },
    }),
    expected: ['google_project_iam_policy.policy'],
  },
]);
