import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { Construct } from 'constructs';
import { AuditLogs } from '../core/audit-logs';
import { constructScope } from '../core/private/construct-args';
import { invalidProps, invalidValue } from '../core/private/messages';
import { requireApis } from '../core/private/required-apis';
import { checkArg, checkProps, isListToken, text } from '../core/private/shape';
import { stackRelativePath } from '../core/private/stable-id';
import { checkAtSynth } from '../core/private/synth-check';
import { terraformLiteral } from '../core/private/terraform-text';
import { isUnresolved, validateGuid, validateProjectId } from '../core/private/validate';
import { FederatedPrincipal } from './federated-principal';
import {
  celMembership,
  celString,
  validateAttributeCondition,
  validateAttributeMapping,
  validateAttributeName,
  validateAudiences,
  validateFederationId,
  validateGitHubId,
  validateGitHubOwner,
  validateGitHubRepository,
  validateGitRef,
  validateIssuerUri,
} from './private/federation-rules';
import {
  AZURE_AD_OPTIONS,
  GITHUB_OPTIONS,
  markPool,
  OIDC_OPTIONS,
  POOL_PROPS,
} from './private/props-shape';
import {
  AzureAdProviderOptions,
  GitHubActionsProviderOptions,
  OidcProviderOptions,
} from './provider-options';
import {
  WorkloadIdentityProvider,
  WorkloadIdentityProviderProps,
} from './workload-identity-provider';

/** Props of a {@link WorkloadIdentityPool}. */
export interface WorkloadIdentityPoolProps {
  /** Project of the pool. */
  readonly project: string;
  /** Pool id: 4-32 of a-z, 0-9 and '-', not starting with 'gcp-'. */
  readonly poolId: string;
  /**
   * Display name, at most 32 characters.
   * @default - none
   */
  readonly displayName?: string;
  /**
   * Description, at most 256 characters.
   * @default - "Managed by cdktf-guardrails (<construct path below the stack>)"
   */
  readonly description?: string;
  /**
   * Enable the Data Access audit logs that record federation: IAM (`iam.googleapis.com`) and
   * the Security Token Service (`sts.googleapis.com`) for each token exchange, and IAM Service
   * Account Credentials (`iamcredentials.googleapis.com`) for impersonation.
   * @default true
   */
  readonly auditLogs?: boolean;
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const PROVIDER_ID = text({ example: "'github-actions'" });
const ATTRIBUTE_VALUE = text({ example: "'acme/orders-api'" });
/** The APIs Google lists for workload identity federation. */
const FEDERATION_APIS = [
  'iam.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'iamcredentials.googleapis.com',
  'sts.googleapis.com',
];
const FEDERATION_AUDITED_SERVICES = [
  'iam.googleapis.com',
  'sts.googleapis.com',
  'iamcredentials.googleapis.com',
];
const AZURE_DEFAULT_MAPPING = {
  'google.subject': 'assertion.sub',
  'attribute.tid': 'assertion.tid',
  'attribute.oid': 'assertion.oid',
};

/**
 * A workload identity pool (`google_iam_workload_identity_pool`): CI systems and workloads in
 * other clouds exchange their own short-lived tokens for Google credentials, so no service
 * account key exists. Every provider of the pool has an attribute condition; its principals
 * can be granted access directly or allowed to impersonate a `ServiceIdentity`.
 */
export class WorkloadIdentityPool extends Construct {
  /** The `google_iam_workload_identity_pool` resource. */
  public readonly pool: IamWorkloadIdentityPool;
  /** Project of the pool. */
  public readonly project: string;
  /** The pool id. */
  public readonly poolId: string;

  private nameRef?: string;
  private readonly requestedAttributes = new Set<string>();
  private readonly providers: WorkloadIdentityProvider[] = [];

  constructor(scope: Construct, id: string, givenProps: WorkloadIdentityPoolProps) {
    super(constructScope('WorkloadIdentityPool', scope, id), id);
    markPool(this);
    const props = checkProps(this, givenProps, POOL_PROPS);
    validateProjectId(this, 'project', props.project);
    validateFederationId(this, 'poolId', props.poolId);
    this.project = props.project;
    this.poolId = props.poolId;
    this.pool = new IamWorkloadIdentityPool(this, 'Resource', {
      project: props.project,
      workloadIdentityPoolId: props.poolId,
      displayName: props.displayName && terraformLiteral(props.displayName),
      description: terraformLiteral(
        props.description ?? `Managed by cdktf-guardrails (${stackRelativePath(this)})`,
      ),
    });
    // https://cloud.google.com/iam/docs/access-resources-oidc ("Before you begin").
    requireApis(this.pool, props.project, FEDERATION_APIS);
    if (props.auditLogs !== false) {
      // Google logs every step of a token exchange only with ADMIN_READ Data Access logs on
      // both IAM and STS (https://cloud.google.com/iam/docs/audit-logging/examples-workload-identity);
      // impersonation (GenerateAccessToken, ADMIN_READ) is logged by IAM Service Account
      // Credentials (https://cloud.google.com/iam/docs/audit-logging/audit-logging-iamcreds).
      for (const service of FEDERATION_AUDITED_SERVICES) {
        AuditLogs.of(this).enable(props.project, service);
      }
    }
    // Providers may be added after principals are made: checked once the tree is complete.
    checkAtSynth(this, () => this.checkMappedAttributes());
  }

  /**
   * The pool's full name, `projects/<project number>/locations/global/workloadIdentityPools/<id>`
   * (a reference: principals need the project number, which only Google knows).
   */
  public get name(): string {
    return (this.nameRef ??= this.pool.name);
  }

  /**
   * Trusts GitHub Actions workflows of one owner (`https://token.actions.githubusercontent.com`).
   * The condition always pins `assertion.repository_owner`, and the owner id, repositories,
   * repository ids and refs when given. Maps `google.subject`, `attribute.repository`,
   * `attribute.repository_owner`, `attribute.ref` and the numeric `attribute.repository_id`
   * and `attribute.repository_owner_id`.
   */
  public addGitHubActionsProvider(
    id: string,
    options: GitHubActionsProviderOptions,
  ): WorkloadIdentityProvider {
    id = checkArg(this, 'id', id, PROVIDER_ID);
    options = checkProps(this, options, GITHUB_OPTIONS, 'options');
    validateGitHubOwner(this, 'options.repositoryOwner', options.repositoryOwner);
    if (options.repositoryOwnerId !== undefined)
      validateGitHubId(this, 'options.repositoryOwnerId', options.repositoryOwnerId);
    eachLiteral(options.repositories, (r, i) =>
      validateGitHubRepository(this, `options.repositories[${i}]`, r, options.repositoryOwner),
    );
    eachLiteral(options.repositoryIds, (r, i) =>
      validateGitHubId(this, `options.repositoryIds[${i}]`, r),
    );
    eachLiteral(options.refs, (r, i) => validateGitRef(this, `options.refs[${i}]`, r));
    // The numeric ids are what GitHub never reuses; google-github-actions/auth recommends them
    // (docs/SECURITY_CONSIDERATIONS.md, "Use GitHub's Numeric, Immutable Values").
    const conditions = [`assertion.repository_owner == ${celString(options.repositoryOwner)}`];
    if (options.repositoryOwnerId !== undefined)
      conditions.push(`assertion.repository_owner_id == ${celString(options.repositoryOwnerId)}`);
    if (options.repositories)
      conditions.push(celMembership('assertion.repository', options.repositories));
    if (options.repositoryIds)
      conditions.push(celMembership('assertion.repository_id', options.repositoryIds));
    if (options.refs) conditions.push(celMembership('assertion.ref', options.refs));
    return this.addProvider(id, {
      pool: this,
      providerId: id,
      issuerUri: GITHUB_ISSUER,
      displayName: options.displayName,
      attributeMapping: {
        'google.subject': 'assertion.sub',
        'attribute.repository': 'assertion.repository',
        'attribute.repository_owner': 'assertion.repository_owner',
        'attribute.ref': 'assertion.ref',
        'attribute.repository_id': 'assertion.repository_id',
        'attribute.repository_owner_id': 'assertion.repository_owner_id',
      },
      attributeCondition: conditions.join(' && '),
      gitHubOwner: options.repositoryOwner,
      gitHubRepositories: options.repositories,
      gitHubRepositoryIds: options.repositoryIds,
    });
  }

  /**
   * Trusts managed identities and service principals of one Microsoft Entra tenant
   * (issuer `https://sts.windows.net/<tenant>/`). The condition pins the tenant, and the
   * object ids when given. Maps `google.subject`, `attribute.tid` and `attribute.oid`.
   * `allowedAudiences` is required: the Application ID URI the Entra tokens carry
   * (https://cloud.google.com/iam/docs/workload-identity-federation-with-other-clouds).
   */
  public addAzureAdProvider(id: string, options: AzureAdProviderOptions): WorkloadIdentityProvider {
    id = checkArg(this, 'id', id, PROVIDER_ID);
    options = checkProps(this, options, AZURE_AD_OPTIONS, 'options');
    validateGuid(this, 'options.tenantId', options.tenantId, 'the tenant id');
    validateAudiences(
      this,
      'options.allowedAudiences',
      options.allowedAudiences,
      "Pass the Application ID URI of the Entra app registration the workload requests its token for, e.g. allowedAudiences: ['api://<application id>']: Entra tokens carry it as 'aud', never the provider's resource name that Google expects by default.",
    );
    eachLiteral(options.allowedObjectIds, (o, i) =>
      validateGuid(this, `options.allowedObjectIds[${i}]`, o, 'an object id'),
    );
    const conditions = [`assertion.tid == ${celString(options.tenantId)}`];
    if (options.allowedObjectIds)
      conditions.push(celMembership('assertion.oid', options.allowedObjectIds));
    return this.addProvider(id, {
      pool: this,
      providerId: id,
      issuerUri: `https://sts.windows.net/${options.tenantId}/`,
      allowedAudiences: options.allowedAudiences,
      displayName: options.displayName,
      attributeMapping: AZURE_DEFAULT_MAPPING,
      attributeCondition: conditions.join(' && '),
    });
  }

  /** Trusts any OIDC issuer (Okta, GitLab, Terraform Cloud...) under a required condition. */
  public addOidcProvider(id: string, options: OidcProviderOptions): WorkloadIdentityProvider {
    id = checkArg(this, 'id', id, PROVIDER_ID);
    options = checkProps(this, options, OIDC_OPTIONS, 'options');
    validateIssuerUri(this, 'options.issuerUri', options.issuerUri);
    validateAudiences(
      this,
      'options.allowedAudiences',
      options.allowedAudiences,
      "Pass the audience your issuer puts in the tokens' 'aud' claim.",
    );
    validateAttributeCondition(this, 'options.attributeCondition', options.attributeCondition);
    if (options.attributeMapping)
      validateAttributeMapping(this, 'options.attributeMapping', options.attributeMapping);
    return this.addProvider(id, {
      pool: this,
      providerId: id,
      issuerUri: options.issuerUri,
      allowedAudiences: options.allowedAudiences,
      displayName: options.displayName,
      attributeMapping: options.attributeMapping ?? { 'google.subject': 'assertion.sub' },
      attributeCondition: options.attributeCondition,
    });
  }

  /**
   * Every identity of the pool whose attribute `name` is `value`:
   * `principalSet://iam.googleapis.com/<pool>/attribute.<name>/<value>`. The attribute must be
   * mapped by a provider of the pool (checked at synth). A whole-pool set cannot be made.
   */
  public principalSetForAttribute(name: string, value: string): FederatedPrincipal {
    name = checkArg(this, 'name', name, text({ example: "'repository'" }));
    value = checkArg(this, 'value', value, ATTRIBUTE_VALUE);
    validateAttributeName(this, 'name', name);
    if (!isUnresolved(value) && (value === '*' || value.includes('/*'))) {
      throw invalidValue(
        this,
        'value',
        value,
        'must be one attribute value, not empty or a wildcard',
        'Name the repository, tenant or group whose identities get access; a whole pool is never granted.',
      );
    }
    if (!isUnresolved(name)) this.requestedAttributes.add(name);
    return new FederatedPrincipal(
      `principalSet://iam.googleapis.com/${this.name}/attribute.${name}/${value}`,
    );
  }

  private addProvider(id: string, props: WorkloadIdentityProviderProps): WorkloadIdentityProvider {
    // The id the caller passed is the provider id: named as they wrote it.
    validateFederationId(this, 'id', id);
    const provider = new WorkloadIdentityProvider(this, id, props);
    this.providers.push(provider);
    return provider;
  }

  /** Every attribute a principal set names must be mapped by a provider, or the set matches no one. */
  private checkMappedAttributes(): void {
    const mapped = new Set(this.providers.flatMap((p) => Object.keys(p.attributeMapping)));
    const unmapped = [...this.requestedAttributes].find((name) => !mapped.has(`attribute.${name}`));
    if (unmapped === undefined) return;
    throw invalidProps(
      this,
      'name',
      `('${unmapped}', given to principalSetForAttribute) names an attribute that no provider of the pool maps, so the principal set can never match`,
      `Map 'attribute.${unmapped}' in a provider's attributeMapping, or use an attribute a provider maps (e.g. 'repository').`,
    );
  }
}

/** Calls `check` for each entry of a literal list; a list token is checked by Terraform. */
function eachLiteral(
  values: string[] | undefined,
  check: (value: string, index: number) => void,
): void {
  if (values && !isListToken(values)) values.forEach(check);
}
