import type { AccessBinding, StackModel } from '../analysis/model';
import { readablePlaceholders, readableText } from '../analysis/readable-text';
import type {
  AccessSnapshot,
  AuditEntry,
  GrantEntry,
  IgnoredResources,
  TrustEntry,
} from './access-entries';
import { GrantFlags } from './private/grant-flags';
import { compareText, sortBy } from './private/order';

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

/** The order of each list of a snapshot: what a reader looks for first. */
export const GRANT_ORDER = (g: GrantEntry): string[] => [
  g.principal,
  g.role,
  g.target,
  g.condition?.expression ?? '',
  g.stack,
  g.address,
];
export const TRUST_ORDER = (t: TrustEntry): string[] => [
  t.cloud,
  t.kind,
  t.name,
  t.stack,
  t.address,
];
export const AUDIT_ORDER = (a: AuditEntry): string[] => [a.target, a.service, a.stack, a.address];

/** Options of `accessSnapshot`. */
export interface SnapshotOptions {
  /**
   * Sort the grants, trusts and audit configs. A diff leaves them unsorted and sorts only what
   * changed: sorting thousands of grants twice costs as much as reading them.
   * @default true
   */
  readonly sorted?: boolean;
}

/**
 * Every grant, federation trust and audit log configuration of `models`, readable, sorted
 * unless asked otherwise. Linear in the number of resources (one pass over each stack's
 * bindings, trusts and audit configs), then one sort.
 */
export function accessSnapshot(
  models: readonly StackModel[],
  options: SnapshotOptions = {},
): AccessSnapshot {
  const grants: GrantEntry[] = [];
  const trusts: TrustEntry[] = [];
  const auditLogs: AuditEntry[] = [];
  const ignoredTypes = new Set<string>();
  let ignored = 0;
  for (const model of models) {
    const flags = new GrantFlags(model);
    for (const binding of model.bindings) grants.push(grantEntry(model, binding, flags));
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
  const sorted = options.sorted ?? true;
  return {
    stacks: models.map((m) => m.stack).sort(compareText),
    grants: sorted ? sortBy(grants, GRANT_ORDER) : grants,
    trusts: sorted ? sortBy(trusts, TRUST_ORDER) : trusts,
    auditLogs: sorted ? sortBy(auditLogs, AUDIT_ORDER) : auditLogs,
    ignored: { count: ignored, types: [...ignoredTypes].sort(compareText) } as IgnoredResources,
  };
}

/** Resources of the providers the model reads, except those that grant access in ways it does not. */
function isRead(type: string): boolean {
  return (type.startsWith('google_') || type.startsWith('azurerm_')) && !ACCESS_NOT_READ.has(type);
}

function grantEntry(model: StackModel, binding: AccessBinding, flags: GrantFlags): GrantEntry {
  const { target, condition, resource } = binding;
  return {
    stack: model.stack,
    cloud: binding.cloud,
    principal: readableText(model, binding.member),
    role: binding.role,
    permissions: flags.permissionsOf(binding),
    customPermissions: binding.customRolePermissions
      ? [...binding.customRolePermissions].sort(compareText)
      : undefined,
    target: `${shortType(target.type)} ${readablePlaceholders(target.id)}`,
    level: target.level,
    condition,
    address: resource.address,
    path: resource.path,
    flags: flags.of(binding),
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
