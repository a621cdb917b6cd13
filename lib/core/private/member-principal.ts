import type { IPrincipal } from '../principal';

/**
 * A principal given by its member string, unvalidated: callers validate (the `Principal`
 * factories) or build the member themselves (a service agent, the public-access opt-in).
 */
export class MemberPrincipal implements IPrincipal {
  public readonly grantPrincipal: IPrincipal = this;
  constructor(public readonly member: string) {}
}
