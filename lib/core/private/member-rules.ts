import { IConstruct } from 'constructs';
import { expressionMemberKind, isOpaqueMember, MemberKind, memberKind } from './member-kinds';
import { invalidValue, Location } from './messages';
import { resolvedText } from './stable-id';
import { isUnresolved } from './validate';

const MEMBER_PREFIXES = [
  'user:',
  'serviceAccount:',
  'group:',
  'domain:',
  'principal://',
  'principalSet://',
];

/** Why each kind of member is refused, and what to grant instead. */
const REFUSED: Partial<Record<MemberKind, { rule: string; fix: string }>> = {
  public: {
    rule: 'must name an identity, not the public',
    fix: "Grant to named identities; public access to a Cloud Run service needs its 'publicAccess: { reason }' prop.",
  },
  convenience: {
    rule: 'must not be a project convenience member (it follows the basic roles of the project)',
    fix: 'Name the group or service account that needs access.',
  },
  'whole-pool': {
    rule: 'must not be a whole workload or workforce identity pool (every identity any of its providers accepts)',
    fix: "Use pool.principalSetForAttribute(name, value) or provider.principalForRepository('owner/repo').",
  },
  'all-service-accounts': {
    rule: 'must not be every service account (or service agent) of a project, folder or organization',
    fix: 'Name the service accounts that need access, e.g. Principal.serviceAccount(email) or a ServiceIdentity.',
  },
  customer: {
    rule: 'must not be every account of a Workspace or Cloud Identity customer',
    fix: "Name a group (Principal.group('team@example.com')); if every account of the organization is really meant, say so with Principal.domain(name).",
  },
};

/**
 * Refuses member strings that would grant far more than the identities someone meant:
 * the public, convenience members, whole pools, every service account of an organization,
 * every account of a customer, and strings that are no member at all.
 *
 * Members with tokens are judged by the text they resolve to when `scope` is given (a
 * reference hides nothing of the shape around it: `principalSet://iam.googleapis.com/${pool.name}/*`
 * is a whole pool), else by their unresolved text. A member that is one opaque reference
 * (`${var.member}`) passes: only Terraform knows its value.
 *
 * Principal identifiers: https://cloud.google.com/iam/docs/principal-identifiers
 */
export function validateMember(
  location: Location,
  prop: string,
  member: string,
  scope?: IConstruct,
): void {
  const text = scope && isUnresolved(member) ? resolvedText(scope, member) : member;
  const kind = startsWithReference(text) ? expressionMemberKind(text) : memberKind(text);
  const refused = REFUSED[kind];
  if (refused) throw invalidValue(location, prop, member, refused.rule, refused.fix);
  if (kind !== 'unknown') return;
  if (startsWithReference(text)) {
    // Its prefix is only known at apply; a trailing '/*' still names a whole pool.
    if (!text.endsWith('/*')) return;
    const wholePool = REFUSED['whole-pool']!;
    throw invalidValue(location, prop, member, wholePool.rule, wholePool.fix);
  }
  throw invalidValue(
    location,
    prop,
    member,
    `must start with one of ${MEMBER_PREFIXES.join(', ')}`,
    "Use e.g. 'group:platform@example.com', or Principal.user / Principal.group.",
  );
}

/** Kinds that `roles/iam.workloadIdentityUser` is meant for: federated identities and GKE workloads. */
const FEDERATED_KINDS: ReadonlySet<MemberKind> = new Set([
  'federated-principal',
  'federated-set',
  'gke-workload',
]);

/** True when `member` (resolved through `scope`) is a federated identity, or unknowable until apply. */
export function isFederatedMember(scope: IConstruct, member: string): boolean {
  const text = resolvedMember(scope, member);
  return FEDERATED_KINDS.has(memberKind(text)) || isOpaqueMember(text);
}

/** The member's text, a token resolved to the Terraform expression it stands for. */
function resolvedMember(scope: IConstruct, member: string): string {
  return isUnresolved(member) ? resolvedText(scope, member) : member;
}

/** True when the text starts with a reference (`${...}`), so its member prefix is unknown until apply. */
function startsWithReference(text: string): boolean {
  return text.startsWith('${');
}

/** Kinds of member that are people of an organization: a user, a group, a whole domain. */
const PEOPLE_KINDS: ReadonlySet<MemberKind> = new Set(['user', 'group', 'domain']);

/**
 * True when `member` (resolved through `scope`) names people of an organization (`user:`,
 * `group:`, `domain:`), or is unknowable until apply. Identity-Aware Proxy is for people;
 * service accounts and federated identities are refused by its grants.
 */
export function isPeopleMember(scope: IConstruct, member: string): boolean {
  const text = resolvedMember(scope, member);
  if (PEOPLE_KINDS.has(memberKind(text))) return true;
  // A reference to a service account resource is a service account, whatever its value.
  return isOpaqueMember(text) && !SERVICE_ACCOUNT_REFERENCE.test(text);
}

/** `${google_service_account.x.member}`, `${data.google_service_account.x.member}`. */
const SERVICE_ACCOUNT_REFERENCE = /^\$\{(data\.)?google_service_account\./;
