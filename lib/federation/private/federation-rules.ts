import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProps, invalidValue } from '../../core/private/messages';
import { isUnresolved, validatePattern } from '../../core/private/validate';
import { acceptsEveryToken } from './attribute-condition';

const POOL_OR_PROVIDER_ID = /^[a-z0-9-]{4,32}$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const GIT_REF = /^refs\/(heads|tags)\/[^\s'"\\]+$/;
const HTTPS_URL = /^https:\/\/[^\s/$.?#].[^\s'"]*$/;
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_]{0,99}$/;
/** Google attributes a workload identity pool provider can map. */
const MAPPED_ATTRIBUTE = /^(google\.(subject|groups)|attribute\.[a-z_][a-z0-9_]{0,99})$/;
const GITHUB_ID = /^[1-9][0-9]{0,19}$/;
/** Limits of `oidc.allowed_audiences` (google provider docs of iam_workload_identity_pool_provider). */
const MAX_AUDIENCES = 10;
const MAX_AUDIENCE_LENGTH = 256;

/** Pool and provider ids: 4-32 of a-z, 0-9 and '-', not starting with 'gcp-' (reserved). */
export function validateFederationId(scope: IConstruct, prop: string, id: string): void {
  validatePattern(
    scope,
    prop,
    id,
    POOL_OR_PROVIDER_ID,
    "must be 4-32 characters of a-z, 0-9 and '-'",
    "Use e.g. 'github-actions'.",
  );
  if (!isUnresolved(id) && id.startsWith('gcp-')) {
    throw invalidValue(
      scope,
      prop,
      id,
      "must not start with 'gcp-' (reserved by Google)",
      'Choose another prefix.',
    );
  }
}

export function validateGitHubOwner(scope: IConstruct, prop: string, owner: string): void {
  validatePattern(
    scope,
    prop,
    owner,
    GITHUB_OWNER,
    "must be a GitHub organization or user name (letters, digits and '-', up to 39)",
    "Use the owner part of 'owner/repository', e.g. 'acme'.",
  );
}

/** `owner/name`, owned by `owner` when given. */
export function validateGitHubRepository(
  scope: IConstruct,
  prop: string,
  repository: string,
  owner?: string,
): void {
  validatePattern(
    scope,
    prop,
    repository,
    GITHUB_REPOSITORY,
    "must be a GitHub repository as 'owner/name'",
    "Use e.g. 'acme/orders-api'.",
  );
  if (owner === undefined || isUnresolved(repository) || isUnresolved(owner)) return;
  const repositoryOwner = repository.split('/')[0];
  if (repositoryOwner.toLowerCase() !== owner.toLowerCase()) {
    throw invalidValue(
      scope,
      prop,
      repository,
      `must belong to the provider's repositoryOwner '${owner}'`,
      `Tokens from '${repositoryOwner}' are refused by the provider's condition; add a provider for '${repositoryOwner}' instead.`,
    );
  }
}

/** A numeric GitHub id (`repository_owner_id`, `repository_id`), as the token carries it: a string. */
export function validateGitHubId(scope: IConstruct, prop: string, id: string): void {
  validatePattern(
    scope,
    prop,
    id,
    GITHUB_ID,
    'must be a numeric GitHub id, as a string',
    "Look it up with 'curl https://api.github.com/orgs/<owner> | jq .id' (or /repos/<owner>/<name>), e.g. '1342004'.",
  );
}

/**
 * The audiences a provider accepts: 1-10 values of at most 256 characters each. `missingFix`
 * says what to pass when the list is missing or empty.
 */
export function validateAudiences(
  scope: IConstruct,
  prop: string,
  audiences: string[] | undefined,
  missingFix: string,
): void {
  if (audiences === undefined || (!isUnresolved(audiences) && audiences.length === 0)) {
    throw invalidProps(
      scope,
      prop,
      audiences === undefined ? 'is required' : 'is empty',
      missingFix,
    );
  }
  if (isUnresolved(audiences)) return;
  if (!Array.isArray(audiences)) {
    throw invalidValue(scope, prop, audiences, 'must be a list of audiences', missingFix);
  }
  if (audiences.length > MAX_AUDIENCES) {
    throw invalidValue(
      scope,
      prop,
      audiences,
      `must hold at most ${MAX_AUDIENCES} audiences`,
      'Keep the audiences your tokens actually carry.',
    );
  }
  audiences.forEach((audience, i) => {
    if (isUnresolved(audience)) return;
    if (audience.trim().length === 0 || audience.length > MAX_AUDIENCE_LENGTH) {
      throw invalidValue(
        scope,
        `${prop}[${i}]`,
        audience,
        `must be 1-${MAX_AUDIENCE_LENGTH} characters`,
        "Use the token's 'aud' value, e.g. 'api://<application id>'.",
      );
    }
  });
}

export function validateGitRef(scope: IConstruct, prop: string, ref: string): void {
  validatePattern(
    scope,
    prop,
    ref,
    GIT_REF,
    "must be a full Git ref such as 'refs/heads/main' or 'refs/tags/v1.2.0'",
    "Write the full ref: 'main' is 'refs/heads/main'.",
  );
}

export function validateIssuerUri(scope: IConstruct, prop: string, uri: string): void {
  validatePattern(
    scope,
    prop,
    uri,
    HTTPS_URL,
    "must be an https:// URL, exactly the tokens' 'iss' claim",
    "Use e.g. 'https://gitlab.com' or 'https://app.terraform.io'.",
  );
}

export function validateAttributeName(scope: IConstruct, prop: string, name: string): void {
  validatePattern(
    scope,
    prop,
    name,
    ATTRIBUTE_NAME,
    "must be a custom attribute name (a-z, 0-9 and '_', without the 'attribute.' prefix)",
    "Use e.g. 'repository' for attribute.repository.",
  );
}

/** Quotes a value as a CEL string literal. */
export function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * `a == 'x'` for one value, `a in ['x', 'y']` for several. A list token becomes
 * `a in ${jsonencode(list)}`: Terraform writes the list as JSON, which is a CEL list literal.
 */
export function celMembership(expression: string, values: string[]): string {
  if (Token.isUnresolved(values)) return `${expression} in ${Fn.jsonencode(values)}`;
  return values.length === 1
    ? `${expression} == ${celString(values[0])}`
    : `${expression} in [${values.map(celString).join(', ')}]`;
}

/** A provider's condition must be able to refuse a token on every branch (see `acceptsEveryToken`). */
export function validateAttributeCondition(
  scope: IConstruct,
  prop: string,
  condition: string,
): void {
  if (isUnresolved(condition) || !acceptsEveryToken(condition)) return;
  throw invalidValue(
    scope,
    prop,
    condition,
    'must restrict which tokens are accepted on every branch (a branch that reads no claim accepts every token of the issuer)',
    'Compare a claim on each branch, e.g. "assertion.namespace_path == \'acme\'"; without it any token of the issuer is accepted.',
  );
}

/** Mapped attributes must be Google's (`google.subject`, `google.groups`, `attribute.<name>`), with `google.subject` among them. */
export function validateAttributeMapping(
  scope: IConstruct,
  prop: string,
  mapping: Record<string, string>,
): void {
  for (const key of Object.keys(mapping)) {
    if (!MAPPED_ATTRIBUTE.test(key)) {
      throw invalidValue(
        scope,
        prop,
        key,
        "must map only google.subject, google.groups and attribute.<name> (a-z, 0-9, '_')",
        "Use e.g. 'attribute.repository': 'assertion.repository'.",
      );
    }
  }
  if (!('google.subject' in mapping)) {
    throw invalidProps(
      scope,
      prop,
      "does not map 'google.subject'",
      "Add 'google.subject': 'assertion.sub' (it names the identity in audit logs and principal:// members).",
    );
  }
}
