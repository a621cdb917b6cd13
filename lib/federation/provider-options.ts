/** Options of `WorkloadIdentityPool.addGitHubActionsProvider`. */
export interface GitHubActionsProviderOptions {
  /** The GitHub organization or user whose workflows may authenticate, e.g. `acme`. Always pinned. */
  readonly repositoryOwner: string;
  /**
   * The owner's numeric id (the token's `repository_owner_id` claim), e.g. `'1342004'`
   * (`curl https://api.github.com/orgs/<owner> | jq .id`). Recommended: a name can be
   * registered again by someone else after a rename or deletion, an id never is.
   * @default - the owner is pinned by name only
   */
  readonly repositoryOwnerId?: string;
  /**
   * Only these repositories (`owner/name`, all under `repositoryOwner`).
   * @default - every repository of the owner
   */
  readonly repositories?: string[];
  /**
   * Only these repositories, by numeric id (the token's `repository_id` claim,
   * `curl https://api.github.com/repos/<owner>/<name> | jq .id`). Recommended over
   * `repositories` for the same reason as `repositoryOwnerId`; both may be given.
   * @default - no condition on repository ids
   */
  readonly repositoryIds?: string[];
  /**
   * Only workflows running on these refs, e.g. `refs/heads/main` or `refs/tags/v1.2.0`.
   * @default - any ref
   */
  readonly refs?: string[];
  /**
   * Display name, at most 32 characters.
   * @default - none
   */
  readonly displayName?: string;
}

/** Options of `WorkloadIdentityPool.addAzureAdProvider`. */
export interface AzureAdProviderOptions {
  /** The Microsoft Entra tenant id (a GUID). Always pinned. */
  readonly tenantId: string;
  /**
   * Audiences accepted in the Entra token: the Application ID URI of the app registration the
   * workload requests its token for (e.g. `api://<application id>`). Required: an Entra token
   * carries that URI as `aud`, never the provider's resource name that Google expects when no
   * audience is configured, so without it every exchange is refused. 1-10 values.
   */
  readonly allowedAudiences: string[];
  /**
   * Only these managed identities or service principals (their object ids, GUIDs).
   * @default - any identity of the tenant that can get a token for an allowed audience
   */
  readonly allowedObjectIds?: string[];
  /**
   * Display name, at most 32 characters.
   * @default - none
   */
  readonly displayName?: string;
}

/** Options of `WorkloadIdentityPool.addOidcProvider`, for Okta, GitLab, Terraform Cloud and other OIDC issuers. */
export interface OidcProviderOptions {
  /** The issuer, an `https://` URL, exactly as in the tokens' `iss` claim. */
  readonly issuerUri: string;
  /** Audiences accepted in the tokens' `aud` claim. At least one. */
  readonly allowedAudiences: string[];
  /**
   * Google attributes from token claims. Must map `google.subject`.
   * @default { 'google.subject': 'assertion.sub' }
   */
  readonly attributeMapping?: { [attribute: string]: string };
  /**
   * CEL condition every token must satisfy, e.g. `assertion.namespace_path == 'acme'`.
   * Required: without one, any token of the issuer (any customer of a SaaS issuer) is accepted.
   */
  readonly attributeCondition: string;
  /**
   * Display name, at most 32 characters.
   * @default - none
   */
  readonly displayName?: string;
}
