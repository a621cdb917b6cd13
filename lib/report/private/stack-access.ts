import type { AuditConfig, FederationTrust, StackModel } from '../../analysis/model';
import { readablePlaceholders, readableText } from '../../analysis/readable-text';
import type { AuditEntry, GrantEntry, TrustEntry } from '../access-entries';
import { Grant } from './grant-entry';
import { GrantFlags } from './grant-flags';
import { compareText, sortBy } from './order';

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

/**
 * What the report shows of one stack, unsorted: its grants, federation trusts and audit log
 * configurations, and the resources it does not read. A pure function of the stack's name and
 * synthesized JSON, so a diff can share it between two outputs where a stack did not change.
 */
export interface StackAccess {
  readonly stack: string;
  readonly grants: readonly GrantEntry[];
  readonly trusts: readonly TrustEntry[];
  readonly auditLogs: readonly AuditEntry[];
  /** How many managed resources the report does not read. */
  readonly ignored: number;
  /** Their types. */
  readonly ignoredTypes: ReadonlySet<string>;
}

/** The entries of one stack, in the order of its model. Linear in the number of its resources. */
export function stackAccess(model: StackModel): StackAccess {
  const flags = new GrantFlags(model);
  const grants: GrantEntry[] = [];
  // An indexed loop: unoptimized code runs a `for...of` through the array iterator, one call and
  // one result object per binding (DESIGN.md section 6).
  const bindings = model.bindings;
  for (let i = 0; i < bindings.length; i++) grants.push(new Grant(model, bindings[i], flags));
  const ignoredTypes = new Set<string>();
  return {
    stack: model.stack,
    grants,
    trusts: model.federation.map((trust) => trustEntry(model, trust)),
    auditLogs: model.auditConfigs.map((config) => auditEntry(model, config)),
    ignored: addIgnored(model, ignoredTypes),
    ignoredTypes,
  };
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
