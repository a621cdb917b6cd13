import {
  Check,
  constructOf,
  flag,
  list,
  optional,
  Schema,
  stringMap,
  text,
} from '../../core/private/shape';
import {
  AzureAdProviderOptions,
  GitHubActionsProviderOptions,
  OidcProviderOptions,
} from '../provider-options';
import type { WorkloadIdentityPool, WorkloadIdentityPoolProps } from '../workload-identity-pool';
import type { WorkloadIdentityProviderProps } from '../workload-identity-provider';

const POOL_SYMBOL = Symbol.for('cdktf-guardrails.WorkloadIdentityPool');

/** Marks `pool` as a WorkloadIdentityPool for {@link isWorkloadIdentityPool}. */
export function markPool(pool: object): void {
  Object.defineProperty(pool, POOL_SYMBOL, { value: true });
}

/** True for a WorkloadIdentityPool, even one made by another copy of the library. */
export function isWorkloadIdentityPool(x: unknown): boolean {
  return x !== null && typeof x === 'object' && POOL_SYMBOL in x;
}

const DISPLAY_NAME = optional(text({ max: 32, freeText: true }));
const AUDIENCES = list(text({ freeText: true, example: "'api://acme-ci'" }), {
  nonEmpty: 'a provider with no audience would accept none',
  emptyFix: 'Name the audiences the tokens carry, or leave the prop out for the default.',
});

export const POOL_PROPS: Schema<WorkloadIdentityPoolProps> = {
  project: text({ example: "'acme-prod'" }),
  poolId: text({ example: "'ci-pool'" }),
  displayName: DISPLAY_NAME,
  description: optional(text({ max: 256, freeText: true })),
  auditLogs: optional(flag()),
};

export const GITHUB_OPTIONS: Schema<GitHubActionsProviderOptions> = {
  repositoryOwner: text({ example: "'acme'" }),
  repositoryOwnerId: optional(text({ example: "'1342004'" })),
  repositoryIds: optional(
    list(text({ example: "'1296269'" }), {
      nonEmpty:
        'an empty list would pin no repository, so every repository of the owner would be trusted',
      emptyFix: 'Name the repository ids, or leave repositoryIds out.',
    }),
  ),
  repositories: optional(
    list(text({ example: "'acme/orders-api'" }), {
      nonEmpty:
        'an empty list would pin no repository, so every repository of the owner would be trusted',
      emptyFix:
        "Name the repositories as 'owner/name', or leave repositories out to trust every repository of the owner.",
    }),
  ),
  refs: optional(
    list(text({ example: "'refs/heads/main'" }), {
      nonEmpty:
        'an empty list would pin no ref, so workflows on any branch or tag would be trusted',
      emptyFix: "Name the refs, e.g. ['refs/heads/main'], or leave refs out to trust any ref.",
    }),
  ),
  displayName: DISPLAY_NAME,
};

export const AZURE_AD_OPTIONS: Schema<AzureAdProviderOptions> = {
  tenantId: text({ example: "'00000000-0000-0000-0000-000000000000'" }),
  // Required, but left to validateAudiences, whose message says which audience Entra tokens carry.
  allowedAudiences: optional(AUDIENCES) as Check<string[]>,
  allowedObjectIds: optional(
    list(text({ example: "'00000000-0000-0000-0000-000000000000'" }), {
      nonEmpty:
        'an empty list would pin no identity, so every identity of the tenant would be trusted',
      emptyFix:
        'Name the object ids of the managed identities, or leave allowedObjectIds out to trust the whole tenant.',
    }),
  ),
  displayName: DISPLAY_NAME,
};

/** Attribute mapping: keys are read by the library, values are CEL (free text). */
const ATTRIBUTE_MAPPING = stringMap({ freeText: true });
/** Attribute conditions may be up to 4096 characters. */
const ATTRIBUTE_CONDITION = text({
  max: 4096,
  freeText: true,
  example: '"assertion.namespace_path == \'acme\'"',
});

export const OIDC_OPTIONS: Schema<OidcProviderOptions> = {
  issuerUri: text({ example: "'https://gitlab.com'" }),
  allowedAudiences: AUDIENCES,
  attributeMapping: optional(ATTRIBUTE_MAPPING),
  attributeCondition: ATTRIBUTE_CONDITION,
  displayName: DISPLAY_NAME,
};

export const PROVIDER_PROPS: Schema<WorkloadIdentityProviderProps> = {
  pool: constructOf<WorkloadIdentityPool>(isWorkloadIdentityPool, 'WorkloadIdentityPool'),
  providerId: text({ example: "'github-actions'" }),
  issuerUri: text({ example: "'https://gitlab.com'" }),
  allowedAudiences: optional(AUDIENCES),
  attributeMapping: ATTRIBUTE_MAPPING,
  attributeCondition: ATTRIBUTE_CONDITION,
  displayName: DISPLAY_NAME,
  gitHubOwner: optional(text()),
  gitHubRepositories: optional(list(text())),
  gitHubRepositoryIds: optional(list(text())),
};
