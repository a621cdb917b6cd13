import { IPrincipal } from '../core/principal';
import { checkArg, text } from '../core/private/shape';

/**
 * An identity from outside Google Cloud, as workload identity federation names it:
 * `principal://iam.googleapis.com/<pool>/subject/<subject>` (one identity) or
 * `principalSet://iam.googleapis.com/<pool>/attribute.<name>/<value>` (all identities with
 * that attribute). Grant it access to resources directly, or let it impersonate a service
 * account with `ServiceIdentity.allowWorkloadIdentity`.
 */
export class FederatedPrincipal implements IPrincipal {
  /** Grants to a federated principal bind its own member. */
  public readonly grantPrincipal: IPrincipal = this;

  /** The `principal://` or `principalSet://` member string. */
  public readonly member: string;

  /**
   * @param member the `principal://` or `principalSet://` member string; its form is judged
   * where it is granted (whole pools are refused there)
   */
  constructor(member: string) {
    this.member = checkArg('new FederatedPrincipal', 'member', member, text());
  }
}
