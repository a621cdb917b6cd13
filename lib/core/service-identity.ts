import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { Construct } from 'constructs';
import { AuditLogs } from './audit-logs';
import { Grant } from './grant';
import { IGrantable, IPrincipal } from './principal';
import { bindIamMember } from './private/iam-member';
import { invalidValue } from './private/messages';
import { requireApis } from './private/required-apis';
import {
  isUnresolved,
  validateAccountId,
  validateMaxLength,
  validateProjectId,
} from './private/validate';
import { Roles } from './roles';
import { WorkloadIdentityOptions } from './workload-identity-options';

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
   * @default - "Managed by cdktf-guardrails (<construct path>)"
   */
  readonly description?: string;
}

const MAX_DISPLAY_NAME = 100;
const MAX_DESCRIPTION = 256;
/** Members that `roles/iam.workloadIdentityUser` is meant for: federated identities and GKE workloads. */
const FEDERATED_MEMBER =
  /^(principal:\/\/|principalSet:\/\/|serviceAccount:[^@]+\.svc\.id\.goog\[)/;

/**
 * A dedicated Google service account for one workload (`google_service_account`).
 *
 * It never has keys: workloads get its credentials from the platform they run on, and
 * outside Google Cloud through workload identity federation (`allowWorkloadIdentity`).
 * Grants to it go on single resources through the grant methods of the other constructs.
 */
export class ServiceIdentity extends Construct implements IGrantable, IPrincipal {
  /** True when `x` is a ServiceIdentity, even one made by another copy of this library. */
  public static isServiceIdentity(x: unknown): boolean {
    return x !== null && typeof x === 'object' && SERVICE_IDENTITY_SYMBOL in x;
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
    super(scope, id);
    Object.defineProperty(this, SERVICE_IDENTITY_SYMBOL, { value: true });
    validateProjectId(this, 'project', props.project);
    validateAccountId(this, 'accountId', props.accountId);
    validateMaxLength(this, 'displayName', props.displayName, MAX_DISPLAY_NAME);
    validateMaxLength(this, 'description', props.description, MAX_DESCRIPTION);

    this.project = props.project;
    this.accountId = props.accountId;
    this.serviceAccount = new ServiceAccount(this, 'Resource', {
      project: props.project,
      accountId: props.accountId,
      displayName: props.displayName ?? props.accountId,
      description: props.description ?? `Managed by cdktf-guardrails (${this.node.path})`,
    });
    requireApis(this.serviceAccount, props.project, ['iam.googleapis.com']);
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
    return this.bind(Roles.IAM_SERVICE_ACCOUNT_USER.name, grantee);
  }

  /**
   * Lets a federated identity (a `principal://` or `principalSet://` of a workload identity
   * pool, or a GKE workload) impersonate this service account: `roles/iam.workloadIdentityUser`
   * on this service account only. Whole-pool principal sets are refused. Turns on the IAM
   * Service Account Credentials Data Access audit logs of the account's project, where each
   * impersonation is recorded (`options.auditLogs: false` to opt out).
   */
  public allowWorkloadIdentity(
    principal: IGrantable,
    options: WorkloadIdentityOptions = {},
  ): Grant {
    const member = principal.grantPrincipal.member;
    if (!isUnresolved(member) && !FEDERATED_MEMBER.test(member)) {
      throw invalidValue(
        this,
        'principal',
        member,
        'must be a federated identity (principal://, principalSet:// or a GKE workload serviceAccount:<p>.svc.id.goog[ns/sa])',
        'Grant people and service accounts access to resources directly, or use grantActAs(grantee) to let them deploy with this account.',
      );
    }
    const grant = this.bind(Roles.IAM_WORKLOAD_IDENTITY_USER.name, principal);
    if (options?.auditLogs !== false) {
      // https://cloud.google.com/iam/docs/audit-logging/audit-logging-iamcreds
      AuditLogs.of(this).enable(this.project, 'iamcredentials.googleapis.com');
    }
    return grant;
  }

  private bind(role: string, grantee: IGrantable): Grant {
    return bindIamMember({
      scope: this,
      role,
      grantee,
      resource: `service-account:${this.project}/${this.accountId}`,
      create: (scope, id, member, condition) =>
        new ServiceAccountIamMember(scope, id, {
          serviceAccountId: this.name,
          role,
          member,
          condition,
        }),
    });
  }
}

const SERVICE_IDENTITY_SYMBOL = Symbol.for('cdktf-guardrails.ServiceIdentity');
