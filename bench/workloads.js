// Workloads the benchmark synthesizes, each written twice: with the library, and as the same
// Terraform resources written with raw provider classes. Construct issues add theirs here.
//
// Every function gets (stack, i) and builds workload number i into the stack. `budgeted`
// workloads must stay within the synth budget of DESIGN.md section 6; the others are reported.
const { ServiceAccount } = require('@cdktf/provider-google/lib/service-account');
const {
  ServiceAccountIamMember,
} = require('@cdktf/provider-google/lib/service-account-iam-member');

const PROJECT = 'acme-bench';
const POOL =
  'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci';

/** The library entry point (the compiled build). */
function lib() {
  return require('../build/index.js');
}

/** A service identity that a group may deploy with and a repository may impersonate. */
const serviceIdentity = {
  description: 'ServiceIdentity + grantActAs + allowWorkloadIdentity',
  budgeted: false,
  library(stack, i) {
    const { Principal, ServiceIdentity } = lib();
    const identity = new ServiceIdentity(stack, `job${i}`, {
      project: PROJECT,
      accountId: `job-${i}-run`,
    });
    identity.grantActAs(Principal.group('deployers@example.com'));
    identity.allowWorkloadIdentity(
      Principal.fromMember(`${POOL}/attribute.repository/acme/job${i}`),
    );
  },
  raw(stack, i) {
    const account = new ServiceAccount(stack, `job${i}`, {
      project: PROJECT,
      accountId: `job-${i}-run`,
      displayName: `job-${i}-run`,
      description: `Managed by cdktf-guardrails (bench/job${i})`,
    });
    new ServiceAccountIamMember(stack, `job${i}-actas`, {
      serviceAccountId: account.name,
      role: 'roles/iam.serviceAccountUser',
      member: 'group:deployers@example.com',
    });
    new ServiceAccountIamMember(stack, `job${i}-wif`, {
      serviceAccountId: account.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `${POOL}/attribute.repository/acme/job${i}`,
    });
  },
};

module.exports = { serviceIdentity };
