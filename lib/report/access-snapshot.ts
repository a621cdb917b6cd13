import type {
  AccessBinding,
  AuditConfig,
  FederationTrust,
  StackModel,
  TargetLevel,
} from '../analysis/model';
import { readablePlaceholders, readableText } from '../analysis/readable-text';
import type {
  AccessFlag,
  AccessSnapshot,
  AuditEntry,
  ConditionEntry,
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

/** Compares what two grants grant: principal, role, target and condition, whatever their address or stack. */
export function compareGrantKeys(a: GrantEntry, b: GrantEntry): number {
  return (
    compareText(a.principal, b.principal) ||
    compareText(a.role, b.role) ||
    compareText(a.target, b.target) ||
    compareText(a.condition?.expression ?? '', b.condition?.expression ?? '')
  );
}

/** The order of grants: what a reader looks for first (who, what, on what, under which condition), then where. */
export function compareGrants(a: GrantEntry, b: GrantEntry): number {
  return (
    compareGrantKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

/** Compares the identities of two federation trusts. */
export function compareTrustKeys(a: TrustEntry, b: TrustEntry): number {
  return (
    compareText(a.cloud, b.cloud) || compareText(a.kind, b.kind) || compareText(a.name, b.name)
  );
}

/** The order of federation trusts. */
export function compareTrusts(a: TrustEntry, b: TrustEntry): number {
  return (
    compareTrustKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

/** Compares what two audit log configurations configure: their target and service. */
export function compareAuditLogKeys(a: AuditEntry, b: AuditEntry): number {
  return compareText(a.target, b.target) || compareText(a.service, b.service);
}

/** The order of audit log configurations. */
export function compareAuditLogs(a: AuditEntry, b: AuditEntry): number {
  return (
    compareAuditLogKeys(a, b) || compareText(a.stack, b.stack) || compareText(a.address, b.address)
  );
}

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
    addGrants(model, grants);
    for (const trust of model.federation) trusts.push(trustEntry(model, trust));
    for (const config of model.auditConfigs) auditLogs.push(auditEntry(model, config));
    ignored += addIgnored(model, ignoredTypes);
  }
  const sorted = options.sorted ?? true;
  return {
    stacks: models.map((m) => m.stack).sort(compareText),
    grants: sorted ? grants.sort(compareGrants) : grants,
    trusts: sorted ? trusts.sort(compareTrusts) : trusts,
    auditLogs: sorted ? auditLogs.sort(compareAuditLogs) : auditLogs,
    ignored: { count: ignored, types: [...ignoredTypes].sort(compareText) } as IgnoredResources,
  };
}

/** Adds the grant entry of each of the model's bindings to `grants`. */
function addGrants(model: StackModel, grants: GrantEntry[]): void {
  const flags = new GrantFlags(model);
  for (const binding of model.bindings) grants.push(new Grant(model, binding, flags));
}

/** A federation trust as the report shows it. */
function trustEntry(model: StackModel, trust: FederationTrust): TrustEntry {
  return {
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
  };
}

/** An audit log configuration as the report shows it, log types and exempted members sorted. */
function auditEntry(model: StackModel, config: AuditConfig): AuditEntry {
  return {
    stack: model.stack,
    target: `${config.level} ${readablePlaceholders(config.target)}`,
    service: config.service,
    logTypes: sortBy(
      config.logTypes.map((l) => ({
        logType: l.logType,
        exemptedMembers: l.exemptedMembers.map((m) => readableText(model, m)).sort(compareText),
      })),
      (a, b) => compareText(a.logType, b.logType),
    ),
    address: config.resource.address,
    path: config.resource.path,
  };
}

/** Counts the model's resources that the report does not read, and adds their types to `types`. */
function addIgnored(model: StackModel, types: Set<string>): number {
  let ignored = 0;
  // Resources come grouped by type: each type is judged once.
  let type: string | undefined;
  let read = true;
  for (const resource of model.resources.values()) {
    if (resource.mode !== 'managed') continue;
    if (resource.type !== type) {
      type = resource.type;
      read = isRead(type);
      if (!read) types.add(type);
    }
    if (!read) ignored++;
  }
  return ignored;
}

/** Resources of the providers the model reads, except those that grant access in ways it does not. */
function isRead(type: string): boolean {
  return (type.startsWith('google_') || type.startsWith('azurerm_')) && !ACCESS_NOT_READ.has(type);
}

/**
 * The entry of one binding. A class: a report makes one per grant and keeps them all, and class
 * instances have one shape and avoid the tenuring deoptimizations of object literals.
 */
class Grant implements GrantEntry {
  public readonly stack: string;
  public readonly cloud: 'google' | 'azure';
  public readonly principal: string;
  public readonly role: string;
  public readonly permissions?: number;
  public readonly customPermissions?: readonly string[];
  public readonly target: string;
  public readonly level: TargetLevel;
  public readonly condition?: ConditionEntry;
  public readonly address: string;
  public readonly path?: string;
  public readonly flags: readonly AccessFlag[];

  constructor(model: StackModel, binding: AccessBinding, flags: GrantFlags) {
    const { target } = binding;
    this.stack = model.stack;
    this.cloud = binding.cloud;
    this.principal = readableText(model, binding.member);
    this.role = binding.role;
    this.permissions = flags.permissionsOf(binding);
    this.customPermissions = binding.customRolePermissions
      ? [...binding.customRolePermissions].sort(compareText)
      : undefined;
    this.target = `${shortType(target.type)} ${readablePlaceholders(target.id)}`;
    this.level = target.level;
    this.condition = binding.condition;
    this.address = binding.address;
    this.path = binding.path;
    this.flags = flags.of(binding, target.project);
  }
}

const PROVIDER_PREFIX = /^(google|azurerm)_/;

/** Short types by type: a stack has a few target types and thousands of grants on them. */
const SHORT_TYPES = new Map<string, string>();

/** `cloud_run_v2_service` for `google_cloud_run_v2_service`. */
function shortType(type: string): string {
  let short = SHORT_TYPES.get(type);
  if (short === undefined) {
    short = type.replace(PROVIDER_PREFIX, '');
    SHORT_TYPES.set(type, short);
  }
  return short;
}
