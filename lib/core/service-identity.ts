import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { Construct, IConstruct } from 'constructs';
import { Grant } from './grant';
import { IGrantable, IPrincipal } from './principal';
import { constructScope } from './private/construct-args';
import { registerCreatedAccount, serviceAccountEmail } from './private/identity-registry';
import { ImportedServiceIdentity } from './private/imported-service-identity';
import { setMemberKey } from './private/member-key';
import { requireApis } from './private/required-apis';
import { allowWorkloadIdentityOn, grantActAsOn } from './private/service-account-grants';
import { checkProps, optional, Schema, text } from './private/shape';
import { stackRelativePath } from './private/stable-id';
import { terraformLiteral } from './private/terraform-text';
import { validateAccountId, validateProjectId } from './private/validate';
import { WorkloadIdentityOptions } from './workload-identity-options';

/**
 * A Google service account a workload runs as: one the stack creates (`new ServiceIdentity`)
 * or one created elsewhere (`ServiceIdentity.fromEmail`). Grants to it bind its member on
 * single resources; grants on it bind on this one account.
 */
export interface IServiceIdentity extends IGrantable, IPrincipal, IConstruct {
  /** The account's email. */
  readonly email: string;
  /** The project that owns the account. */
  readonly project: string;
  /** The account id, the part of the email before `@`. */
  readonly accountId: string;
  /** The account's numeric unique id: the `sub` claim of the ID tokens it gets. */
  readonly uniqueId: string;
  /** `projects/<p>/serviceAccounts/<email>`. */
  readonly name: string;
  /** `roles/iam.serviceAccountUser` on this account only, for `grantee`. */
  grantActAs(grantee: IGrantable): Grant;
  /**
   * `roles/iam.workloadIdentityUser` on this account only, for a federated `principal`; turns on
   * the impersonation audit logs of the account's project unless `options.auditLogs` is false.
   */
  allowWorkloadIdentity(principal: IGrantable, options?: WorkloadIdentityOptions): Grant;
}

/** Props of a {@link ServiceIdentity}. */
export interface ServiceIdentityProps {
  /** Project that owns the service account. */
  readonly project: string;
  /**
   * The account id: the part of the email before `@`. 6-30 characters of a-z, 0-9 and `-`,
   * starting with a letter.
   */
  readonly accountId: string;
  /**
   * Display name shown in the console. At most 100 characters.
   * @default - the account id
   */
  readonly displayName?: string;
  /**
   * What the account is for. At most 256 characters.
   * @default - "Managed by cdktf-guardrails (<construct path below the stack>)"
   */
  readonly description?: string;
}

const SCHEMA: Schema<ServiceIdentityProps> = {
  project: text({ example: "'acme-prod'" }),
  accountId: text({ example: "'api-run'" }),
  displayName: optional(text({ max: 100, freeText: true })),
  description: optional(text({ max: 256, freeText: true })),
};

/**
 * A dedicated Google service account for one workload (`google_service_account`).
 *
 * It never has keys: workloads get its credentials from the platform they run on, and
 * outside Google Cloud through workload identity federation (`allowWorkloadIdentity`).
 * Grants to it go on single resources through the grant methods of the other constructs.
 * One stack cannot create two accounts with the same id in a project.
 */
export class ServiceIdentity extends Construct implements IServiceIdentity {
  /**
   * True when `x` is a ServiceIdentity or an identity imported with `fromEmail`, even one made
   * by another copy of this library.
   */
  public static isServiceIdentity(x: unknown): boolean {
    return x !== null && typeof x === 'object' && SERVICE_IDENTITY_SYMBOL in x;
  }

  /**
   * An existing user-managed service account, by its email
   * (`<account id>@<project>.iam.gserviceaccount.com`), created by another stack or team. It
   * can run a SecureCloudRunService (`serviceAccount`), receive grants, and be the target of
   * `grantActAs`/`allowWorkloadIdentity`, through the same binding helper and checks. Nothing
   * is created; an account the stack itself creates is used through its reference.
   *
   * Default and Google-managed accounts (Compute Engine and App Engine defaults, service
   * agents) are refused: a workload gets an account of its own.
   */
  public static fromEmail(scope: Construct, id: string, email: string): IServiceIdentity {
    return new ImportedServiceIdentity(constructScope('ServiceIdentity', scope, id), id, email);
  }

  /** The `google_service_account` resource. */
  public readonly serviceAccount: ServiceAccount;
  /** The project that owns the account. */
  public readonly project: string;
  /** The account id, the part of the email before `@`. */
  public readonly accountId: string;
  /** Grants made to this identity bind its own member. */
  public readonly grantPrincipal: IPrincipal = this;

  private readonly references: {
    email?: string;
    member?: string;
    uniqueId?: string;
    name?: string;
  } = {};

  constructor(scope: Construct, id: string, props: ServiceIdentityProps) {
    super(constructScope('ServiceIdentity', scope, id), id);
    Object.defineProperty(this, SERVICE_IDENTITY_SYMBOL, { value: true });
    const p = checkProps(this, props, SCHEMA);
    validateProjectId(this, 'project', p.project);
    validateAccountId(this, 'accountId', p.accountId);

    this.project = p.project;
    this.accountId = p.accountId;
    const email = serviceAccountEmail(p.project, p.accountId);
    // Bindings to this account are keyed by its email when it is known, so that
    // Principal.serviceAccount(<the same email>) names the same member.
    const memberKey = email ? `serviceAccount:${email}` : `construct:${stackRelativePath(this)}`;
    setMemberKey(this, memberKey);
    registerCreatedAccount(this, email);
    this.serviceAccount = new ServiceAccount(this, 'Resource', {
      project: p.project,
      accountId: p.accountId,
      displayName: terraformLiteral(p.displayName ?? p.accountId),
      description: terraformLiteral(
        p.description ?? `Managed by cdktf-guardrails (${stackRelativePath(this)})`,
      ),
    });
    requireApis(this.serviceAccount, p.project, ['iam.googleapis.com']);
  }

  // Attributes are lazy: each reference is a token that records a stack trace, and making
  // tokens nobody reads costs synth time in stacks with thousands of identities.

  /** The account's email, e.g. `api-run@p.iam.gserviceaccount.com` (a reference). */
  public get email(): string {
    return (this.references.email ??= this.serviceAccount.email);
  }

  /** `serviceAccount:<email>`, for IAM bindings (a reference). */
  public get member(): string {
    return (this.references.member ??= this.serviceAccount.member);
  }

  /** The account's numeric unique id: the `sub` claim of the ID tokens it gets (a reference). */
  public get uniqueId(): string {
    return (this.references.uniqueId ??= this.serviceAccount.uniqueId);
  }

  /** The account's full name, `projects/<p>/serviceAccounts/<email>` (a reference). */
  public get name(): string {
    return (this.references.name ??= this.serviceAccount.name);
  }

  /**
   * Lets `grantee` attach this service account to workloads it deploys
   * (`iam.serviceAccounts.actAs`): `roles/iam.serviceAccountUser` bound on **this**
   * service account only, never on the project (which would let it act as every account).
   */
  public grantActAs(grantee: IGrantable): Grant {
    return grantActAsOn(this, grantee);
  }

  /**
   * Lets a federated identity (a `principal://` or `principalSet://` of a workload identity
   * pool, or a GKE workload) impersonate this service account: `roles/iam.workloadIdentityUser`
   * on this service account only. Whole-pool principal sets are refused, also when the pool is
   * named by reference. Turns on the IAM Service Account Credentials Data Access audit logs of
   * the account's project, where each impersonation is recorded (`options.auditLogs: false` to
   * opt out).
   */
  public allowWorkloadIdentity(principal: IGrantable, options?: WorkloadIdentityOptions): Grant {
    return allowWorkloadIdentityOn(this, principal, options);
  }
}

const SERVICE_IDENTITY_SYMBOL = Symbol.for('cdktf-guardrails.ServiceIdentity');
