// What the access report and the IAM diff show (DESIGN.md section 9): every grant, federation
// trust and audit log configuration of a set of synthesized stacks, as readable, token-free
// values. Plain TypeScript data, not part of the jsii API (`AccessReport` is).
import type { TargetLevel } from '../analysis/model';

/**
 * Why a reviewer should look twice at a grant:
 * - `public`: anyone on the internet (`allUsers`, `allAuthenticatedUsers`);
 * - `federated`: an identity from outside Google Cloud or Azure (a workload identity pool
 *   principal, a managed identity with a federated credential);
 * - `impersonation`: the role can act as a service account or mint its tokens (actAs, token
 *   creator, workload identity user), or attach an Azure managed identity;
 * - `project-wide`: bound on a project, folder, organization or billing account, or an Azure
 *   resource group, subscription or management group, so it reaches every resource inside;
 * - `cross-project`: a service account or pool of another project than the target's;
 * - `authoritative`: written with `_iam_binding`/`_iam_policy`, which remove access granted elsewhere.
 */
export type AccessFlag =
  'public' | 'federated' | 'impersonation' | 'project-wide' | 'cross-project' | 'authoritative';

/** Flags in the order the report lists them. */
export const FLAG_ORDER: readonly AccessFlag[] = [
  'public',
  'federated',
  'impersonation',
  'project-wide',
  'cross-project',
  'authoritative',
];

/** An IAM condition as the report shows it. */
export interface ConditionEntry {
  readonly title?: string;
  readonly expression: string;
}

/** One grant: who holds which role on what, and where it is written. */
export interface GrantEntry {
  readonly stack: string;
  readonly cloud: 'google' | 'azure';
  /** The member, readable: in-stack service accounts as their email, other references as `<kind identity>`. */
  readonly principal: string;
  /** The role: `roles/...`, a custom role's name, or an Azure built-in role's name. */
  readonly role: string;
  /** Permissions the role holds (Azure: operations), from the shipped catalog or the stack's custom role; undefined when unknown. */
  readonly permissions?: number;
  /** The permissions of a custom role defined in the stack, to see a custom role grow. */
  readonly customPermissions?: readonly string[];
  /** What the grant is on: the kind of resource and its readable id (`cloud_run_v2_service acme-prod/europe-west1/api`). */
  readonly target: string;
  readonly level: TargetLevel;
  readonly condition?: ConditionEntry;
  readonly address: string;
  readonly path?: string;
  readonly flags: readonly AccessFlag[];
}

/** A trust of external identities: a workload identity pool provider or an Azure federated credential. */
export interface TrustEntry {
  readonly stack: string;
  readonly cloud: 'google' | 'azure';
  /** `oidc`, `aws`, `saml`, `x509` (Google) or `federated-credential` (Azure). */
  readonly kind: string;
  /** The trust's readable identity (`acme-prod/ci/github`), independent of construct ids. */
  readonly name: string;
  readonly issuer?: string;
  readonly audiences: readonly string[];
  /** Google: the attribute condition a token must meet. */
  readonly condition?: string;
  /** Azure: the subject a token must carry, readable. */
  readonly subject?: string;
  readonly address: string;
  readonly path?: string;
}

/** The Data Access audit logs of one service on one project, folder or organization. */
export interface AuditEntry {
  readonly stack: string;
  /** `project acme-prod`. */
  readonly target: string;
  readonly service: string;
  /** Log types on, sorted, each with its exempted members. */
  readonly logTypes: ReadonlyArray<{
    readonly logType: string;
    readonly exemptedMembers: readonly string[];
  }>;
  readonly address: string;
  readonly path?: string;
}

/** Resources the report does not read, by Terraform type. */
export interface IgnoredResources {
  readonly count: number;
  /** The types, sorted. */
  readonly types: readonly string[];
}

/** Everything the report shows of a set of stacks, each list sorted so that output is stable. */
export interface AccessSnapshot {
  /** Stack names, sorted. */
  readonly stacks: readonly string[];
  readonly grants: readonly GrantEntry[];
  readonly trusts: readonly TrustEntry[];
  readonly auditLogs: readonly AuditEntry[];
  readonly ignored: IgnoredResources;
}
