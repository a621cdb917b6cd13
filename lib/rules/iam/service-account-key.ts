import type { Rule } from '../rule';

/** `google_service_account_key`: a long-lived credential that ends up in the Terraform state. */
export const iamServiceAccountKey: Rule = {
  id: 'iam-service-account-key',
  area: 'iam',
  severity: 'error',
  description:
    'A service account key is created: a long-lived credential, stored in the Terraform state.',
  fix: 'Use the platform identity (attached service account) inside Google Cloud and workload identity federation outside it.',
  acknowledgeable: false,
  seeAlso: ['https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys'],
  check: (model) =>
    model.resourcesOfType('google_service_account_key').map((resource) => ({
      resource,
      message: `creates a key for ${model.resolve(String(resource.body.service_account_id ?? 'a service account'))}; its private key is written to the Terraform state.`,
    })),
};
