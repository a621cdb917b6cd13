import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import { SecureCloudRunService, SecureCloudRunServiceProps } from '../../lib';
import { bodiesOf, resourcesOf, synth, testStack } from '../helpers';

const base: SecureCloudRunServiceProps = {
  project: 'acme-prod',
  location: 'europe-west1',
  serviceName: 'orders-api',
  image: 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2',
};
const KEY = 'projects/acme-keys/locations/europe-west1/keyRings/run/cryptoKeys/orders';

/** Addresses (`type.name`) of the resources of one type. */
function addressesOf(json: ReturnType<typeof synth>, type: string): string[] {
  return Object.keys(resourcesOf(json, type)).map((name) => `${type}.${name}`);
}

describe('SecureCloudRunService waits for what its first revision needs', () => {
  test('the service depends on the secretAccessor binding of each of its secrets', () => {
    // GIVEN a service with two secrets, one of them in another project
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', {
      ...base,
      secrets: [
        { name: 'DB_PASSWORD', secret: 'orders-db-password' },
        { name: 'PARTNER_KEY', secret: 'projects/acme-shared/secrets/partner-key' },
      ],
    });
    // THEN the service is created only after both bindings (Terraform would otherwise create
    // them in parallel, and the first revision fails with "Permission denied on secret")
    const json = synth(stack);
    const bindings = addressesOf(json, 'google_secret_manager_secret_iam_member');
    expect(bindings).toHaveLength(2);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect([...run.depends_on].sort()).toEqual([...bindings].sort());
  });

  test('a secret named twice is one binding and one dependency', () => {
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', {
      ...base,
      secrets: [
        { name: 'DB_PASSWORD', secret: 'orders-db-password' },
        { name: 'DB_PASSWORD_OLD', secret: 'orders-db-password', version: '3' },
      ],
    });
    const json = synth(stack);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.depends_on).toEqual(addressesOf(json, 'google_secret_manager_secret_iam_member'));
    expect(run.depends_on).toHaveLength(1);
  });

  test('without secrets or CMEK the service has no depends_on', () => {
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', base);
    const [run] = bodiesOf(synth(stack), 'google_cloud_run_v2_service');
    expect(run.depends_on).toBeUndefined();
  });

  test('CMEK: the Cloud Run service agent gets encrypterDecrypter on the key, before the service', () => {
    // GIVEN a service encrypted with a key of another project
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', { ...base, encryptionKey: KEY });
    const json = synth(stack);
    // THEN the agent of the service's project is named (and created if the project has none
    // yet) by google_project_service_identity for run.googleapis.com, on google-beta
    const [[identityName, identity]] = Object.entries(
      resourcesOf(json, 'google_project_service_identity'),
    ) as Array<[string, any]>;
    expect(identity).toEqual({
      project: 'acme-prod',
      service: 'run.googleapis.com',
      provider: 'google-beta',
    });
    expect(identityName).toMatch(/^GuardrailsSharedBindings_RunServiceAgent-[0-9a-f]+_[0-9A-F]+$/);
    // AND it may use this key only, named by that resource (so the binding comes after it)
    const [binding] = bodiesOf(json, 'google_kms_crypto_key_iam_member');
    expect(binding).toEqual({
      crypto_key_id: KEY,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: `\${google_project_service_identity.${identityName}.member}`,
    });
    // AND no project number is read: the well-known address is not used
    expect(json.data).toBeUndefined();
    // AND the service waits for the binding
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect(run.depends_on).toEqual(addressesOf(json, 'google_kms_crypto_key_iam_member'));
    expect(run.template.encryption_key).toBe(KEY);
  });

  test('CMEK without a google-beta provider fails synth saying how to fix it', () => {
    const stack = testStack({ googleBeta: false });
    new SecureCloudRunService(stack, 'api', { ...base, encryptionKey: KEY });
    expect(() => synth(stack)).toThrow(
      /^test\/api: 'encryptionKey' needs the google-beta provider for google_project_service_identity, which creates the run\.googleapis\.com service agent before it is granted a role .*Add one: new GoogleBetaProvider\(stack, 'google-beta', \{ project \}\)/,
    );
  });

  test('CMEK with grantEncryptionKeyToServiceAgent: false needs no google-beta provider', () => {
    const stack = testStack({ googleBeta: false });
    new SecureCloudRunService(stack, 'api', {
      ...base,
      encryptionKey: KEY,
      grantEncryptionKeyToServiceAgent: false,
    });
    expect(resourcesOf(synth(stack), 'google_project_service_identity')).toEqual({});
  });

  test('CMEK with a google-beta provider added after the service still synthesizes', () => {
    const stack = testStack({ googleBeta: false });
    new SecureCloudRunService(stack, 'api', { ...base, encryptionKey: KEY });
    new GoogleBetaProvider(stack, 'beta-late', { project: 'acme-prod' });
    const [identity] = bodiesOf(synth(stack), 'google_project_service_identity');
    expect(identity.provider).toBe('google-beta');
  });

  test('CMEK with grantEncryptionKeyToServiceAgent: false grants nothing and waits for nothing', () => {
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', {
      ...base,
      encryptionKey: KEY,
      grantEncryptionKeyToServiceAgent: false,
    });
    const json = synth(stack);
    expect(bodiesOf(json, 'google_kms_crypto_key_iam_member')).toEqual([]);
    expect(json.data).toBeUndefined();
    expect(bodiesOf(json, 'google_cloud_run_v2_service')[0].depends_on).toBeUndefined();
  });

  test('secrets and CMEK together: the service waits for all of them', () => {
    const stack = testStack();
    new SecureCloudRunService(stack, 'api', {
      ...base,
      encryptionKey: KEY,
      secrets: [{ name: 'DB_PASSWORD', secret: 'orders-db-password' }],
    });
    const json = synth(stack);
    const [run] = bodiesOf(json, 'google_cloud_run_v2_service');
    expect([...run.depends_on].sort()).toEqual(
      [
        ...addressesOf(json, 'google_secret_manager_secret_iam_member'),
        ...addressesOf(json, 'google_kms_crypto_key_iam_member'),
      ].sort(),
    );
  });
});
