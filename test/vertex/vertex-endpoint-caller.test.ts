import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { TerraformStack, Testing, Token } from 'cdktf';
import {
  Grant,
  Principal,
  SecureCloudRunService,
  ServiceIdentity,
  VertexEndpointCaller,
  VertexEndpointCallerProps,
  VertexGrantScope,
} from '../../lib';
import { bodiesOf, gcpCatalog, iamMembers, synth, testStack, warningsOf } from '../helpers';

const ENDPOINT_ID = '1234567890123456789';
const ENDPOINT = `projects/acme-prod/locations/europe-west1/endpoints/${ENDPOINT_ID}`;

function caller(
  stack: TerraformStack,
  props: Partial<VertexEndpointCallerProps> = {},
  id = 'predict',
) {
  const identity =
    (stack.node.tryFindChild('api') as ServiceIdentity | undefined) ??
    new ServiceIdentity(stack, 'api', { project: 'acme-prod', accountId: 'api-run' });
  return new VertexEndpointCaller(stack, id, {
    caller: identity,
    project: 'acme-prod',
    region: 'europe-west1',
    endpointId: ENDPOINT_ID,
    ...props,
  });
}

describe('VertexEndpointCaller', () => {
  test('a custom role with only predict, bound on the endpoint through google-beta', () => {
    const stack = testStack();
    const c = caller(stack);
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    const [role] = bodiesOf(json, 'google_project_iam_custom_role');
    expect(role).toEqual({
      project: 'acme-prod',
      role_id: 'guardrailsVertexPredict',
      title: 'Vertex AI endpoint caller',
      description: 'Predict on Vertex AI endpoints, nothing else. Managed by cdktf-guardrails.',
      permissions: ['aiplatform.endpoints.predict'],
      stage: 'GA',
    });
    const [binding] = bodiesOf(json, 'google_vertex_ai_endpoint_iam_member');
    expect(binding).toEqual({
      provider: 'google-beta',
      project: 'acme-prod',
      location: 'europe-west1',
      endpoint: ENDPOINT,
      role: expect.stringMatching(
        /^\$\{google_project_iam_custom_role\.GuardrailsVertexCallerRoles_predict-[0-9a-f]{12}_[A-Z0-9]+\.name\}$/,
      ),
      member: expect.stringMatching(/^\$\{google_service_account\.api_[A-Z0-9]+\.member\}$/),
    });
    expect(json.resource.google_project_iam_member).toBeUndefined();
    expect(c.predictUrl).toBe(
      `https://europe-west1-aiplatform.googleapis.com/v1/${ENDPOINT}:predict`,
    );
    expect(Token.isUnresolved(c.role)).toBe(true);
  });

  test('Vertex AI Data Access audit logs are on (opt out with auditLogs: false)', () => {
    const stack = testStack();
    caller(stack);
    expect(bodiesOf(synth(stack), 'google_project_iam_audit_config')).toEqual([
      expect.objectContaining({ project: 'acme-prod', service: 'aiplatform.googleapis.com' }),
    ]);
    const quiet = testStack();
    caller(quiet, { auditLogs: false });
    expect(synth(quiet).resource.google_project_iam_audit_config).toBeUndefined();
  });

  test('allowExplain uses a second role with predict and explain; predict-only callers keep theirs', () => {
    const stack = testStack();
    caller(stack, {}, 'predict');
    caller(stack, { allowExplain: true }, 'explain');
    const roles = bodiesOf(synth(stack), 'google_project_iam_custom_role');
    expect(roles.map((r) => r.permissions).sort()).toEqual([
      ['aiplatform.endpoints.predict'],
      ['aiplatform.endpoints.predict', 'aiplatform.endpoints.explain'],
    ]);
  });

  test('two callers of one project share one custom role', () => {
    const stack = testStack();
    const a = caller(stack, {}, 'a');
    const other = new ServiceIdentity(stack, 'batch', {
      project: 'acme-prod',
      accountId: 'batch-run',
    });
    const b = new VertexEndpointCaller(stack, 'b', {
      caller: other,
      project: 'acme-prod',
      region: 'europe-west1',
      endpointId: '42',
    });
    expect(b.customRole).toBe(a.customRole);
    const json = synth(stack);
    expect(bodiesOf(json, 'google_project_iam_custom_role')).toHaveLength(1);
    expect(
      bodiesOf(json, 'google_vertex_ai_endpoint_iam_member')
        .map((x) => x.endpoint)
        .sort(),
    ).toEqual([ENDPOINT, 'projects/acme-prod/locations/europe-west1/endpoints/42']);
  });

  test('callers in another project get that project its own role', () => {
    const stack = testStack();
    caller(stack, {}, 'a');
    caller(stack, { project: 'acme-ml' }, 'b');
    expect(
      bodiesOf(synth(stack), 'google_project_iam_custom_role')
        .map((r) => r.project)
        .sort(),
    ).toEqual(['acme-ml', 'acme-prod']);
  });

  test('PROJECT scope binds the same role on the project, with a warning', () => {
    const stack = testStack();
    caller(stack, { scope: VertexGrantScope.PROJECT });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_project_iam_member')).toEqual([
      {
        project: 'acme-prod',
        role: expect.stringMatching(/google_project_iam_custom_role\..*\.name/),
        member: expect.stringMatching(/google_service_account\.api_/),
      },
    ]);
    expect(json.resource.google_vertex_ai_endpoint_iam_member).toBeUndefined();
    expect(warningsOf(stack)).toEqual([
      expect.stringContaining('can predict on every endpoint of the project'),
    ]);
  });

  test('no grant carries more than predict and explain', () => {
    const stack = testStack();
    caller(stack, { allowExplain: true });
    const json = synth(stack);
    for (const role of bodiesOf(json, 'google_project_iam_custom_role')) {
      expect(
        role.permissions.every((p: string) =>
          ['aiplatform.endpoints.predict', 'aiplatform.endpoints.explain'].includes(p),
        ),
      ).toBe(true);
    }
    expect(iamMembers(json).every((b) => !b.role.startsWith('roles/'))).toBe(true);
  });

  test('the grant is in the registry', () => {
    const stack = testStack();
    const c = caller(stack);
    expect(c.grant.resource).toBe(`vertex-endpoint:europe-west1/${ENDPOINT_ID}`);
    // Grant.of shows the custom role's name and the caller's email, not their tokens.
    const [listed] = Grant.of(stack);
    expect(Grant.of(stack)).toHaveLength(1);
    expect(listed.role).toMatch(/^projects\/acme-prod\/roles\/guardrailsVertexPredict$/);
    expect(listed.principal.member).toBe(
      'serviceAccount:api-run@acme-prod.iam.gserviceaccount.com',
    );
    expect(listed.resource).toBe(c.grant.resource);
    expect(listed.resources).toEqual(c.grant.resources);
  });

  test('fails synth without a google-beta provider, saying how to add one', () => {
    const stack = testStack({ googleBeta: false });
    caller(stack);
    expect(() => Testing.synth(stack, true)).toThrow(
      /needs the google-beta provider, and the stack has none\. Add one: new GoogleBetaProvider\(stack, 'google-beta', \{ project \}\)/,
    );
  });

  test('a google-beta provider added after the caller is found', () => {
    const stack = testStack({ googleBeta: false });
    caller(stack);
    new GoogleBetaProvider(stack, 'beta', { alias: 'beta' });
    expect(bodiesOf(synth(stack), 'google_vertex_ai_endpoint_iam_member')[0].provider).toBe(
      'google-beta.beta',
    );
  });
});

describe('VertexEndpointCaller region check', () => {
  const api = (stack: TerraformStack, location: string) =>
    new SecureCloudRunService(stack, 'run', {
      project: 'acme-prod',
      location,
      serviceName: 'api',
      image: 'gcr.io/acme/api:1',
    });

  test('fails if a Cloud Run caller is in another region', () => {
    const stack = testStack();
    expect(
      () =>
        new VertexEndpointCaller(stack, 'predict', {
          caller: api(stack, 'us-central1'),
          project: 'acme-prod',
          region: 'europe-west1',
          endpointId: '42',
        }),
    ).toThrow(
      "test/predict: 'region' differs from the region of the calling Cloud Run service test/run ('us-central1'); a cross-region call adds latency and egress cost, and is the usual cause of timeouts between the two (got 'europe-west1'). Deploy the endpoint in 'us-central1' (or the service in 'europe-west1'), or set allowCrossRegion: true if the distance is intended.",
    );
  });

  test('allowCrossRegion accepts it; the same region needs nothing', () => {
    const stack = testStack();
    const run = api(stack, 'us-central1');
    expect(
      () =>
        new VertexEndpointCaller(stack, 'a', {
          caller: run,
          project: 'acme-prod',
          region: 'europe-west1',
          endpointId: '42',
          allowCrossRegion: true,
        }),
    ).not.toThrow();
    expect(
      () =>
        new VertexEndpointCaller(stack, 'b', {
          caller: run,
          project: 'acme-prod',
          region: 'us-central1',
          endpointId: '42',
        }),
    ).not.toThrow();
  });

  test('the binding goes to the service runtime identity', () => {
    const stack = testStack();
    new VertexEndpointCaller(stack, 'p', {
      caller: api(stack, 'europe-west1'),
      project: 'acme-prod',
      region: 'europe-west1',
      endpointId: '42',
    });
    expect(bodiesOf(synth(stack), 'google_vertex_ai_endpoint_iam_member')[0].member).toMatch(
      /run_Identity_[A-Z0-9]+\.member/,
    );
  });
});

describe('VertexEndpointCaller bad input', () => {
  test.each([
    [
      { endpointId: ENDPOINT },
      `test/predict: 'endpointId' must be the numeric id of a Vertex AI endpoint (got '${ENDPOINT}'). Pass only the id, '${ENDPOINT_ID}'; project and region come from their own props.`,
    ],
    [{ endpointId: 'my-endpoint' }, /'endpointId' must be the numeric id .* Use the last part of/],
    [
      { region: 'europe-west1-b' },
      /'region' must be a Google Cloud region .* That is a zone; use its region 'europe-west1'/,
    ],
    [{ region: 'global' }, /'region' must be a Google Cloud region/],
    [{ project: 'ACME' }, /'project' must be a project id/],
  ] as Array<[Partial<VertexEndpointCallerProps>, string | RegExp]>)(
    'fails on %j',
    (props, message) => {
      expect(() => caller(testStack(), props)).toThrow(message);
    },
  );

  test('fails if the caller is public', () => {
    const everyone = {
      member: 'allUsers',
      get grantPrincipal() {
        return this;
      },
    };
    expect(() => caller(testStack(), { caller: everyone })).toThrow(
      /test\/predict: 'caller' must name an identity, not the public/,
    );
  });

  test('tokens are never rejected', () => {
    expect(() =>
      caller(testStack(), {
        endpointId: Token.asString({ Ref: 'ep' }),
        region: Token.asString({ Ref: 'r' }),
      }),
    ).not.toThrow();
  });

  test('a user principal can be a caller', () => {
    const stack = testStack();
    new VertexEndpointCaller(stack, 'p', {
      caller: Principal.group('ml@example.com'),
      project: 'acme-prod',
      region: 'europe-west1',
      endpointId: '42',
    });
    expect(bodiesOf(synth(stack), 'google_vertex_ai_endpoint_iam_member')[0].member).toBe(
      'group:ml@example.com',
    );
  });
});

describe('why a custom role (from the IAM catalog)', () => {
  const catalog = gcpCatalog();

  test('there is no roles/aiplatform.endpointUser', () => {
    expect(catalog.roles['roles/aiplatform.endpointUser']).toBeUndefined();
  });

  test('the smallest GA predefined role with predict is aiplatform.user, with 446 permissions', () => {
    const holders = catalog.holders['aiplatform.endpoints.predict']
      // Service agent roles are granted by Google to its own agents, never to workloads.
      .filter((r) => catalog.roles[r]?.stage === 'GA' && !/serviceagent/i.test(r))
      .sort(
        (a, b) => (catalog.roles[a].permissionCount ?? 0) - (catalog.roles[b].permissionCount ?? 0),
      );
    expect(holders[0]).toBe('roles/aiplatform.user');
    expect(catalog.roles['roles/aiplatform.user'].permissionCount).toBe(446);
  });

  test('the custom role permissions exist', () => {
    expect(catalog.holders['aiplatform.endpoints.predict'].length).toBeGreaterThan(0);
    expect(catalog.holders['aiplatform.endpoints.explain'].length).toBeGreaterThan(0);
  });
});

describe('VertexEndpointCaller addresses', () => {
  test('binding addresses do not depend on creation order', () => {
    const build = (ids: string[]) => {
      const stack = testStack();
      for (const id of ids) caller(stack, { endpointId: id }, `c${id}`);
      return Object.keys(synth(stack).resource.google_vertex_ai_endpoint_iam_member).sort();
    };
    const forward = build(['1', '2', '3']);
    expect(build(['3', '2', '1'])).toEqual(forward);
    expect(forward.join()).not.toMatch(/TfToken|TOKEN/);
  });
});

describe('VertexEndpointCaller sharing', () => {
  test('two caller objects for the same caller and endpoint share one binding', () => {
    const stack = testStack();
    const first = caller(stack, {}, 'first');
    const second = caller(stack, {}, 'second');
    expect(second.grant).toBe(first.grant);
    expect(bodiesOf(synth(stack), 'google_vertex_ai_endpoint_iam_member')).toHaveLength(1);
    expect(Grant.of(stack)).toHaveLength(1);
  });
});
