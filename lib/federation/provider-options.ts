/** Options of `WorkloadIdentityPool.addGitHubActionsProvider`. */
export interface GitHubActionsProviderOptions {
  /** The GitHub organization or user whose workflows may authenticate, e.g. `acme`. Always pinned. */
  readonly repositoryOwner: string;
  /**
   * Only these repositories (`owner/name`, all under `repositoryOwner`).
   * @default - every repository of the owner
   */
  readonly repositories?: string[];
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
   * Audiences accepted in the Entra token, e.g. the Application ID URI of an app registration.
   * @default - Google's default: the provider's full resource name
   */
  readonly allowedAudiences?: string[];
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
