import { MemberPrincipal } from './private/member-principal';
import { validateMember } from './private/member-rules';
import { checkArg, text } from './private/shape';
import { validateDomain, validateEmail } from './private/validate';

const MEMBER = text({ example: "'group:platform@example.com'" });
const EMAIL = text({ example: "'alice@example.com'" });
const DOMAIN = text({ example: "'example.com'" });

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

/**
 * Factories for IAM principals, each validating its input.
 */
export class Principal {
  /** A service account by email. Grants bind `serviceAccount:<email>`. */
  public static serviceAccount(email: string): IPrincipal {
    return emailPrincipal('Principal.serviceAccount', 'serviceAccount', email);
  }

  /** A Google account by email. Grants bind `user:<email>`. */
  public static user(email: string): IPrincipal {
    return emailPrincipal('Principal.user', 'user', email);
  }

  /** A Google group by email. Grants bind `group:<email>`. */
  public static group(email: string): IPrincipal {
    return emailPrincipal('Principal.group', 'group', email);
  }

  /** Every account of a Google Workspace or Cloud Identity domain. Grants bind `domain:<name>`. */
  public static domain(name: string): IPrincipal {
    const where = 'Principal.domain';
    const checked = checkArg(where, 'name', name, DOMAIN);
    validateDomain(where, 'name', checked);
    return new MemberPrincipal(`domain:${checked}`);
  }

  /**
   * Any member string, validated: public members, the `projectOwner:`-style convenience
   * members, whole-pool principal sets, every service account of an organization and every
   * account of a customer are refused (also when the member holds references, see
   * `validateMember`).
   */
  public static fromMember(member: string): IPrincipal {
    const where = 'Principal.fromMember';
    const checked = checkArg(where, 'member', member, MEMBER);
    validateMember(where, 'member', checked);
    return new MemberPrincipal(checked);
  }

  private constructor() {}
}

/** `<prefix>:<email>` after checking that `email` is a string and an email address. */
function emailPrincipal(where: string, prefix: string, email: unknown): IPrincipal {
  const checked = checkArg(where, 'email', email, EMAIL);
  validateEmail(where, 'email', checked);
  return new MemberPrincipal(`${prefix}:${checked}`);
}
