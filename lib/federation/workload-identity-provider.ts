import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { Construct } from 'constructs';
import { constructScope } from '../core/private/construct-args';
import { invalidProps, invalidValue } from '../core/private/messages';
import { checkArg, checkProps, isListToken, text } from '../core/private/shape';
import { terraformLiteral } from '../core/private/terraform-text';
import { isUnresolved } from '../core/private/validate';
import { FederatedPrincipal } from './federated-principal';
import {
  validateAttributeCondition,
  validateAttributeMapping,
  validateFederationId,
  validateGitHubId,
  validateGitHubRepository,
} from './private/federation-rules';
import { PROVIDER_PROPS } from './private/props-shape';
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

const REPOSITORY = text({ example: "'acme/orders-api'" });
const REPOSITORY_ID = text({ example: "'1296269'" });
const SUBJECT = text({ max: 127, example: "'repo:acme/api:ref:refs/heads/main'" });

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

  constructor(scope: Construct, id: string, givenProps: WorkloadIdentityProviderProps) {
    super(constructScope('WorkloadIdentityProvider', scope, id), id);
    const props = checkProps(this, givenProps, PROVIDER_PROPS);
    validateFederationId(this, 'providerId', props.providerId);
    const condition = props.attributeCondition;
    validateAttributeCondition(this, 'attributeCondition', condition);
    validateAttributeMapping(this, 'attributeMapping', props.attributeMapping);
    this.pool = props.pool;
    this.providerId = props.providerId;
    this.attributeCondition = condition;
    this.attributeMapping = props.attributeMapping;
    this.gitHubOwner = props.gitHubOwner;
    this.gitHubRepositories = props.gitHubRepositories;
    this.gitHubRepositoryIds = props.gitHubRepositoryIds;
    this.provider = new IamWorkloadIdentityPoolProvider(this, 'Resource', {
      project: props.pool.project,
      workloadIdentityPoolId: props.pool.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: props.providerId,
      displayName: props.displayName && terraformLiteral(props.displayName),
      attributeMapping: Object.fromEntries(
        Object.entries(props.attributeMapping).map(([k, v]) => [k, terraformLiteral(v)]),
      ),
      attributeCondition: terraformLiteral(condition),
      oidc: {
        issuerUri: props.issuerUri,
        allowedAudiences:
          props.allowedAudiences && !isListToken(props.allowedAudiences)
            ? props.allowedAudiences.map(terraformLiteral)
            : props.allowedAudiences,
      },
    });
  }

  /**
   * The GitHub Actions workflows of one repository:
   * `principalSet://iam.googleapis.com/<pool>/attribute.repository/<owner/name>`.
   * Only for providers made by `addGitHubActionsProvider`.
   */
  public principalForRepository(repository: string): FederatedPrincipal {
    repository = checkArg(this, 'repository', repository, REPOSITORY);
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
    repositoryId = checkArg(this, 'repositoryId', repositoryId, REPOSITORY_ID);
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
    subject = checkArg(this, 'subject', subject, SUBJECT);
    if (!isUnresolved(subject) && subject.trim() === '*') {
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
    if (!allowed?.length || isListToken(allowed) || isUnresolved(value)) return;
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
