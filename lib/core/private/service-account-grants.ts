import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { Construct } from 'constructs';
import { AuditLogs } from '../audit-logs';
import type { Grant } from '../grant';
import { Roles } from '../roles';
import type { WorkloadIdentityOptions } from '../workload-identity-options';
import { bindIamMember } from './iam-member';
import { isFederatedMember, validateMember } from './member-rules';
import { invalidValue } from './messages';
import { checkArg, checkProps, flag, grantable, optional, Schema } from './shape';

/** What the grants on a service account need of it: a construct, its full name, a readable label. */
export interface ServiceAccountTarget extends Construct {
  /** `projects/<p>/serviceAccounts/<email>`. */
  readonly name: string;
  /** Project of the account (as given, or derived from its email). */
  readonly project: string;
  /** Account id, the part of the email before `@`. */
  readonly accountId: string;
}

const GRANTEE = grantable<{ grantPrincipal: { member: string } }>();
const WORKLOAD_IDENTITY_OPTIONS: Schema<WorkloadIdentityOptions> = { auditLogs: optional(flag()) };

/**
 * `roles/iam.serviceAccountUser` on this one account (never on the project, which would let
 * the grantee act as every account of it).
 */
export function grantActAsOn(
  account: ServiceAccountTarget,
  grantee: unknown,
  prop = 'grantee',
): Grant {
  return bindOn(account, Roles.IAM_SERVICE_ACCOUNT_USER.name, grantee, prop);
}

/**
 * `roles/iam.workloadIdentityUser` on this one account, for a federated identity or a GKE
 * workload only (judged on the token-resolved member too). Whole pools are refused by the
 * binding helper.
 */
export function allowWorkloadIdentityOn(
  account: ServiceAccountTarget,
  principal: unknown,
  givenOptions: unknown,
  prop = 'principal',
): Grant {
  const options =
    givenOptions === undefined || givenOptions === null
      ? {}
      : checkProps(account, givenOptions, WORKLOAD_IDENTITY_OPTIONS, 'options');
  const member = checkArg(account, prop, principal, GRANTEE).grantPrincipal.member;
  // Broad members (whole pools...) first, with their own message.
  validateMember(account, prop, member, account);
  if (!isFederatedMember(account, member)) {
    throw invalidValue(
      account,
      prop,
      member,
      'must be a federated identity (principal://, principalSet:// or a GKE workload serviceAccount:<p>.svc.id.goog[ns/sa])',
      'Grant people and service accounts access to resources directly, or use grantActAs(grantee) to let them deploy with this account.',
    );
  }
  const grant = bindOn(account, Roles.IAM_WORKLOAD_IDENTITY_USER.name, principal, prop);
  if (options.auditLogs !== false) {
    // https://cloud.google.com/iam/docs/audit-logging/audit-logging-iamcreds
    AuditLogs.of(account).enable(account.project, 'iamcredentials.googleapis.com');
  }
  return grant;
}

function bindOn(
  account: ServiceAccountTarget,
  role: string,
  grantee: unknown,
  prop: string,
): Grant {
  return bindIamMember({
    requester: account,
    owner: account,
    prop,
    role,
    grantee,
    resource: `service-account:${account.project}/${account.accountId}`,
    create: (scope, id, member, condition) =>
      new ServiceAccountIamMember(scope, id, {
        serviceAccountId: account.name,
        role,
        member,
        condition,
      }),
  });
}
