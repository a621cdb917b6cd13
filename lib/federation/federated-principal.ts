import { IPrincipal } from '../core/principal';

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

  /**
   * @param member the `principal://` or `principalSet://` member string
   */
  constructor(public readonly member: string) {}
}
