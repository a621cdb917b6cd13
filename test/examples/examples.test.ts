import { App, TerraformStack, Testing } from 'cdktf';
import { buildExamples } from '../../examples/app';
import { GuardrailsTesting, SynthesizedStack } from '../../lib/testing';
import { azureCatalog, gcpCatalog, iamMembers, Synthesized } from '../helpers';

const catalog = gcpCatalog();

/** Synthesizes every example stack with the testing helpers (validations on, as `npm run synth`). */
function synthExamples(): Map<string, SynthesizedStack> {
  const app: App = Testing.app();
  buildExamples(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return new Map(stacks.map((stack) => [stack.node.id, GuardrailsTesting.synth(stack)]));
}

const synthesized = synthExamples();
const examples = new Map<string, Synthesized>(
  [...synthesized].map(([name, s]) => [name, { resource: {}, ...s.json } as Synthesized]),
);

describe('examples', () => {
  test('the identity core example synthesizes', () => {
    expect([...examples.keys()]).toContain('identity-core');
  });

  test.each([...examples.keys()])(
    '%s: passes the guardrails, warnings included (acknowledged findings aside)',
    (name) => {
      const synth = synthesized.get(name)!;
      synth.passesGuardrails({ failOnWarnings: true });
      expect(synth.findings.filter((f) => !f.acknowledged)).toEqual([]);
    },
  );

  test.each([...examples.keys()])(
    '%s: no basic role, no public member, no key, no policy or binding resource',
    (name) => {
      const json = examples.get(name)!;
      const text = JSON.stringify(json.resource);
      const synth = synthesized.get(name)!;
      for (const role of ['roles/owner', 'roles/editor', 'roles/viewer'])
        synth.hasNoGrant({ role });
      for (const member of ['allUsers', 'allAuthenticatedUsers']) synth.hasNoGrant({ member });
      expect(synth.warnings).toEqual([]);
      expect(text).not.toMatch(/"google_service_account_key"/);
      expect(Object.keys(json.resource).filter((t) => /_iam_(policy|binding)$/.test(t))).toEqual(
        [],
      );
      const projectRoles = Object.values(json.resource.google_project_iam_member ?? {}).map(
        (b: any) => b.role,
      );
      expect(projectRoles).not.toContain('roles/iam.serviceAccountUser');
      expect(projectRoles).not.toContain('roles/iam.workloadIdentityUser');
    },
  );

  test.each([...examples.keys()])('%s: every predefined role exists in the IAM catalog', (name) => {
    const roles = iamMembers(examples.get(name)!)
      .map((b) => b.role)
      .filter((r) => r.startsWith('roles/'));
    for (const role of roles)
      expect({ role, known: role in catalog.roles }).toEqual({ role, known: true });
  });

  test.each([...examples.keys()])(
    '%s: at most one audit config per project and service',
    (name) => {
      const configs = Object.values(
        examples.get(name)!.resource.google_project_iam_audit_config ?? {},
      );
      const keys = configs.map((c: any) => `${c.project}/${c.service}`);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});

describe('foundation example', () => {
  test('one stack writes every audit config of the app, each (project, service) once', () => {
    const owners = new Map<string, string[]>();
    for (const [name, json] of examples) {
      for (const c of Object.values(json.resource.google_project_iam_audit_config ?? {}) as any[]) {
        const key = `${c.project}/${c.service}`;
        owners.set(key, [...(owners.get(key) ?? []), name]);
      }
    }
    expect(Object.fromEntries(owners)).toEqual({
      'acme-prod/iam.googleapis.com': ['foundation'],
      'acme-prod/iamcredentials.googleapis.com': ['foundation'],
      'acme-prod/secretmanager.googleapis.com': ['foundation'],
      'acme-prod/storage.googleapis.com': ['foundation'],
      'acme-prod/aiplatform.googleapis.com': ['foundation'],
      'acme-prod/sts.googleapis.com': ['foundation'],
      'acme-prod/iap.googleapis.com': ['foundation'],
      'acme-prod/bigquery.googleapis.com': ['foundation'],
      'acme-prod/artifactregistry.googleapis.com': ['foundation'],
    });
  });
});

describe('internal-admin example', () => {
  const json = examples.get('internal-admin')!;
  const synth = synthesized.get('internal-admin')!;

  test('one group reaches the admin UI through IAP on the service; nobody gets an invoker role', () => {
    const [service] = Object.values(json.resource.google_cloud_run_v2_service) as any[];
    expect([service.iap_enabled, service.ingress, service.provider]).toEqual([
      true,
      'INGRESS_TRAFFIC_ALL',
      'google-beta',
    ]);
    synth.hasGrant({
      role: 'roles/iap.httpsResourceAccessor',
      member: 'group:orders-ops@acme.example',
    });
    const invokers = Object.values(json.resource.google_cloud_run_v2_service_iam_member) as any[];
    expect(invokers.map((b) => [b.role, b.member])).toEqual([
      [
        'roles/run.servicesInvoker',
        expect.stringMatching(/^\$\{google_project_service_identity\.[^.]+\.member\}$/),
      ],
    ]);
    // Every binding is on the one service.
    expect(
      Object.keys(json.resource)
        .filter((t) => t.endsWith('_iam_member'))
        .sort(),
    ).toEqual([
      'google_cloud_run_v2_service_iam_member',
      'google_iap_web_cloud_run_service_iam_member',
    ]);
  });
});

describe('ml-pipeline example', () => {
  const json = examples.get('ml-pipeline')!;

  /** Every binding as `<type> <role> <member>`, members shortened to their account id. */
  const bindings = iamMembers(json)
    .map((b) => {
      const sa = /google_service_account\.([a-z-]+)_Identity/.exec(b.member)?.[1];
      const member = sa
        ? `identity:${sa}`
        : b.member.replace(/\$\{data\.google_project\.[^}]+\}/, '<n>');
      const where = b.body.condition ? ` if ${b.body.condition.title}` : '';
      return `${b.type.replace(/^google_|_iam_member$/g, '')} ${b.role} ${member}${where}`;
    })
    .sort();

  test('each step has its own identity and only its own data; two documented project-level grants', () => {
    expect(bindings).toEqual(
      [
        // ingestion: reads the transactions dataset (queries billed to the project), writes raw/
        'bigquery_dataset roles/bigquery.dataViewer identity:ingest',
        'project roles/bigquery.jobUser identity:ingest',
        'storage_bucket roles/storage.objectCreator identity:ingest if objects under raw/',
        // training: reads raw/, writes models/, stages, writes its metrics, launches its job
        'storage_bucket roles/storage.objectViewer identity:training if objects under raw/',
        'storage_bucket roles/storage.objectCreator identity:training if objects under models/',
        'storage_bucket roles/storage.objectUser identity:training if objects under pipelines/training/',
        'bigquery_dataset roles/bigquery.dataEditor identity:training',
        'project roles/bigquery.jobUser identity:training',
        'project roles/aiplatform.user identity:training',
        'service_account roles/iam.serviceAccountUser identity:training',
        // the image is pulled by Vertex AI's Custom Code Service Agent
        'artifact_registry_repository roles/artifactregistry.reader serviceAccount:service-<n>@gcp-sa-aiplatform-cc.iam.gserviceaccount.com',
        // the engineers launch both jobs: actAs on each account, job creation on the project
        'service_account roles/iam.serviceAccountUser group:ml-engineers@acme.example',
        'service_account roles/iam.serviceAccountUser group:ml-engineers@acme.example',
        'project roles/aiplatform.user group:ml-engineers@acme.example',
        // serving: predicts on one endpoint
        'vertex_ai_endpoint projects/acme-prod/roles/guardrailsVertexPredict identity:fraud-scorer',
      ].sort(),
    );
  });
});

describe('cloud-run example', () => {
  const json = examples.get('cloud-run')!;

  test('the API is invoked only by the frontend, deployed by CI, and reads one secret', () => {
    const runBindings = Object.values(json.resource.google_cloud_run_v2_service_iam_member).map(
      (b: any) => [b.role, b.member],
    );
    expect(runBindings.sort()).toEqual(
      [
        ['roles/run.developer', 'serviceAccount:ci-deploy@acme-prod.iam.gserviceaccount.com'],
        [
          'roles/run.servicesInvoker',
          expect.stringMatching(/google_service_account\.web_Identity_[A-Z0-9]+\.member/),
        ],
        ['roles/run.viewer', 'group:orders-oncall@example.com'],
      ].sort(),
    );
    const secretBindings = Object.values(json.resource.google_secret_manager_secret_iam_member);
    expect(secretBindings).toEqual([
      expect.objectContaining({
        secret_id: 'orders-db-password',
        role: 'roles/secretmanager.secretAccessor',
      }),
    ]);
    // The Secret Manager audit logs are written by the foundation stack, which owns them.
    expect(json.resource.google_project_iam_audit_config).toBeUndefined();
    expect(
      Object.values(examples.get('foundation')!.resource.google_project_iam_audit_config),
    ).toContainEqual(expect.objectContaining({ service: 'secretmanager.googleapis.com' }));
  });

  test('CI deploys the API and acts as its runtime account only; nobody invokes the frontend', () => {
    const synth = synthesized.get('cloud-run')!;
    const ci = 'serviceAccount:ci-deploy@acme-prod.iam.gserviceaccount.com';
    synth.hasGrant({ member: ci, role: 'roles/run.developer', target: 'orders-api' });
    synth.hasGrant({ member: ci, role: 'roles/iam.serviceAccountUser', target: 'orders-api-run' });
    expect(synth.findGrants({ member: ci })).toHaveLength(2);
    synth.hasNoGrant({ role: 'roles/run.servicesInvoker', target: 'web' });
  });

  test('no service runs as the default compute account', () => {
    for (const run of Object.values(json.resource.google_cloud_run_v2_service) as any[]) {
      expect(run.template.service_account).toMatch(/^\$\{google_service_account\./);
      expect(run.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER');
    }
  });
});

describe('storage example', () => {
  const json = examples.get('storage')!;

  test('every bucket is private, uniform and versioned', () => {
    const buckets = Object.values(json.resource.google_storage_bucket) as any[];
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) {
      expect(b.uniform_bucket_level_access).toBe(true);
      expect(b.public_access_prevention).toBe('enforced');
      expect(b.versioning).toEqual({ enabled: true });
    }
  });

  test('every grant is on the bucket, under a prefix, none at project level', () => {
    const bindings = Object.values(json.resource.google_storage_bucket_iam_member) as any[];
    expect(bindings.map((b) => [b.role, b.condition.title]).sort()).toEqual([
      ['roles/storage.objectCreator', 'objects under incoming/'],
      ['roles/storage.objectCreator', 'objects under processed/'],
      ['roles/storage.objectViewer', 'objects under incoming/'],
    ]);
    expect(json.resource.google_project_iam_member).toBeUndefined();
  });
});

describe('vertex example', () => {
  const json = examples.get('vertex')!;

  test('the API may predict on one endpoint with a one-permission custom role', () => {
    expect(Object.values(json.resource.google_project_iam_custom_role)).toEqual([
      expect.objectContaining({ permissions: ['aiplatform.endpoints.predict'] }),
    ]);
    expect(Object.values(json.resource.google_vertex_ai_endpoint_iam_member)).toEqual([
      expect.objectContaining({
        provider: 'google-beta',
        endpoint: 'projects/acme-prod/locations/europe-west1/endpoints/4451820917340110848',
      }),
    ]);
    expect(json.resource.google_project_iam_member).toBeUndefined();
  });
});

describe('federation example', () => {
  const json = examples.get('federation')!;

  test('GitHub is pinned by numeric ids; Entra tokens must carry the app audience', () => {
    const providers = Object.values(
      json.resource.google_iam_workload_identity_pool_provider,
    ) as any[];
    const github = providers.find((p) => p.oidc.issuer_uri.includes('github'));
    expect(github.attribute_condition).toBe(
      "assertion.repository_owner == 'acme' && assertion.repository_owner_id == '90120450' && assertion.repository_id == '612345678' && assertion.ref == 'refs/heads/main'",
    );
    const azure = providers.find((p) => p.oidc.issuer_uri.startsWith('https://sts.windows.net/'));
    expect(azure.oidc.allowed_audiences).toEqual(['api://acme-gcp-federation']);
  });

  test('every provider has a condition; no key; no whole-pool grant', () => {
    const providers = Object.values(
      json.resource.google_iam_workload_identity_pool_provider,
    ) as any[];
    expect(providers).toHaveLength(2);
    for (const p of providers) expect(p.attribute_condition.length).toBeGreaterThan(0);
    expect(json.resource.google_service_account_key).toBeUndefined();
    for (const b of iamMembers(json)) expect(b.member).not.toMatch(/\/\*$/);
  });

  test('the workflow deploys the API directly; the Azure job reads one prefix', () => {
    const deploy = Object.values(json.resource.google_cloud_run_v2_service_iam_member) as any[];
    expect(deploy.map((b) => b.role)).toEqual(['roles/run.developer']);
    expect(deploy[0].member).toMatch(
      /^principalSet:\/\/iam\.googleapis\.com\/\$\{google_iam_workload_identity_pool\..+\}\/attribute\.repository_id\/612345678$/,
    );
    const read = Object.values(json.resource.google_storage_bucket_iam_member) as any[];
    expect(read).toEqual([expect.objectContaining({ role: 'roles/storage.objectViewer' })]);
    expect(read[0].member).toMatch(
      /^principal:\/\/iam\.googleapis\.com\/.+\/subject\/0b5c1e9a-3f4d-4c2b-9d8e-7a6f5e4d3c2b$/,
    );
  });
});

describe('azure-key-vault example', () => {
  const json = examples.get('azure-key-vault')!;
  const catalog = azureCatalog();

  test('every role assignment names an existing built-in role at vault or secret scope', () => {
    const assignments = Object.values(json.resource.azurerm_role_assignment) as any[];
    expect(assignments.length).toBeGreaterThan(0);
    for (const a of assignments) {
      expect(catalog.roles[a.role_definition_name]).toBeDefined();
      expect([
        'Owner',
        'Contributor',
        'User Access Administrator',
        'Key Vault Administrator',
      ]).not.toContain(a.role_definition_name);
      expect(a.scope).toMatch(/^\$\{azurerm_key_vault\.[^}]+\.id\}(\/secrets\/[0-9a-zA-Z-]+)?$/);
      expect(a.principal_type).toBe('ServicePrincipal');
    }
  });

  test('the created vault passes the checks', () => {
    for (const v of Object.values(json.resource.azurerm_key_vault) as any[]) {
      expect(v).toEqual(
        expect.objectContaining({
          rbac_authorization_enabled: true,
          purge_protection_enabled: true,
          soft_delete_retention_days: 90,
          network_acls: expect.objectContaining({ default_action: 'Deny' }),
        }),
      );
    }
    expect(Object.values(json.resource.azurerm_monitor_diagnostic_setting)).toEqual([
      expect.objectContaining({ enabled_log: [{ category: 'AuditEvent' }] }),
    ]);
  });

  test('the API gets the client id, tenant and vault URI as plain references', () => {
    const [run] = Object.values(json.resource.google_cloud_run_v2_service) as any[];
    expect(run.template.containers[0].env.map((e: any) => e.name)).toEqual([
      'AZURE_CLIENT_ID',
      'AZURE_TENANT_ID',
      'AZURE_VAULT_URI',
    ]);
  });
});
