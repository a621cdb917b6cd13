import { Principal, VertexEndpointCaller, VertexEndpointCallerProps } from '../../lib';
import { testStack } from '../helpers';
import { casesOf, expectRefused } from './harness';

const BASE: VertexEndpointCallerProps = {
  caller: Principal.serviceAccount('api-run@acme-prod.iam.gserviceaccount.com'),
  project: 'acme-prod',
  region: 'europe-west1',
  endpointId: '1234567890123456789',
};

function make(props: Record<string, unknown>) {
  return () => new VertexEndpointCaller(testStack(), 'predict', { ...BASE, ...props } as never);
}

describe('VertexEndpointCaller: bad props', () => {
  test.each(
    casesOf({
      caller: 'grantee',
      project: 'string',
      region: 'string',
      endpointId: 'string',
      allowExplain: 'optional-flag',
      scope: 'optional-enum',
      allowCrossRegion: 'optional-flag',
      auditLogs: 'optional-flag',
    }),
  )('%s: %s', (prop, _label, bad) => {
    expectRefused(make({ [prop]: bad.value }), 'test/predict', prop, bad);
  });

  test("the raw string 'PROJECT' is refused: a project-wide grant needs the enum member", () => {
    expect(make({ scope: 'PROJECT' })).toThrow(
      "test/predict: 'scope' must be one of VertexGrantScope.ENDPOINT, VertexGrantScope.PROJECT (got 'PROJECT'). Use VertexGrantScope.PROJECT.",
    );
  });

  test("'endpoint' in lower case (which once bound on the whole project) is refused", () => {
    expect(make({ scope: 'endpoint' })).toThrow(
      /'scope' must be one of .*Use VertexGrantScope\.ENDPOINT\./,
    );
  });

  test("allowExplain: 'false' is refused (a non-empty string is truthy)", () => {
    expect(make({ allowExplain: 'false' })).toThrow(
      /'allowExplain' must be true or false written in code, not a string .*Write false without quotes\./,
    );
  });
});
