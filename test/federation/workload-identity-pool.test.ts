import { TerraformStack, Testing, Token } from 'cdktf';
import {
  ScopedBucket,
  SecureCloudRunService,
  ServiceIdentity,
  WorkloadIdentityPool,
} from '../../lib';
import { bodiesOf, resolve, synth, testStack } from '../helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OBJECT_ID = '0b5c1e9a-3f4d-4c2b-9d8e-7a6f5e4d3c2b';
/** The Application ID URI the Entra tokens carry as audience. */
const APP_ID_URI = 'api://acme-gcp';
const POOL_NAME = /^\$\{google_iam_workload_identity_pool\.ci_[A-Z0-9]+\.name\}$/;

function pool(stack: TerraformStack, id = 'ci', poolId = 'ci-pool') {
  return new WorkloadIdentityPool(stack, id, {
    project: 'acme-prod',
    poolId,
    displayName: 'CI and other clouds',
  });
}

function providers(stack: TerraformStack): any[] {
  return bodiesOf(synth(stack), 'google_iam_workload_identity_pool_provider');
}

describe('WorkloadIdentityPool', () => {
  test('a pool with its audit logs', () => {
    const stack = testStack();
    pool(stack);
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    expect(bodiesOf(json, 'google_iam_workload_identity_pool')).toEqual([
      {
        project: 'acme-prod',
        workload_identity_pool_id: 'ci-pool',
        display_name: 'CI and other clouds',
        description: 'Managed by cdktf-guardrails (ci)',
      },
    ]);
    expect(
      bodiesOf(json, 'google_project_iam_audit_config')
        .map((c) => c.service)
        .sort(),
    ).toEqual(['iam.googleapis.com', 'iamcredentials.googleapis.com', 'sts.googleapis.com']);
  });

  test('GitHub Actions: owner always pinned, exact mapping', () => {
    const stack = testStack();
    pool(stack).addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    expect(providers(stack)).toEqual([
      {
        project: 'acme-prod',
        workload_identity_pool_id: expect.stringMatching(
          /google_iam_workload_identity_pool\.ci_[A-Z0-9]+\.workload_identity_pool_id/,
        ),
        workload_identity_pool_provider_id: 'github',
        attribute_mapping: {
          'google.subject': 'assertion.sub',
          'attribute.repository': 'assertion.repository',
          'attribute.repository_owner': 'assertion.repository_owner',
          'attribute.ref': 'assertion.ref',
          'attribute.repository_id': 'assertion.repository_id',
          'attribute.repository_owner_id': 'assertion.repository_owner_id',
        },
        attribute_condition: "assertion.repository_owner == 'acme'",
        oidc: { issuer_uri: 'https://token.actions.githubusercontent.com' },
      },
    ]);
  });

  test('GitHub Actions: repositories and refs narrow the condition', () => {
    const stack = testStack();
    pool(stack).addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositories: ['acme/orders-api', 'acme/web'],
      refs: ['refs/heads/main'],
    });
    expect(providers(stack)[0].attribute_condition).toBe(
      "assertion.repository_owner == 'acme' && assertion.repository in ['acme/orders-api', 'acme/web'] && assertion.ref == 'refs/heads/main'",
    );
  });

  test('Azure AD: tenant pinned, object ids when given', () => {
    const stack = testStack();
    const p = pool(stack);
    p.addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: [APP_ID_URI] });
    p.addAzureAdProvider('azure-jobs', {
      tenantId: TENANT,
      allowedObjectIds: [OBJECT_ID],
      allowedAudiences: [APP_ID_URI, 'api://acme-gcp-jobs'],
    });
    const [open, narrow] = providers(stack).sort((a, b) =>
      a.workload_identity_pool_provider_id.localeCompare(b.workload_identity_pool_provider_id),
    );
    expect(open.oidc).toEqual({
      issuer_uri: `https://sts.windows.net/${TENANT}/`,
      allowed_audiences: [APP_ID_URI],
    });
    expect(open.attribute_condition).toBe(`assertion.tid == '${TENANT}'`);
    expect(open.attribute_mapping).toEqual({
      'google.subject': 'assertion.sub',
      'attribute.tid': 'assertion.tid',
      'attribute.oid': 'assertion.oid',
    });
    expect(narrow.attribute_condition).toBe(
      `assertion.tid == '${TENANT}' && assertion.oid == '${OBJECT_ID}'`,
    );
    expect(narrow.oidc).toEqual({
      issuer_uri: `https://sts.windows.net/${TENANT}/`,
      allowed_audiences: [APP_ID_URI, 'api://acme-gcp-jobs'],
    });
  });

  test('generic OIDC: condition and audiences as given, default subject mapping', () => {
    const stack = testStack();
    pool(stack).addOidcProvider('gitlab', {
      issuerUri: 'https://gitlab.com',
      allowedAudiences: ['https://gitlab.com'],
      attributeCondition: "assertion.namespace_path == 'acme'",
    });
    expect(providers(stack)[0]).toEqual(
      expect.objectContaining({
        attribute_mapping: { 'google.subject': 'assertion.sub' },
        attribute_condition: "assertion.namespace_path == 'acme'",
        oidc: { issuer_uri: 'https://gitlab.com', allowed_audiences: ['https://gitlab.com'] },
      }),
    );
  });

  test('every provider has a non-empty condition', () => {
    const stack = testStack();
    const p = pool(stack);
    p.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    p.addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: [APP_ID_URI] });
    p.addOidcProvider('okta', {
      issuerUri: 'https://acme.okta.com',
      allowedAudiences: ['gcp'],
      attributeCondition: "'gcp' in assertion.groups",
    });
    for (const provider of providers(stack))
      expect(provider.attribute_condition.trim()).not.toBe('');
  });
});

describe('federated principals', () => {
  test('principal strings are built from the pool name (project number), not the id', () => {
    const stack = testStack();
    const p = pool(stack);
    const github = p.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    const repo = resolve(stack, github.principalForRepository('acme/orders-api').member) as string;
    expect(repo).toMatch(
      /^principalSet:\/\/iam\.googleapis\.com\/\$\{google_iam_workload_identity_pool\.ci_[A-Z0-9]+\.name\}\/attribute\.repository\/acme\/orders-api$/,
    );
    const subject = resolve(
      stack,
      github.principalForSubject('repo:acme/orders-api:ref:refs/heads/main').member,
    ) as string;
    expect(subject.replace(/\$\{[^}]+\}/, 'POOL')).toBe(
      'principal://iam.googleapis.com/POOL/subject/repo:acme/orders-api:ref:refs/heads/main',
    );
    expect(resolve(stack, p.name)).toMatch(POOL_NAME);
  });

  test('direct resource access: a repository may deploy a Cloud Run service', () => {
    const stack = testStack();
    const github = pool(stack).addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    const api = new SecureCloudRunService(stack, 'api', {
      project: 'acme-prod',
      location: 'europe-west1',
      serviceName: 'api',
      image: 'gcr.io/acme/api:1',
    });
    api.grantDeploy(github.principalForRepository('acme/orders-api'));
    const json = synth(stack);
    const [deploy] = bodiesOf(json, 'google_cloud_run_v2_service_iam_member');
    expect(deploy.role).toBe('roles/run.developer');
    expect(deploy.member).toMatch(
      /^principalSet:\/\/iam\.googleapis\.com\/\$\{google_iam_workload_identity_pool\..*\}\/attribute\.repository\/acme\/orders-api$/,
    );
    expect(bodiesOf(json, 'google_service_account_key')).toEqual([]);
  });

  test('impersonation: an Azure identity may act as a service account', () => {
    const stack = testStack();
    const azure = pool(stack).addAzureAdProvider('azure', {
      tenantId: TENANT,
      allowedObjectIds: [OBJECT_ID],
      allowedAudiences: [APP_ID_URI],
    });
    const identity = new ServiceIdentity(stack, 'sync', {
      project: 'acme-prod',
      accountId: 'azure-sync',
    });
    identity.allowWorkloadIdentity(azure.principalForSubject(OBJECT_ID));
    const [binding] = bodiesOf(synth(stack), 'google_service_account_iam_member');
    expect(binding.role).toBe('roles/iam.workloadIdentityUser');
    expect(binding.member).toMatch(
      new RegExp(
        `^principal://iam\\.googleapis\\.com/\\$\\{google_iam_workload_identity_pool\\..*\\}/subject/${OBJECT_ID}$`,
      ),
    );
  });

  test('an attribute set can read a bucket', () => {
    const stack = testStack();
    const p = pool(stack);
    p.addAzureAdProvider('azure', { tenantId: TENANT, allowedAudiences: [APP_ID_URI] });
    const bucket = new ScopedBucket(stack, 'b', {
      project: 'acme-prod',
      bucketName: 'acme-prod-exports',
      location: 'EU',
    });
    bucket.grantRead(p.principalSetForAttribute('oid', OBJECT_ID), { prefix: 'exports/' });
    expect(bodiesOf(synth(stack), 'google_storage_bucket_iam_member')[0].member).toMatch(
      new RegExp(`/attribute\\.oid/${OBJECT_ID}$`),
    );
  });

  test('fails synth if a principal set names an attribute no provider maps', () => {
    const stack = testStack();
    const p = pool(stack);
    p.addGitHubActionsProvider('github', { repositoryOwner: 'acme' });
    p.principalSetForAttribute('workflow', 'deploy');
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/ci: 'name' \('workflow', given to principalSetForAttribute\) names an attribute that no provider of the pool maps/,
    );
  });

  test.each(['*', 'acme/*'])('fails on a whole-pool or wildcard value %j', (value) => {
    expect(() => pool(testStack()).principalSetForAttribute('repository', value)).toThrow(
      /test\/ci: 'value' must be one attribute value, not empty or a wildcard/,
    );
  });

  test('fails on an empty value', () => {
    expect(() => pool(testStack()).principalSetForAttribute('repository', '')).toThrow(
      /test\/ci: 'value' must not be empty or only whitespace \(got ''\)/,
    );
  });

  test('principalForRepository checks owner and the provider repositories', () => {
    const stack = testStack();
    const p = pool(stack);
    const github = p.addGitHubActionsProvider('github', {
      repositoryOwner: 'acme',
      repositories: ['acme/orders-api'],
    });
    expect(() => github.principalForRepository('other/api')).toThrow(
      "test/ci/github: 'repository' must belong to the provider's repositoryOwner 'acme' (got 'other/api').",
    );
    expect(() => github.principalForRepository('acme/web')).toThrow(
      /is not one of the provider's repositories \(acme\/orders-api\)/,
    );
    expect(() => github.principalForRepository('orders-api')).toThrow(
      /must be a GitHub repository as 'owner\/name'/,
    );
    const oidc = p.addOidcProvider('okta', {
      issuerUri: 'https://acme.okta.com',
      allowedAudiences: ['gcp'],
      attributeCondition: "'gcp' in assertion.groups",
    });
    expect(() => oidc.principalForRepository('acme/api')).toThrow(
      /'principalForRepository' is only for GitHub Actions providers/,
    );
  });
});

describe('WorkloadIdentityPool bad input', () => {
  test.each([
    ['abc', /'poolId' must be 4-32 characters of a-z, 0-9 and '-'/],
    ['CI_Pool', /'poolId' must be 4-32/],
    [
      'gcp-ci',
      "test/ci: 'poolId' must not start with 'gcp-' (reserved by Google) (got 'gcp-ci'). Choose another prefix.",
    ],
  ])('fails on pool id %j', (poolId, message) => {
    expect(() => pool(testStack(), 'ci', poolId)).toThrow(message);
  });

  test('fails on provider ids, owners, repositories, refs, tenants, issuers and conditions', () => {
    const p = pool(testStack());
    expect(() => p.addGitHubActionsProvider('gh', { repositoryOwner: 'acme' })).toThrow(
      /test\/ci: 'id' must be 4-32/,
    );
    expect(() => p.addGitHubActionsProvider('github', { repositoryOwner: 'acme inc' })).toThrow(
      /'options.repositoryOwner' must be a GitHub organization/,
    );
    expect(() =>
      p.addGitHubActionsProvider('github', {
        repositoryOwner: 'acme',
        repositories: ['other/api'],
      }),
    ).toThrow(/'options.repositories\[0\]' must belong to the provider's repositoryOwner 'acme'/);
    expect(() =>
      p.addGitHubActionsProvider('github', { repositoryOwner: 'acme', refs: ['main'] }),
    ).toThrow(
      "test/ci: 'options.refs[0]' must be a full Git ref such as 'refs/heads/main' or 'refs/tags/v1.2.0' (got 'main'). Write the full ref: 'main' is 'refs/heads/main'.",
    );
    expect(() =>
      p.addAzureAdProvider('azure', {
        tenantId: 'acme.onmicrosoft.com',
        allowedAudiences: [APP_ID_URI],
      }),
    ).toThrow(/'options.tenantId' must be the tenant id: a GUID/);
    expect(() =>
      p.addAzureAdProvider('azure', {
        tenantId: TENANT,
        allowedObjectIds: ['x'],
        allowedAudiences: [APP_ID_URI],
      }),
    ).toThrow(/'options.allowedObjectIds\[0\]' must be an object id/);
    expect(() =>
      p.addOidcProvider('okta', {
        issuerUri: 'http://acme.okta.com',
        allowedAudiences: ['gcp'],
        attributeCondition: 'x',
      }),
    ).toThrow(/'options.issuerUri' must be an https:\/\/ URL/);
    expect(() =>
      p.addOidcProvider('okta', {
        issuerUri: 'https://acme.okta.com',
        allowedAudiences: ['gcp'],
        attributeCondition: 'true',
      }),
    ).toThrow(
      /test\/ci: 'options.attributeCondition' must restrict which tokens are accepted on every branch .*\(got 'true'\)/,
    );
    expect(() =>
      p.addOidcProvider('okta2', {
        issuerUri: 'https://acme.okta.com',
        allowedAudiences: ['gcp'],
        attributeCondition: ' ',
      }),
    ).toThrow(/test\/ci: 'options.attributeCondition' must not be empty or only whitespace/);
    expect(() =>
      p.addOidcProvider('okta3', {
        issuerUri: 'https://acme.okta.com',
        allowedAudiences: [],
        attributeCondition: 'assertion.x == 1',
      }),
    ).toThrow(
      /test\/ci: 'options.allowedAudiences' must not be empty: a provider with no audience would accept none/,
    );
    expect(() =>
      p.addOidcProvider('okta4', {
        issuerUri: 'https://acme.okta.com',
        allowedAudiences: ['gcp'],
        attributeCondition: 'assertion.x == 1',
        attributeMapping: { 'attribute.x': 'assertion.x' },
      }),
    ).toThrow(/test\/ci: 'options.attributeMapping' does not map 'google.subject'/);
  });

  test('tokens are never rejected', () => {
    const stack = testStack();
    const p = new WorkloadIdentityPool(stack, 'ci', {
      project: Token.asString({ Ref: 'p' }),
      poolId: Token.asString({ Ref: 'id' }),
    });
    expect(() =>
      p.addAzureAdProvider('azure', {
        tenantId: Token.asString({ Ref: 't' }),
        allowedAudiences: Token.asList({ Ref: 'audiences' }),
      }),
    ).not.toThrow();
    expect(() =>
      p.addGitHubActionsProvider('github', {
        repositoryOwner: 'acme',
        repositoryOwnerId: Token.asString({ Ref: 'owner-id' }),
        repositoryIds: [Token.asString({ Ref: 'repo-id' })],
      }),
    ).not.toThrow();
  });
});
