import type { AccessBinding, StackModel, TargetLevel } from '../analysis/model';
import { readablePlaceholders, readableText } from '../analysis/readable-text';
import { azureRole, googleRole, permissionCountOf } from '../analysis/role-catalog';
import { IMPERSONATION_ROLES } from '../core/private/role-kinds';
import type {
  AccessFlag,
  AccessSnapshot,
  AuditEntry,
  GrantEntry,
  IgnoredResources,
  TrustEntry,
} from './access-entries';
import { compareText, sortBy } from './private/order';

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

/**
 * Resource types that grant access in a way the model does not read (ACLs, Key Vault access
 * policies). They are counted with the ignored resources, so the reader knows the report is
 * not the whole story for them.
 */
const ACCESS_NOT_READ = new Set([
  'google_storage_bucket_acl',
  'google_storage_bucket_access_control',
  'google_storage_default_object_acl',
  'google_storage_default_object_access_control',
  'google_storage_object_acl',
  'google_storage_object_access_control',
  'google_bigquery_dataset_access',
  'azurerm_key_vault_access_policy',
]);

const SERVICE_ACCOUNT_PROJECT = /^serviceAccount:[^@]+@([a-z0-9-]+)\.iam\.gserviceaccount\.com$/;

/**
 * Every grant, federation trust and audit log configuration of `models`, readable and sorted.
 * Linear in the number of resources (one pass over each stack's bindings, trusts and audit
 * configs, then one sort).
 */
export function accessSnapshot(models: readonly StackModel[]): AccessSnapshot {
  const grants: GrantEntry[] = [];
  const trusts: TrustEntry[] = [];
  const auditLogs: AuditEntry[] = [];
  const ignoredTypes = new Set<string>();
  let ignored = 0;
  for (const model of models) {
    const federatedIdentities = new Set(
      model.federation.flatMap((t) =>
        t.cloud === 'azure' && t.parentAddress ? [t.parentAddress] : [],
      ),
    );
    for (const binding of model.bindings)
      grants.push(grantEntry(model, binding, federatedIdentities));
    for (const trust of model.federation) {
      trusts.push({
        stack: model.stack,
        cloud: trust.cloud,
        kind: trust.kind,
        name: readablePlaceholders(model.identityOf(trust.resource)),
        issuer: trust.issuer === undefined ? undefined : readableText(model, trust.issuer),
        audiences: trust.audiences.map((a) => readableText(model, a)).sort(compareText),
        condition: trust.condition,
        subject: trust.subject === undefined ? undefined : readableText(model, trust.subject),
        address: trust.resource.address,
        path: trust.resource.path,
      });
    }
    for (const config of model.auditConfigs) {
      auditLogs.push({
        stack: model.stack,
        target: `${config.level} ${readablePlaceholders(config.target)}`,
        service: config.service,
        logTypes: sortBy(
          config.logTypes.map((l) => ({
            logType: l.logType,
            exemptedMembers: l.exemptedMembers.map((m) => readableText(model, m)).sort(compareText),
          })),
          (l) => [l.logType],
        ),
        address: config.resource.address,
        path: config.resource.path,
      });
    }
    for (const resource of model.resources.values()) {
      if (resource.mode !== 'managed' || isRead(resource.type)) continue;
      ignored++;
      ignoredTypes.add(resource.type);
    }
  }
  return {
    stacks: models.map((m) => m.stack).sort(compareText),
    grants: sortBy(grants, (g) => [
      g.principal,
      g.role,
      g.target,
      g.condition?.expression ?? '',
      g.stack,
      g.address,
    ]),
    trusts: sortBy(trusts, (t) => [t.cloud, t.kind, t.name, t.stack, t.address]),
    auditLogs: sortBy(auditLogs, (a) => [a.target, a.service, a.stack, a.address]),
    ignored: { count: ignored, types: [...ignoredTypes].sort(compareText) } as IgnoredResources,
  };
}

/** Resources of the providers the model reads, except those that grant access in ways it does not. */
function isRead(type: string): boolean {
  return (type.startsWith('google_') || type.startsWith('azurerm_')) && !ACCESS_NOT_READ.has(type);
}

function grantEntry(
  model: StackModel,
  binding: AccessBinding,
  federatedIdentities: ReadonlySet<string>,
): GrantEntry {
  const { target, condition, resource } = binding;
  return {
    stack: model.stack,
    cloud: binding.cloud,
    principal: readableText(model, binding.member),
    role: binding.role,
    permissions: permissionCountOf(binding),
    customPermissions: binding.customRolePermissions
      ? [...binding.customRolePermissions].sort(compareText)
      : undefined,
    target: `${shortType(target.type)} ${readablePlaceholders(target.id)}`,
    level: target.level,
    condition: condition && { title: condition.title, expression: condition.expression },
    address: resource.address,
    path: resource.path,
    flags: flagsOf(model, binding, federatedIdentities),
  };
}

const SHORT_TYPES = new Map<string, string>();

/** `cloud_run_v2_service` for `google_cloud_run_v2_service`; computed once per type. */
function shortType(type: string): string {
  let short = SHORT_TYPES.get(type);
  if (short === undefined) {
    short = type.replace(/^(google|azurerm)_/, '');
    SHORT_TYPES.set(type, short);
  }
  return short;
}

function flagsOf(
  model: StackModel,
  binding: AccessBinding,
  federatedIdentities: ReadonlySet<string>,
): AccessFlag[] {
  // Pushed in FLAG_ORDER, each at most once.
  const flags: AccessFlag[] = [];
  if (binding.memberKind === 'public') flags.push('public');
  if (
    FEDERATED_KINDS.has(binding.memberKind) ||
    binding.memberReferences.some((a) => federatedIdentities.has(a))
  ) {
    flags.push('federated');
  }
  if (impersonates(binding)) flags.push('impersonation');
  if (CONTAINER_LEVELS.has(binding.target.level)) flags.push('project-wide');
  const targetProject = binding.target.project;
  if (targetProject) {
    const principalProject = projectOfMember(model, binding);
    if (principalProject && principalProject !== targetProject) flags.push('cross-project');
  }
  if (binding.mode === 'binding' || binding.mode === 'policy') flags.push('authoritative');
  return flags;
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
  const sa = SERVICE_ACCOUNT_PROJECT.exec(binding.member);
  if (sa) return sa[1];
  if (!FEDERATED_KINDS.has(binding.memberKind)) return undefined;
  const pool = binding.memberReferences
    .map((a) => model.resources.get(a))
    .find((r) => r?.type === 'google_iam_workload_identity_pool');
  if (!pool) return undefined;
  if (typeof pool.body.project === 'string') {
    const project = model.resolve(pool.body.project);
    return project.includes('${') ? undefined : project;
  }
  // Without a project argument the pool is in its provider's project: the default provider's
  // when it names no other one.
  return pool.body.provider === undefined ? model.defaultProject : undefined;
}
