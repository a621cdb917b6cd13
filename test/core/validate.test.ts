import { Token } from 'cdktf';
import {
  validateAccountId,
  validateGuid,
  validateProjectId,
  validateRegion,
  validateStorageLocation,
  validateWholeNumber,
} from '../../lib/core/private/validate';

const token = Token.asString({ Ref: 'x' });

describe('token-aware validators', () => {
  test('project ids', () => {
    expect(() => validateProjectId('here', 'project', 'acme-prod')).not.toThrow();
    expect(() => validateProjectId('here', 'project', 'example.com:acme-prod')).not.toThrow();
    expect(() => validateProjectId('here', 'project', 'Acme Prod')).toThrow(
      "here: 'project' must be a project id: 6-30 characters of a-z, 0-9 and -, starting with a letter (got 'Acme Prod'). Use the project id (not its name or number), e.g. 'acme-prod-123'.",
    );
    expect(() => validateProjectId('here', 'project', '123456789012')).toThrow(/project id/);
    expect(() => validateProjectId('here', 'project', token)).not.toThrow();
  });

  test('account ids: 6-30 characters, starts with a letter, no trailing hyphen', () => {
    for (const ok of ['api-run', 'abcdef', 'a'.repeat(30)]) {
      expect(() => validateAccountId('here', 'accountId', ok)).not.toThrow();
    }
    for (const bad of ['A', 'abcde', 'a'.repeat(31), '1abcdef', 'abcdef-', 'api_run']) {
      expect(() => validateAccountId('here', 'accountId', bad)).toThrow(
        `here: 'accountId' must be 6-30 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-' (got '${bad}'). Use e.g. 'api-run'.`,
      );
    }
    expect(() => validateAccountId('here', 'accountId', token)).not.toThrow();
  });

  test('regions: zones get their region suggested, unknown regions get neighbours', () => {
    expect(() => validateRegion('here', 'location', 'europe-west1')).not.toThrow();
    expect(() => validateRegion('here', 'location', 'europe-west1-b')).toThrow(
      "here: 'location' must be a Google Cloud region (got 'europe-west1-b'). That is a zone; use its region 'europe-west1'.",
    );
    expect(() => validateRegion('here', 'location', 'europe-west99')).toThrow(
      /Use a region such as 'europe-west/,
    );
    expect(() => validateRegion('here', 'location', 'EU')).toThrow(/must be a Google Cloud region/);
    expect(() => validateRegion('here', 'location', token)).not.toThrow();
  });

  test('storage locations accept regions and multi-regions', () => {
    for (const ok of ['EU', 'us', 'europe-west1', 'EUROPE-WEST1', 'NAM4']) {
      expect(() => validateStorageLocation('here', 'location', ok)).not.toThrow();
    }
    expect(() => validateStorageLocation('here', 'location', 'mars')).toThrow(
      /must be a Cloud Storage location/,
    );
  });

  test('GUIDs', () => {
    expect(() =>
      validateGuid('here', 'tenantId', '72f988bf-86f1-41af-91ab-2d7cd011db47', 'the tenant id'),
    ).not.toThrow();
    expect(() =>
      validateGuid('here', 'tenantId', 'contoso.onmicrosoft.com', 'the tenant id'),
    ).toThrow(
      "here: 'tenantId' must be the tenant id: a GUID such as '00000000-0000-0000-0000-000000000000' (got 'contoso.onmicrosoft.com').",
    );
  });

  test('whole numbers in a range', () => {
    const check = (value: number | undefined) => () =>
      validateWholeNumber(
        'here',
        'port',
        value,
        { min: 1, max: 65535 },
        'must be a port number 1-65535',
        'Use 8080.',
      );
    for (const ok of [1, 8080, 65535, undefined, Token.asNumber({ Ref: 'p' })])
      expect(check(ok)).not.toThrow();
    for (const bad of [0, 65536, 80.5, -1]) {
      expect(check(bad)).toThrow(
        `here: 'port' must be a port number 1-65535 (got ${bad}). Use 8080.`,
      );
    }
  });

  test('long values are shortened in messages', () => {
    expect(() => validateAccountId('here', 'accountId', 'X'.repeat(500))).toThrow(
      /got 'X{120}…'\)/,
    );
  });
});
