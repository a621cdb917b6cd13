import { IConstruct } from 'constructs';
import { CREDENTIAL_NAME } from '../../core/private/credential-names';
import { invalidProps, invalidValue } from '../../core/private/messages';
import { isUnresolved, validatePattern } from '../../core/private/validate';
import { SecretEnvironmentVariable } from '../cloud-run-options';

/** Cloud Run service names: lowercase letters, digits and '-', a letter first, at most 49. */
const SERVICE_NAME = /^[a-z](?:[-a-z0-9]{0,47}[a-z0-9])?$/;
/** `[registry[:port]/]path[:tag][@sha256:digest]`, as Docker and Artifact Registry accept. */
const IMAGE =
  /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by Cloud Run itself; a container cannot override them. */
const RESERVED_ENV = new Set(['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION']);
/** A secret id, or the full name of a secret in another project. */
const SECRET = /^(?:projects\/[a-z0-9.:-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}$/;
const SECRET_VERSION = /^(latest|[1-9][0-9]*)$/;

export function validateServiceName(scope: IConstruct, name: string, prop = 'serviceName'): void {
  validatePattern(
    scope,
    prop,
    name,
    SERVICE_NAME,
    "must be 1-49 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'",
    "Use e.g. 'orders-api'.",
  );
}

export function validateImage(scope: IConstruct, image: string): void {
  validatePattern(
    scope,
    'image',
    image,
    IMAGE,
    'must be a container image reference',
    "Use e.g. 'europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2' or pin a digest with '@sha256:<64 hex>'.",
  );
}

/**
 * Plain environment values: valid names, none reserved by Cloud Run, and no literal value
 * under a credential-like name (it would be readable by anyone who can view the service).
 */
export function validateEnvironment(scope: IConstruct, environment: Record<string, string>): void {
  for (const [name, value] of Object.entries(environment)) {
    validateEnvName(scope, `environment.${name}`, name);
    if (CREDENTIAL_NAME.test(name.toUpperCase()) && !isUnresolved(value)) {
      throw invalidValue(
        scope,
        `environment.${name}`,
        '***',
        'looks like a credential, and plain environment values are visible to anyone who can view the service',
        `Store it in Secret Manager and pass it as secrets: [{ name: '${name}', secret: '<secret id>' }].`,
      );
    }
  }
}

/** Secret environment variables: valid names and secret references, no duplicate names. */
export function validateSecrets(
  scope: IConstruct,
  secrets: SecretEnvironmentVariable[],
  environment: Record<string, string>,
): void {
  const seen = new Set<string>();
  secrets.forEach((s, i) => {
    validateEnvName(scope, `secrets[${i}].name`, s.name);
    if (seen.has(s.name) || s.name in environment) {
      throw invalidProps(
        scope,
        `secrets[${i}].name`,
        `sets '${s.name}', which is already set by 'environment' or another secret`,
        'Give each environment variable one source.',
      );
    }
    seen.add(s.name);
    validatePattern(
      scope,
      `secrets[${i}].secret`,
      s.secret,
      SECRET,
      "must be a secret id (1-255 of A-Z, a-z, 0-9, '_', '-') or 'projects/<project>/secrets/<id>'",
      "Use the secret's id, e.g. 'db-password', not its version path.",
    );
    if (s.version !== undefined) {
      validatePattern(
        scope,
        `secrets[${i}].version`,
        s.version,
        SECRET_VERSION,
        "must be 'latest' or a version number",
        "Use e.g. '3', or leave it out for 'latest'.",
      );
    }
  });
}

function validateEnvName(scope: IConstruct, prop: string, name: string): void {
  validatePattern(
    scope,
    prop,
    name,
    ENV_NAME,
    "must be an environment variable name (letters, digits and '_', not starting with a digit)",
    "Use e.g. 'DB_HOST'.",
  );
  if (RESERVED_ENV.has(name)) {
    throw invalidValue(
      scope,
      prop,
      name,
      'is set by Cloud Run itself',
      "Use the 'port' prop for the port, or another name.",
    );
  }
}
