import type { Rule } from '../rule';

/**
 * An authoritative project policy beside audit configs of the same project: the policy holds
 * the project's audit configs too, so it removes the ones it does not list.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
 */
export const auditPolicyWithAuditConfig: Rule = {
  id: 'audit-policy-with-audit-config',
  area: 'audit',
  severity: 'error',
  description:
    'A google_project_iam_policy is written for a project that also has google_project_iam_audit_config resources.',
  fix: 'Drop the authoritative policy for google_project_iam_member resources, or write the audit configs inside that policy.',
  acknowledgeable: true,
  check: (model) => {
    const audited = new Set(
      model.auditConfigs
        .filter((c) => c.resource.type === 'google_project_iam_audit_config')
        .map((c) => c.target),
    );
    return model
      .resourcesOfType('google_project_iam_policy')
      .filter((r) => audited.has(model.resolve(String(r.body.project ?? ''))))
      .map((resource) => ({
        resource,
        message: `the IAM policy of project ${model.resolve(String(resource.body.project))} holds its audit configs too, so the separate google_project_iam_audit_config resources are removed on every apply.`,
      }));
  },
};
