import { DataGoogleServiceAccount } from '@cdktf/provider-google/lib/data-google-service-account';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { Grant } from '../grant';
import type { IGrantable, IPrincipal } from '../principal';
import type { IServiceIdentity } from '../service-identity';
import type { WorkloadIdentityOptions } from '../workload-identity-options';
import { createdAccountFor } from './identity-registry';
import { setMemberKey } from './member-key';
import { invalidValue } from './messages';
import { allowWorkloadIdentityOn, grantActAsOn } from './service-account-grants';
import { checkArg, text } from './shape';
import { stackRelativePath } from './stable-id';

/** `<account id>@<project>.iam.gserviceaccount.com` (domain-scoped: `<id>@<project>.<domain>.iam...`). */
const USER_MANAGED =
  /^([a-z](?:[-a-z0-9]{4,28}[a-z0-9]))@([a-z][-a-z0-9]{4,28}[a-z0-9])((?:\.[a-z0-9-]+)*)\.iam\.gserviceaccount\.com$/i;
/** Service agents: `service-<project number>@gcp-sa-<service>.iam...` and the like. */
const SERVICE_AGENT = /^(service-\d+@|[^@]+@gcp-sa-)/;

/**
 * A service account created elsewhere, named by its email (`ServiceIdentity.fromEmail`).
 * Nothing is created for it; its unique id is read with a `google_service_account` data source
 * only when asked for. When the stack itself creates the account, its reference is used, so
 * Terraform orders what depends on it after the account.
 */
export class ImportedServiceIdentity extends Construct implements IServiceIdentity {
  public readonly grantPrincipal: IPrincipal = this;
  public readonly project: string;
  public readonly accountId: string;

  private readonly givenEmail: string;
  private uniqueIdRef?: string;

  constructor(scope: Construct, id: string, email: unknown) {
    super(scope, id);
    Object.defineProperty(this, Symbol.for('cdktf-guardrails.ServiceIdentity'), { value: true });
    this.givenEmail = checkArg(
      this,
      'email',
      email,
      text({ max: 254, example: "'api-run@acme-prod.iam.gserviceaccount.com'" }),
    );
    if (Token.isUnresolved(this.givenEmail)) {
      // Only Terraform knows the address: split it there.
      const [local, domain] = [0, 1].map((i) => Fn.element(Fn.split('@', this.givenEmail), i));
      this.accountId = local;
      this.project = Fn.element(Fn.split('.', domain), 0);
      setMemberKey(this, `construct:${stackRelativePath(this)}`);
      return;
    }
    const match = USER_MANAGED.exec(this.givenEmail);
    if (!match || SERVICE_AGENT.test(this.givenEmail)) {
      throw invalidValue(
        this,
        'email',
        this.givenEmail,
        'must be a user-managed service account, <account id>@<project>.iam.gserviceaccount.com (default compute and App Engine accounts and Google service agents are refused: a workload runs as an account of its own)',
        "Create one with new ServiceIdentity(scope, id, { project, accountId }), or pass the email of one you manage, e.g. 'api-run@acme-prod.iam.gserviceaccount.com'.",
      );
    }
    const [, local, project, domain] = match;
    this.accountId = local.toLowerCase();
    // A domain-scoped project `example.com:acme` has addresses under `acme.example.com`.
    this.project = (domain ? `${domain.slice(1)}:${project}` : project).toLowerCase();
    setMemberKey(this, `serviceAccount:${this.givenEmail.toLowerCase()}`);
  }

  /** The account the stack creates for this email, if it does. */
  private get created(): IServiceIdentity | undefined {
    return createdAccountFor(this, this.givenEmail) as IServiceIdentity | undefined;
  }

  public get email(): string {
    return this.created?.email ?? this.givenEmail;
  }

  public get member(): string {
    return this.created?.member ?? `serviceAccount:${this.givenEmail}`;
  }

  public get name(): string {
    const created = this.created;
    if (created) return created.name;
    // '-' lets IAM infer the project from the email (accepted by the provider's
    // ServiceAccountLinkRegex, ProjectRegexWildCard).
    const project = Token.isUnresolved(this.givenEmail) ? '-' : this.project;
    return `projects/${project}/serviceAccounts/${this.givenEmail}`;
  }

  public get uniqueId(): string {
    const created = this.created;
    if (created) return created.uniqueId;
    this.uniqueIdRef ??= new DataGoogleServiceAccount(this, 'Account', {
      accountId: this.givenEmail,
    }).uniqueId;
    return this.uniqueIdRef;
  }

  public grantActAs(grantee: IGrantable): Grant {
    return this.created?.grantActAs(grantee) ?? grantActAsOn(this, grantee);
  }

  public allowWorkloadIdentity(principal: IGrantable, options?: WorkloadIdentityOptions): Grant {
    return (
      this.created?.allowWorkloadIdentity(principal, options) ??
      allowWorkloadIdentityOn(this, principal, options)
    );
  }
}
