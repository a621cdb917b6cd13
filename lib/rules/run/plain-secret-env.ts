import { CREDENTIAL_NAME } from '../../core/private/credential-names';
import { cloudRunServices, plainEnvironmentOf } from '../private/cloud-run';
import type { Rule, RuleFinding } from '../rule';

/** Plain environment values under credential-like names: readable by anyone who can view the service. */
export const runPlainSecretEnv: Rule = {
  id: 'run-plain-secret-env',
  area: 'run',
  severity: 'error',
  description:
    'A Cloud Run service sets a credential-like environment variable (PASSWORD, TOKEN, API_KEY...) to a plain value.',
  fix: 'Store the value in Secret Manager and reference it (value_source.secret_key_ref; SecureCloudRunService `secrets`).',
  acknowledgeable: true,
  check: (model) => {
    const findings: RuleFinding[] = [];
    for (const service of cloudRunServices(model)) {
      const names = plainEnvironmentOf(service)
        .map((e) => e.name)
        .filter((name) => CREDENTIAL_NAME.test(name.toUpperCase()));
      if (names.length === 0) continue;
      findings.push({
        resource: service,
        message: `Cloud Run service ${String(service.body.name ?? service.name)} sets ${names.join(', ')} as plain environment values, visible to anyone who can view the service and in the Terraform state.`,
      });
    }
    return findings;
  },
};
