import { Principal, ServiceIdentity, WorkloadIdentityPool } from '../../lib';
import { bodiesOf, synth, testStack } from '../helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_ID_URI = 'api://acme-gcp-federation';
const OWNER_ID = '1342004';
const REPO_ID = '260064828';

function pool(stack = testStack()) {
  return new WorkloadIdentityPool(stack, 'ci', { project: 'acme-prod', poolId: 'ci-pool' });
}

describe('Entra ID provider audience', () => {
  test('the audience the Entra tokens carry is written to allowed_audiences', () => {
    const stack = testStack();
    pool(stack).addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: [APP_ID_URI] });
    const [provider] = bodiesOf(synth(stack), 'google_iam_workload_identity_pool_provider');
    expect(provider.oidc).toEqual({
      issuer_uri: `https://sts.windows.net/${TENANT}/`,
      allowed_audiences: [APP_ID_URI],
    });
  });

  test('fails without an audience: Google would expect its own resource name, which no Entra token carries', () => {
    // A JavaScript or Python caller can leave the required option out.
    expect(() => pool().addAzureAdProvider('azure', { tenantId: TENANT } as any)).toThrow(
      "test/ci: 'options.allowedAudiences' is required. Pass the Application ID URI of the Entra app registration the workload requests its token for, e.g. allowedAudiences: ['api://<application id>']: Entra tokens carry it as 'aud', never the provider's resource name that Google expects by default.",
    );
    expect(() =>
      pool().addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: [] }),
    ).toThrow(
      /test\/ci: 'options.allowedAudiences' must not be empty: a provider with no audience would accept none/,
    );
  });

  test('fails on a single string where a list is expected (a JavaScript caller)', () => {
    expect(() =>
      pool().addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: APP_ID_URI as any }),
    ).toThrow(
      /test\/ci: 'options.allowedAudiences' must be a list, not a string \(got 'api:\/\/acme-gcp-federation'\)\. Wrap it in a list/,
    );
  });

  test('fails on more than 10 audiences or an audience longer than 256 characters', () => {
    const many = Array.from({ length: 11 }, (_, i) => `api://app-${i}`);
    expect(() =>
      pool().addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: many }),
    ).toThrow(/'options.allowedAudiences' must hold at most 10 audiences/);
    expect(() =>
      pool().addOidcProvider('okta', {
        issuerUri: 'https://acme.okta.com',
        allowedAudiences: ['gcp', 'x'.repeat(257)],
        attributeCondition: "'gcp' in assertion.groups",
      }),
    ).toThrow(/'options.allowedAudiences\[1\]' must be 1-256 characters/);
  });
});

describe('GitHub identities by number', () => {
  test('the numeric claims are mapped, and the ids pin the condition', () => {
    const stack = testStack();
    pool(stack).addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositoryOwnerId: OWNER_ID,
      repositoryIds: [REPO_ID, '260064829'],
      refs: ['refs/heads/main'],
    });
    const [provider] = bodiesOf(synth(stack), 'google_iam_workload_identity_pool_provider');
    expect(provider.attribute_mapping).toEqual(
      expect.objectContaining({
        'attribute.repository_id': 'assertion.repository_id',
        'attribute.repository_owner_id': 'assertion.repository_owner_id',
      }),
    );
    // GitHub sends the ids as strings, so the condition compares strings.
    expect(provider.attribute_condition).toBe(
      `assertion.repository_owner == 'acme' && assertion.repository_owner_id == '${OWNER_ID}' && assertion.repository_id in ['${REPO_ID}', '260064829'] && assertion.ref == 'refs/heads/main'`,
    );
  });

  test('principalForRepositoryId grants to one repository by id', () => {
    const stack = testStack();
    const github = pool(stack).addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositoryOwnerId: OWNER_ID,
      repositoryIds: [REPO_ID],
    });
    const deployer = new ServiceIdentity(stack, 'deployer', {
      project: 'acme-prod',
      accountId: 'orders-deployer',
    });
    deployer.allowWorkloadIdentity(github.principalForRepositoryId(REPO_ID));
    const [binding] = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(binding.member).toMatch(
      new RegExp(
        `^principalSet://iam\\.googleapis\\.com/\\$\\{google_iam_workload_identity_pool\\.ci_[A-Z0-9]+\\.name\\}/attribute\\.repository_id/${REPO_ID}$`,
      ),
    );
  });

  test('fails on ids that are not numbers, and on a repository id the provider refuses', () => {
    const p = pool();
    expect(() =>
      p.addGitHubActionsProvider('github', { repositoryOwner: 'acme', repositoryOwnerId: 'acme' }),
    ).toThrow(
      "test/ci: 'options.repositoryOwnerId' must be a numeric GitHub id, as a string (got 'acme'). Look it up with 'curl https://api.github.com/orgs/<owner> | jq .id' (or /repos/<owner>/<name>), e.g. '1342004'.",
    );
    expect(() =>
      p.addGitHubActionsProvider('github', { repositoryOwner: 'acme', repositoryIds: ['01'] }),
    ).toThrow(/'options.repositoryIds\[0\]' must be a numeric GitHub id/);
    const github = p.addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositoryIds: [REPO_ID],
    });
    expect(() => github.principalForRepositoryId('999')).toThrow(
      `test/ci/github: 'repositoryId' is not one of the provider's repositoryIds (${REPO_ID}), so its tokens are refused (got '999'). Add it to the provider's repositoryIds, or grant to one of them.`,
    );
    const oidc = p.addOidcProvider('gitlab', {
      issuerUri: 'https://gitlab.com',
      allowedAudiences: ['https://gitlab.com'],
      attributeCondition: "assertion.namespace_path == 'acme'",
    });
    expect(() => oidc.principalForRepositoryId(REPO_ID)).toThrow(
      /'principalForRepositoryId' is only for GitHub Actions providers/,
    );
  });
});

describe('federation audit logs', () => {
  test('the pool logs token exchanges in IAM and STS, and impersonation in IAM credentials', () => {
    const stack = testStack();
    pool(stack);
    const configs = bodiesOf(synth(stack), 'google_project_iam_audit_config');
    expect(configs.map((c) => `${c.project}/${c.service}`).sort()).toEqual([
      'acme-prod/iam.googleapis.com',
      'acme-prod/iamcredentials.googleapis.com',
      'acme-prod/sts.googleapis.com',
    ]);
    // ADMIN_READ is the log type Google's guide requires; the library turns on all three.
    for (const config of configs)
      expect(config.audit_log_config.map((c: any) => c.log_type)).toContain('ADMIN_READ');
  });

  test('allowWorkloadIdentity turns on the impersonation logs of the account project', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'job', {
      project: 'acme-jobs',
      accountId: 'report-job',
    });
    identity.allowWorkloadIdentity(
      Principal.fromMember(
        'principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/reports',
      ),
    );
    const configs = bodiesOf(synth(stack), 'google_project_iam_audit_config');
    expect(configs.map((c) => `${c.project}/${c.service}`)).toEqual([
      'acme-jobs/iamcredentials.googleapis.com',
    ]);
  });

  test('allowWorkloadIdentity with auditLogs: false leaves them to whoever owns them', () => {
    const stack = testStack();
    const identity = new ServiceIdentity(stack, 'job', {
      project: 'acme-jobs',
      accountId: 'report-job',
    });
    identity.allowWorkloadIdentity(
      Principal.fromMember('serviceAccount:acme-jobs.svc.id.goog[reports/job]'),
      { auditLogs: false },
    );
    expect(bodiesOf(synth(stack), 'google_project_iam_audit_config')).toEqual([]);
  });
});
