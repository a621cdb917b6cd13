import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { Construct } from 'constructs';
import { invalidProps, invalidValue } from '../core/private/messages';
import { isUnresolved, validateMaxLength } from '../core/private/validate';
import { FederatedPrincipal } from './federated-principal';
import {
  validateFederationId,
  validateGitHubId,
  validateGitHubRepository,
} from './private/federation-rules';
import type { WorkloadIdentityPool } from './workload-identity-pool';

/** Props of a {@link WorkloadIdentityProvider}. Use the `add...Provider` methods of the pool. */
export interface WorkloadIdentityProviderProps {
  /** The pool the provider belongs to. */
  readonly pool: WorkloadIdentityPool;
  /** Provider id, 4-32 of a-z, 0-9 and '-'. */
  readonly providerId: string;
  /** The issuer, an `https://` URL. */
  readonly issuerUri: string;
  /**
   * Audiences accepted in the tokens.
   * @default - Google's default: the provider's full resource name
   */
  readonly allowedAudiences?: string[];
  /** Google attributes from token claims; must map `google.subject`. */
  readonly attributeMapping: { [attribute: string]: string };
  /** The CEL condition every token must satisfy. Never empty. */
  readonly attributeCondition: string;
  /**
   * Display name, at most 32 characters.
   * @default - none
   */
  readonly displayName?: string;
  /**
   * The GitHub owner this provider pins, for `principalForRepository`.
   * @default - not a GitHub Actions provider
   */
  readonly gitHubOwner?: string;
  /**
   * The repositories this provider is limited to, for `principalForRepository`.
   * @default - every repository of the owner
   */
  readonly gitHubRepositories?: string[];
  /**
   * The repository ids this provider is limited to, for `principalForRepositoryId`.
   * @default - no limit on repository ids
   */
  readonly gitHubRepositoryIds?: string[];
}

const TRIVIAL_CONDITION = /^\s*(true|1\s*==\s*1|!false)\s*$/i;

/**
 * An OIDC provider of a workload identity pool (`google_iam_workload_identity_pool_provider`)
 * whose `attribute_condition` is always set: only tokens that satisfy it are exchanged.
 */
export class WorkloadIdentityProvider extends Construct {
  /** The `google_iam_workload_identity_pool_provider` resource. */
  public readonly provider: IamWorkloadIdentityPoolProvider;
  /** The pool of this provider. */
  public readonly pool: WorkloadIdentityPool;
  /** The provider id. */
  public readonly providerId: string;
  /** The condition every token must satisfy. */
  public readonly attributeCondition: string;
  /** Attribute mapping, Google attribute to CEL over the token claims. */
  public readonly attributeMapping: { [attribute: string]: string };

  private readonly gitHubOwner?: string;
  private readonly gitHubRepositories?: string[];
  private readonly gitHubRepositoryIds?: string[];

  constructor(scope: Construct, id: string, props: WorkloadIdentityProviderProps) {
    super(scope, id);
    validateFederationId(this, 'providerId', props.providerId);
    validateMaxLength(this, 'displayName', props.displayName, 32);
    if (
      !isUnresolved(props.attributeCondition) &&
      (props.attributeCondition.trim() === '' || TRIVIAL_CONDITION.test(props.attributeCondition))
    ) {
      throw invalidValue(
        this,
        'attributeCondition',
        props.attributeCondition,
        'must restrict which tokens are accepted',
        "Pin the issuer's tenant, organization or project, e.g. \"assertion.namespace_path == 'acme'\"; without it any token of the issuer is accepted.",
      );
    }
    if (!('google.subject' in props.attributeMapping)) {
      throw invalidProps(
        this,
        'attributeMapping',
        "does not map 'google.subject'",
        "Add 'google.subject': 'assertion.sub' (it names the identity in audit logs and principal:// members).",
      );
    }
    if (props.allowedAudiences !== undefined && props.allowedAudiences.length === 0) {
      throw invalidProps(
        this,
        'allowedAudiences',
        'is empty',
        'Name at least one audience, or leave it out for the default.',
      );
    }
    this.pool = props.pool;
    this.providerId = props.providerId;
    this.attributeCondition = props.attributeCondition;
    this.attributeMapping = props.attributeMapping;
    this.gitHubOwner = props.gitHubOwner;
    this.gitHubRepositories = props.gitHubRepositories;
    this.gitHubRepositoryIds = props.gitHubRepositoryIds;
    this.provider = new IamWorkloadIdentityPoolProvider(this, 'Resource', {
      project: props.pool.project,
      workloadIdentityPoolId: props.pool.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: props.providerId,
      displayName: props.displayName,
      attributeMapping: props.attributeMapping,
      attributeCondition: props.attributeCondition,
      oidc: { issuerUri: props.issuerUri, allowedAudiences: props.allowedAudiences },
    });
  }

  /**
   * The GitHub Actions workflows of one repository:
   * `principalSet://iam.googleapis.com/<pool>/attribute.repository/<owner/name>`.
   * Only for providers made by `addGitHubActionsProvider`.
   */
  public principalForRepository(repository: string): FederatedPrincipal {
    const owner = this.requireGitHub('principalForRepository');
    validateGitHubRepository(this, 'repository', repository, owner);
    // GitHub names are case-insensitive.
    this.refuseUnlisted('repository', repository, 'repositories', this.gitHubRepositories, (r) =>
      r.toLowerCase(),
    );
    return this.pool.principalSetForAttribute('repository', repository);
  }

  /**
   * The GitHub Actions workflows of one repository, by its numeric id (which GitHub never
   * reuses, unlike a name): `principalSet://iam.googleapis.com/<pool>/attribute.repository_id/<id>`.
   * Only for providers made by `addGitHubActionsProvider`; the id must be one of the provider's
   * `repositoryIds` when it has any.
   */
  public principalForRepositoryId(repositoryId: string): FederatedPrincipal {
    this.requireGitHub('principalForRepositoryId');
    validateGitHubId(this, 'repositoryId', repositoryId);
    this.refuseUnlisted('repositoryId', repositoryId, 'repositoryIds', this.gitHubRepositoryIds);
    return this.pool.principalSetForAttribute('repository_id', repositoryId);
  }

  /**
   * One identity, by its `google.subject`: `principal://iam.googleapis.com/<pool>/subject/<subject>`.
   * Subjects are unique per pool, not per provider: keep one pool per trust domain.
   */
  public principalForSubject(subject: string): FederatedPrincipal {
    if (
      !isUnresolved(subject) &&
      (subject.length === 0 || subject.length > 127 || subject === '*')
    ) {
      throw invalidValue(
        this,
        'subject',
        subject,
        'must be one subject of 1-127 characters',
        "Use the token's mapped google.subject, e.g. 'repo:acme/api:ref:refs/heads/main'.",
      );
    }
    return new FederatedPrincipal(
      `principal://iam.googleapis.com/${this.pool.name}/subject/${subject}`,
    );
  }

  /**
   * Refuses a principal for a `value` that the provider's condition excludes (it is not in the
   * provider's `listName`, when it has one): a grant to it would never match a token.
   */
  private refuseUnlisted(
    prop: string,
    value: string,
    listName: string,
    allowed: string[] | undefined,
    normalize: (v: string) => string = (v) => v,
  ): void {
    if (!allowed?.length || isUnresolved(value)) return;
    if (allowed.some((a) => normalize(a) === normalize(value))) return;
    throw invalidValue(
      this,
      prop,
      value,
      `is not one of the provider's ${listName} (${allowed.join(', ')}), so its tokens are refused`,
      `Add it to the provider's ${listName}, or grant to one of them.`,
    );
  }

  /** The GitHub owner this provider pins; refuses `method` on other providers. */
  private requireGitHub(method: string): string {
    if (this.gitHubOwner === undefined) {
      throw invalidProps(
        this,
        method,
        'is only for GitHub Actions providers',
        "Use pool.principalSetForAttribute(name, value) or principalForSubject(subject) for this provider's tokens.",
      );
    }
    return this.gitHubOwner;
  }
}
