/**
 * What an IAM member string stands for, judged by its form. One classification for the
 * constructs' deny checks and for the stack-wide rules and reports, which read synthesized
 * Terraform: it works on literal members and on token-resolved text, where a reference such
 * as `${google_iam_workload_identity_pool.ci.name}` is opaque but the shape around it is not
 * (`principalSet://iam.googleapis.com/${...}/*` is still a whole pool).
 *
 * Identifier formats: https://cloud.google.com/iam/docs/principal-identifiers
 */
export type MemberKind =
  /** `allUsers`, `allAuthenticatedUsers`, `principalSet://goog/public:all`: anyone. */
  | 'public'
  /** `projectOwner:`/`projectEditor:`/`projectViewer:`: whoever holds a basic role of a project. */
  | 'convenience'
  /** `principalSet://iam.googleapis.com/<workload or workforce pool>/*`: every identity of a pool. */
  | 'whole-pool'
  /** `principalSet://cloudresourcemanager.googleapis.com/<projects|folders|organizations>/<n>/type/ServiceAccount` (or `ServiceAgent`). */
  | 'all-service-accounts'
  /** `principalSet://goog/cloudIdentityCustomerId/<id>`: every account of a Workspace or Cloud Identity customer. */
  | 'customer'
  /** `domain:<name>`: every account of a Workspace or Cloud Identity domain. */
  | 'domain'
  /** `user:<email>`. */
  | 'user'
  /** `group:<email>`. */
  | 'group'
  /** `serviceAccount:<email>` of a Google service account. */
  | 'service-account'
  /** `serviceAccount:<project>.svc.id.goog[<namespace>/<ksa>]`: one GKE workload. */
  | 'gke-workload'
  /** `principal://...`: one federated identity. */
  | 'federated-principal'
  /** `principalSet://iam.googleapis.com/<pool>/<attribute, group or namespace>/...`: a named part of a pool. */
  | 'federated-set'
  /** `principalSet://<service>/...`: resources with built-in identities, by service, type or ancestor. */
  | 'resource-set'
  /** Anything else, including a member that is one opaque reference. */
  | 'unknown';

/** Members that mean everyone; only reachable through a construct's reasoned public-access opt-in. */
export const PUBLIC_MEMBERS: ReadonlySet<string> = new Set([
  'allUsers',
  'allAuthenticatedUsers',
  'principalSet://goog/public:all',
]);

/** Kinds that name far more than the identities someone meant to grant. */
const BROAD_KINDS: ReadonlySet<MemberKind> = new Set([
  'public',
  'convenience',
  'whole-pool',
  'all-service-accounts',
  'customer',
]);

const CONVENIENCE = /^project(Owner|Editor|Viewer):/;
const ALL_SERVICE_ACCOUNTS =
  /^principalSet:\/\/cloudresourcemanager\.googleapis\.com\/.+\/type\/Service(Account|Agent)$/;
const IAM_SET = 'principalSet://iam.googleapis.com/';
const GKE_WORKLOAD = /^serviceAccount:[^@[\]]+\.svc\.id\.goog\[[^\]]+\]$/;
/** Kinds whose member text after the prefix is an email or a domain, which IAM compares case-insensitively. */
const CASE_INSENSITIVE_KINDS: ReadonlySet<MemberKind> = new Set([
  'user',
  'group',
  'service-account',
  'gke-workload',
  'domain',
]);
/** A Terraform interpolation in resolved text: its content is case-sensitive and opaque. */
const INTERPOLATION = /(\$\{[^}]*\})/;

/** The kind of `member`: literal text, or text with `${...}` Terraform references in it. */
export function memberKind(member: string): MemberKind {
  if (PUBLIC_MEMBERS.has(member)) return 'public';
  if (CONVENIENCE.test(member)) return 'convenience';
  if (member.startsWith('principalSet://')) return principalSetKind(member);
  if (member.startsWith('principal://')) return 'federated-principal';
  if (member.startsWith('serviceAccount:'))
    return GKE_WORKLOAD.test(member) ? 'gke-workload' : 'service-account';
  if (member.startsWith('user:')) return 'user';
  if (member.startsWith('group:')) return 'group';
  if (member.startsWith('domain:')) return 'domain';
  return 'unknown';
}

function principalSetKind(member: string): MemberKind {
  // A set ending in '/*' is a whole workload or workforce pool, whatever names the pool:
  // a literal path, or a reference to the pool's `name`.
  if (member.endsWith('/*')) return 'whole-pool';
  if (ALL_SERVICE_ACCOUNTS.test(member)) return 'all-service-accounts';
  if (member.startsWith('principalSet://goog/cloudIdentityCustomerId/')) return 'customer';
  if (member.startsWith(IAM_SET)) return 'federated-set';
  return 'resource-set';
}

/** True for members that reach far beyond named identities (public, whole pools, every account of an organization...). */
export function isBroadMember(member: string): boolean {
  return BROAD_KINDS.has(memberKind(member));
}

/** A member whose text after its `<kind>:` prefix has no capital letter. */
const LOWER_CASE_AFTER_PREFIX = /^[^:]*:[^A-Z]*$/;

/**
 * The member as IAM compares it: email addresses and domains are case-insensitive, so
 * `user:Alice@Example.com` and `user:alice@example.com` are one member. Terraform references
 * inside resolved text (`${...}`) keep their case.
 */
export function normalizeMember(member: string, kind: MemberKind = memberKind(member)): string {
  if (!CASE_INSENSITIVE_KINDS.has(kind)) return member;
  // Most members are written in lower case already: nothing to copy.
  if (LOWER_CASE_AFTER_PREFIX.test(member)) return member;
  const colon = member.indexOf(':');
  const prefix = member.slice(0, colon + 1);
  if (!member.includes('${')) return prefix + member.slice(colon + 1).toLowerCase();
  const rest = member
    .slice(colon + 1)
    .split(INTERPOLATION)
    .map((part) => (part.startsWith('${') ? part : part.toLowerCase()))
    .join('');
  return prefix + rest;
}

const DEFAULT_ACCOUNT =
  /^(serviceAccount:)?[^@\s:]+(-compute@developer\.gserviceaccount\.com|@appspot\.gserviceaccount\.com)$/i;
const DEFAULT_ACCOUNT_REFERENCE =
  /\$\{data\.google_(compute|app_engine)_default_service_account\.[^.}]+\.(email|member|name|id)\}/;

/**
 * True for the Compute Engine default account (`<number>-compute@developer.gserviceaccount.com`)
 * and the App Engine default account (`<project>@appspot.gserviceaccount.com`), as a member or a
 * bare email, literal or referenced through their data sources. Every workload that does not
 * name its own account runs as them, so a grant to them reaches all of those workloads.
 * https://cloud.google.com/iam/docs/service-account-types#default
 */
export function isDefaultServiceAccount(memberOrEmail: string): boolean {
  if (memberOrEmail.includes('gserviceaccount.com')) return DEFAULT_ACCOUNT.test(memberOrEmail);
  return (
    memberOrEmail.includes('_default_service_account.') &&
    DEFAULT_ACCOUNT_REFERENCE.test(memberOrEmail)
  );
}

/** One Terraform interpolation and nothing else, e.g. `${var.member}`: its kind is unknown until apply. */
const WHOLE_INTERPOLATION = /^\$\{[^}]*\}$/;

/**
 * True when the member is a single reference whose text only Terraform knows (a variable, a
 * function call), so its form cannot be judged. Works on literal, token and resolved text.
 */
export function isOpaqueMember(member: string): boolean {
  return WHOLE_INTERPOLATION.test(member);
}

/** Double-quoted string literals inside a Terraform expression. */
const EXPRESSION_LITERAL = /"((?:[^"\\]|\\.)*)"/g;

/**
 * The kind a member built by a Terraform function (`${join("", ["principalSet://...", x, "/*"])}`,
 * `${format(...)}`) evidently has, judged by the string literals in the expression: a public
 * member, a convenience prefix, or a principal set ending in `/*`. `'unknown'` when nothing
 * shows; the value itself is only known at apply.
 */
export function expressionMemberKind(text: string): MemberKind {
  if (!text.startsWith('${')) return memberKind(text);
  const literals = [...text.matchAll(EXPRESSION_LITERAL)].map((m) => m[1]);
  if (literals.some((l) => PUBLIC_MEMBERS.has(l))) return 'public';
  if (literals.some((l) => CONVENIENCE.test(l))) return 'convenience';
  if (
    literals.some((l) => l.startsWith('principalSet://')) &&
    literals.some((l) => l.endsWith('/*'))
  )
    return 'whole-pool';
  return 'unknown';
}
