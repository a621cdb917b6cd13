import { PUBLIC_MEMBERS } from './private/member-kinds';
import { MemberPrincipal } from './private/member-principal';
import { invalidValue, Location } from './private/messages';
import { isUnresolved, validateDomain, validateEmail } from './private/validate';

/**
 * Anything that can receive a grant. A construct that runs as an identity (a service
 * account, a Cloud Run service) hands out that identity as its `grantPrincipal`.
 */
export interface IGrantable {
  /** The identity that grants made to this object are bound to. */
  readonly grantPrincipal: IPrincipal;
}

/**
 * An IAM member string such as `serviceAccount:api@p.iam.gserviceaccount.com`,
 * `group:admins@example.com` or `principalSet://iam.googleapis.com/...`.
 *
 * Never `allUsers` or `allAuthenticatedUsers`: public access goes through the explicit,
 * reasoned opt-in of the construct that allows it.
 */
export interface IPrincipal extends IGrantable {
  /** The member string used in IAM bindings. */
  readonly member: string;
}

const CONVENIENCE_MEMBERS = /^project(Owner|Editor|Viewer):/;
const WHOLE_POOL = /\/workloadIdentityPools\/[^/]+\/\*$/;
const MEMBER_PREFIXES = [
  'user:',
  'serviceAccount:',
  'group:',
  'domain:',
  'principal://',
  'principalSet://',
];

/**
 * Factories for IAM principals, each validating its input.
 */
export class Principal {
  /** A service account by email. Grants bind `serviceAccount:<email>`. */
  public static serviceAccount(email: string): IPrincipal {
    validateEmail('Principal.serviceAccount', 'email', email);
    return new MemberPrincipal(`serviceAccount:${email}`);
  }

  /** A Google account by email. Grants bind `user:<email>`. */
  public static user(email: string): IPrincipal {
    validateEmail('Principal.user', 'email', email);
    return new MemberPrincipal(`user:${email}`);
  }

  /** A Google group by email. Grants bind `group:<email>`. */
  public static group(email: string): IPrincipal {
    validateEmail('Principal.group', 'email', email);
    return new MemberPrincipal(`group:${email}`);
  }

  /** Every account of a Google Workspace or Cloud Identity domain. Grants bind `domain:<name>`. */
  public static domain(name: string): IPrincipal {
    validateDomain('Principal.domain', 'name', name);
    return new MemberPrincipal(`domain:${name}`);
  }

  /**
   * Any member string, validated: public members, the `projectOwner:`-style convenience
   * members and whole-pool principal sets are refused.
   */
  public static fromMember(member: string): IPrincipal {
    validateMember('Principal.fromMember', 'member', member);
    return new MemberPrincipal(member);
  }

  private constructor() {}
}

/**
 * Refuses member strings that would grant far more than one identity. Tokens pass, and so
 * do strings that merely contain tokens after a known prefix.
 */
export function validateMember(location: Location, prop: string, member: string): void {
  if (PUBLIC_MEMBERS.has(member)) {
    throw invalidValue(
      location,
      prop,
      member,
      'must name an identity, not the public',
      "Grant to named identities; public access to a Cloud Run service needs its 'publicAccess: { reason }' prop.",
    );
  }
  if (isUnresolved(member) && !MEMBER_PREFIXES.some((p) => member.startsWith(p))) return;
  if (CONVENIENCE_MEMBERS.test(member)) {
    throw invalidValue(
      location,
      prop,
      member,
      'must not be a project convenience member (it follows the basic roles of the project)',
      'Name the group or service account that needs access.',
    );
  }
  if (WHOLE_POOL.test(member)) {
    throw invalidValue(
      location,
      prop,
      member,
      'must not be a whole workload identity pool',
      "Use pool.principalSetForAttribute(name, value) or provider.principalForRepository('owner/repo').",
    );
  }
  if (!MEMBER_PREFIXES.some((p) => member.startsWith(p))) {
    throw invalidValue(
      location,
      prop,
      member,
      `must start with one of ${MEMBER_PREFIXES.join(', ')}`,
      "Use e.g. 'group:platform@example.com', or Principal.user / Principal.group.",
    );
  }
}
