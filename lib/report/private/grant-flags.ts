import type { AccessBinding, StackModel, TargetLevel, TfResource } from '../../analysis/model';
import { azureRole, googleRole, permissionCountOf } from '../../analysis/role-catalog';
import { IMPERSONATION_ROLES } from '../../core/private/role-kinds';
import { FLAG_ORDER, type AccessFlag } from '../access-entries';

/** Levels that reach every resource inside them. */
const CONTAINER_LEVELS: ReadonlySet<TargetLevel> = new Set([
  'organization',
  'folder',
  'project',
  'billing-account',
  'management-group',
  'subscription',
  'resource-group',
]);

/** Member kinds that are identities from outside Google Cloud (workload and workforce pools). */
const FEDERATED_KINDS = new Set(['federated-principal', 'federated-set', 'whole-pool']);

/**
 * Permissions that act as a service account or mint its credentials, in custom roles.
 * https://cloud.google.com/iam/docs/service-account-permissions
 */
const IMPERSONATION_PERMISSIONS = new Set([
  'iam.serviceAccounts.actAs',
  'iam.serviceAccounts.getAccessToken',
  'iam.serviceAccounts.getOpenIdToken',
  'iam.serviceAccounts.signBlob',
  'iam.serviceAccounts.signJwt',
  'iam.serviceAccounts.implicitDelegation',
]);

/**
 * Azure roles that let the holder attach a user-assigned managed identity to a resource it
 * controls (Managed Identity Operator: `userAssignedIdentities/*\/assign/action`) or add
 * federated credentials to it (Managed Identity Contributor), i.e. act as that identity.
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/identity
 */
const AZURE_IMPERSONATION_ROLES = new Set([
  'Managed Identity Operator',
  'Managed Identity Contributor',
]);

/** Each flag as a bit of a set of flags: its position in `FLAG_ORDER`. */
const BIT = Object.fromEntries(FLAG_ORDER.map((flag, i) => [flag, 1 << i])) as Record<
  AccessFlag,
  number
>;

/** The flags of each set, made when first seen. */
const FLAG_SETS: Array<readonly AccessFlag[]> = [];

const SERVICE_ACCOUNT_PROJECT = /^serviceAccount:[^@]+@([a-z0-9-]+)\.iam\.gserviceaccount\.com$/;
/**
 * A Google service agent, `service-<project number>@<service domain>.iam.gserviceaccount.com`
 * (`gcp-sa-iap`, `serverless-robot-prod`...): its domain names the service, not a project.
 * https://cloud.google.com/iam/docs/service-agents
 */
const SERVICE_AGENT = /^serviceAccount:(service-(\d+|\$\{[^}]+\})@|[^@]+@gcp-sa-)/;

/** What a role means for the report: its size, and whether it can act as an identity. */
export interface RoleFacts {
  readonly permissions?: number;
  readonly impersonation: boolean;
}

/**
 * The flags and permission counts of one stack's grants (see `AccessFlag`). Facts about a role
 * are worked out once per role: a stack binds a few roles thousands of times.
 */
export class GrantFlags {
  /** Facts of every role bound in the stack, for each cloud (a role name means different things in each). */
  private readonly roles = {
    google: new Map<string, RoleFacts>(),
    azure: new Map<string, RoleFacts>(),
  };
  /** Projects of Google members by member text, `''` when the member shows none. */
  private readonly memberProjects = new Map<string, string>();
  /** Azure managed identities that trust an external token issuer (federated credentials). */
  private readonly federatedIdentities: ReadonlySet<string>;

  constructor(private readonly model: StackModel) {
    this.federatedIdentities = new Set(
      model.federation.flatMap((t) =>
        t.cloud === 'azure' && t.parentAddress ? [t.parentAddress] : [],
      ),
    );
    const bindings = model.bindings;
    for (let i = 0; i < bindings.length; i++) {
      const binding = bindings[i];
      const known = this.roles[binding.cloud];
      if (!known.has(binding.role)) {
        known.set(binding.role, {
          permissions: permissionCountOf(binding),
          impersonation: impersonates(binding),
        });
      }
    }
  }

  /**
   * Facts of the binding's role: its permission count (Azure: operations; undefined when
   * unknown) and whether it impersonates. A custom role's name stands for its permissions in
   * the stack.
   */
  public role(binding: AccessBinding): RoleFacts {
    return this.roles[binding.cloud].get(binding.role)!;
  }

  /**
   * The flags of a binding whose role is `role` (`role(binding)`) and whose target is in
   * `targetProject` (its `target.project`), in `FLAG_ORDER`. The array is shared by every binding
   * with the same flags (there are at most 64 combinations) and frozen.
   */
  public of(
    binding: AccessBinding,
    role: RoleFacts,
    targetProject: string | undefined,
  ): readonly AccessFlag[] {
    let set = 0;
    if (binding.memberKind === 'public') set |= BIT.public;
    if (
      FEDERATED_KINDS.has(binding.memberKind) ||
      (this.federatedIdentities.size > 0 && this.refersToFederatedIdentity(binding))
    ) {
      set |= BIT.federated;
    }
    if (role.impersonation) set |= BIT.impersonation;
    if (CONTAINER_LEVELS.has(binding.target.level)) set |= BIT['project-wide'];
    if (targetProject) {
      const principalProject = this.projectOfMember(binding);
      if (principalProject && principalProject !== targetProject) set |= BIT['cross-project'];
    }
    if (binding.mode === 'binding' || binding.mode === 'policy') set |= BIT.authoritative;
    return FLAG_SETS[set] ?? flagSet(set);
  }

  /**
   * True when the member refers to an Azure managed identity with a federated credential. Kept
   * out of `of`, which runs for every grant: a function with a closure that captures `this`
   * allocates a context on every call, whether or not it makes the closure.
   */
  private refersToFederatedIdentity(binding: AccessBinding): boolean {
    return binding.memberReferences.some((a) => this.federatedIdentities.has(a));
  }

  /**
   * The project of a Google member (see `projectOfMember`), worked out once per member: what it
   * depends on (kind, references) follows from the normalized member text.
   */
  private projectOfMember(binding: AccessBinding): string | undefined {
    if (binding.cloud !== 'google') return undefined;
    const known = this.memberProjects.get(binding.member);
    if (known !== undefined) return known || undefined;
    const project = projectOfMember(this.model, binding);
    this.memberProjects.set(binding.member, project ?? '');
    return project;
  }
}

/**
 * The flags of the set `set`, made once and frozen. Kept out of `GrantFlags.of` (see
 * `refersToFederatedIdentity`).
 */
function flagSet(set: number): readonly AccessFlag[] {
  return (FLAG_SETS[set] = Object.freeze(FLAG_ORDER.filter((_, i) => set & (1 << i))));
}

function impersonates(binding: AccessBinding): boolean {
  if (binding.cloud === 'azure') {
    const role = azureRole(binding.role);
    return AZURE_IMPERSONATION_ROLES.has(binding.role) || role?.allActions === true;
  }
  if (IMPERSONATION_ROLES.has(binding.role)) return true;
  if (binding.customRolePermissions) {
    return binding.customRolePermissions.some((p) => IMPERSONATION_PERMISSIONS.has(p));
  }
  const role = googleRole(binding.role);
  return role !== undefined && (role.canActAs || role.canMintTokens);
}

/**
 * The Google project a member belongs to, when it shows: a service account's email
 * (`x@<project>.iam.gserviceaccount.com`), or a workload identity pool of the same stack. Pools
 * named by project number and service agents do not show their project id.
 */
function projectOfMember(model: StackModel, binding: AccessBinding): string | undefined {
  if (binding.cloud !== 'google') return undefined;
  if (SERVICE_AGENT.test(binding.member)) return undefined;
  const sa = SERVICE_ACCOUNT_PROJECT.exec(binding.member);
  if (sa) return sa[1];
  if (!FEDERATED_KINDS.has(binding.memberKind)) return undefined;
  const pool = poolOf(model, binding.memberReferences);
  // Its project argument, or without one its provider configuration's project.
  return pool ? model.projectOf(pool) : undefined;
}

/**
 * The workload identity pool among `references`, if any. Kept out of `projectOfMember`, which
 * runs for every member: a function with a closure that captures a parameter allocates a context
 * on every call, whether or not it makes the closure.
 */
function poolOf(model: StackModel, references: readonly string[]): TfResource | undefined {
  return references
    .map((a) => model.resources.get(a))
    .find((r) => r?.type === 'google_iam_workload_identity_pool');
}
