import { memberKind, normalizeMember } from '../../core/private/member-kinds';
import type {
  AccessBinding,
  AuditConfig,
  BindingCondition,
  BindingMode,
  BindingTarget,
  TargetLevel,
  TfResource,
} from '../model';
import { IamTargetReader } from './iam-targets';
import { Binding, BindingGrant, WrittenMember } from './model-objects';
import { isLiteral, ReferenceResolver, referencesIn, singleReference } from './references';

const LEVEL_OF_TYPE: Record<string, TargetLevel> = {
  google_organization: 'organization',
  google_folder: 'folder',
  google_project: 'project',
  google_billing_account: 'billing-account',
};
const IAM_SUFFIX = /_iam_(member|binding|policy|audit_config)$/;
const CUSTOM_ROLE_TYPES = new Set([
  'google_project_iam_custom_role',
  'google_organization_iam_custom_role',
]);

/** What a Google IAM resource type holds and what its targets are. */
export interface IamType {
  readonly kind: BindingMode | 'audit';
  /** The type without its `_iam_*` suffix: the kind of resource the target is. */
  readonly targetType: string;
  readonly level: TargetLevel;
}

/** IAM types by resource type, worked out once per type rather than once per resource. */
const IAM_TYPES = new Map<string, IamType | undefined>();

/** What the Google IAM resource type `type` holds, or undefined for other types. */
export function googleIamType(type: string): IamType | undefined {
  if (IAM_TYPES.has(type)) return IAM_TYPES.get(type);
  const m = type.startsWith('google_') ? IAM_SUFFIX.exec(type) : null;
  let info: IamType | undefined;
  if (m) {
    const targetType = type.slice(0, m.index);
    info = {
      kind: m[1] === 'audit_config' ? 'audit' : (m[1] as BindingMode),
      targetType,
      level: LEVEL_OF_TYPE[targetType] ?? 'resource',
    };
  }
  IAM_TYPES.set(type, info);
  return info;
}

/** What a Google IAM resource type is: a binding mode, an audit config, or neither. */
export function googleIamKind(type: string): BindingMode | 'audit' | undefined {
  return googleIamType(type)?.kind;
}

const NO_REFERENCES: readonly string[] = Object.freeze([]);

/** Reads bindings and audit configs out of Google IAM resources. */
export class GoogleAccessReader {
  /** Normalized members by their text: stacks repeat the same members many times. */
  private readonly members = new Map<string, WrittenMember>();
  /** Grants of literal roles without a condition, by role. */
  private readonly literalGrants = new Map<string, BindingGrant>();

  private readonly targets: IamTargetReader;

  /**
   * @param byType the stack's managed resources by type; the Google IAM resources that hold
   * bindings among them are the ones whose targets `IamTargetReader` reads together.
   */
  constructor(
    private readonly resources: ReadonlyMap<string, TfResource>,
    private readonly refs: ReferenceResolver,
    byType: ReadonlyMap<string, readonly TfResource[]>,
  ) {
    const bindingTypes = new Map<string, readonly TfResource[]>();
    for (const [type, ofType] of byType) {
      const kind = googleIamType(type)?.kind;
      if (kind !== undefined && kind !== 'audit' && ofType.length > 0) {
        bindingTypes.set(type, ofType);
      }
    }
    this.targets = new IamTargetReader(refs, bindingTypes);
  }

  /**
   * Adds the bindings held by one `google_*_iam_member|binding|policy` resource, of the IAM type
   * `iam` (`googleIamType`, looked up once per resource type), to `into`. Each binding is made
   * here, not by a helper: a helper called once per binding is small enough for V8 to compile it
   * on its own early, with the member classification inlined, and then again inside this
   * function (DESIGN.md section 6).
   */
  public readBindings(resource: TfResource, iam: IamType, into: AccessBinding[]): void {
    const target = this.targets.target(resource, iam.level, iam.targetType);
    const body = resource.body;
    const mode = iam.kind;
    if (mode === 'member') {
      const grant = this.grant(body.role, body.condition);
      const member = this.classified(String(body.member ?? ''));
      into.push(new Binding('google', mode, target, grant, member, resource));
    } else if (mode === 'binding') {
      const grant = this.grant(body.role, body.condition);
      for (const m of asArray(body.members)) {
        const member = this.classified(String(m ?? ''));
        into.push(new Binding('google', mode, target, grant, member, resource));
      }
    } else if (mode === 'policy') {
      for (const b of this.policy(resource).bindings) {
        const grant = this.grant(b.role, b.condition);
        for (const m of asArray(b.members)) {
          const member = this.classified(String(m ?? ''));
          into.push(new Binding('google', mode, target, grant, member, resource));
        }
      }
    }
  }

  /** The audit configs of a `google_*_iam_audit_config` resource. */
  public auditConfig(resource: TfResource): AuditConfig {
    const target = this.target(resource);
    return {
      level: target.level,
      target: target.id,
      service: String(resource.body.service ?? ''),
      logTypes: asArray(resource.body.audit_log_config).map((c) => {
        const config = asObject(c);
        return {
          logType: String(config.log_type ?? ''),
          exemptedMembers: asArray(config.exempted_members).map((m) => this.member(m)),
        };
      }),
      resource,
    };
  }

  /** The audit configs written inside the policy of an `_iam_policy` resource. */
  public policyAuditConfigs(resource: TfResource): AuditConfig[] {
    const target = this.target(resource);
    return this.policy(resource).auditConfigs.map((c) => ({
      level: target.level,
      target: target.id,
      service: c.service,
      logTypes: c.logTypes,
      resource,
    }));
  }

  /** The target of an IAM resource, from its non-binding arguments (see `IamTargetReader`). */
  public target(resource: TfResource): BindingTarget {
    const { targetType, level } = googleIamType(resource.type) ?? NOT_IAM;
    return this.targets.target(resource, level, targetType);
  }

  /** A member normalized: in-stack references resolved where the JSON allows, emails lower-cased. */
  public member(text: unknown): string {
    return this.classified(String(text)).member;
  }

  /** The normalized member and its kind, worked out once per distinct text. */
  private classified(written: string): WrittenMember {
    let known = this.members.get(written);
    if (!known) {
      const resolved = this.refs.resolve(written);
      const kind = memberKind(resolved);
      const member = normalizeMember(resolved, kind);
      const references = member.includes('${') ? this.inStackReferences(member) : NO_REFERENCES;
      known = new WrittenMember(written, member, kind, references);
      this.members.set(written, known);
    }
    return known;
  }

  /**
   * Addresses of the in-stack resources `text` refers to. Kept out of `classified`, which runs for
   * every binding: a function with a closure that captures `this` allocates a context on every
   * call, whether or not it makes the closure.
   */
  private inStackReferences(text: string): readonly string[] {
    return referencesIn(text)
      .map((r) => r.address)
      .filter((a) => this.resources.has(a));
  }

  /**
   * What a role (and condition) of an IAM resource grants, the same for each of its members.
   * Without a condition, a literal role grants the same in every resource: that grant is made
   * once per role (a stack binds a few roles thousands of times).
   */
  private grant(roleText: unknown, conditionValue: unknown): BindingGrant {
    if (conditionValue === undefined && isLiteral(roleText)) {
      let grant = this.literalGrants.get(roleText);
      if (!grant) {
        grant = { role: roleText, customRolePermissions: undefined, condition: undefined };
        this.literalGrants.set(roleText, grant);
      }
      return grant;
    }
    const roleWritten = String(roleText ?? '');
    return {
      role: this.refs.resolve(roleWritten),
      customRolePermissions: roleWritten.includes('${')
        ? this.customRolePermissions(roleWritten)
        : undefined,
      condition: this.condition(conditionValue),
    };
  }

  /** The permissions of the custom role `role` refers to, when it is one defined in the stack. */
  private customRolePermissions(role: string): string[] | undefined {
    const ref = singleReference(role);
    const roleResource = ref && this.resources.get(ref.address);
    return roleResource && CUSTOM_ROLE_TYPES.has(roleResource.type)
      ? asArray(roleResource.body.permissions).map(String)
      : undefined;
  }

  private condition(value: unknown): BindingCondition | undefined {
    if (value === undefined) return undefined;
    const c = asObject(Array.isArray(value) ? value[0] : value);
    if (typeof c.expression !== 'string') return undefined;
    return {
      expression: c.expression,
      title: typeof c.title === 'string' ? c.title : undefined,
      description: typeof c.description === 'string' ? c.description : undefined,
    };
  }

  /**
   * The bindings and audit configs of an `_iam_policy` resource's `policy_data`: a
   * `google_iam_policy` data source (snake_case blocks) or a JSON string as the IAM API
   * writes it (camelCase).
   */
  private policy(resource: TfResource): PolicyContent {
    const data = String(resource.body.policy_data ?? '');
    const ref = singleReference(data);
    const source = ref && this.resources.get(ref.address);
    if (source && source.type === 'google_iam_policy' && source.mode === 'data') {
      return this.policyContent(source.body.binding, source.body.audit_config, DATA_SOURCE_KEYS);
    }
    if (!isLiteral(data)) return { bindings: [], auditConfigs: [] };
    let parsed: Record<string, unknown>;
    try {
      parsed = asObject(JSON.parse(data));
    } catch {
      return { bindings: [], auditConfigs: [] };
    }
    return this.policyContent(parsed.bindings, parsed.auditConfigs, API_KEYS);
  }

  private policyContent(bindings: unknown, audits: unknown, keys: PolicyKeys): PolicyContent {
    return {
      bindings: asArray(bindings).map((b) => {
        const o = asObject(b);
        return { role: o.role, members: o.members, condition: o.condition };
      }),
      auditConfigs: asArray(audits).map((a) => {
        const o = asObject(a);
        return {
          service: String(o.service ?? ''),
          logTypes: asArray(o[keys.logConfigs]).map((l) => {
            const log = asObject(l);
            return {
              logType: String(log[keys.logType] ?? ''),
              exemptedMembers: asArray(log[keys.exempted]).map((x) => this.member(x)),
            };
          }),
        };
      }),
    };
  }
}

/** Key names of audit log configs in a policy. */
interface PolicyKeys {
  readonly logConfigs: string;
  readonly logType: string;
  readonly exempted: string;
}
const DATA_SOURCE_KEYS: PolicyKeys = {
  logConfigs: 'audit_log_configs',
  logType: 'log_type',
  exempted: 'exempted_members',
};
const API_KEYS: PolicyKeys = {
  logConfigs: 'auditLogConfigs',
  logType: 'logType',
  exempted: 'exemptedMembers',
};

/** Level and type of a target that is not an IAM resource's (never used for bindings). */
const NOT_IAM = { targetType: '', level: 'resource' as TargetLevel };

interface PolicyContent {
  bindings: Array<{ role: unknown; members: unknown; condition: unknown }>;
  auditConfigs: Array<{ service: string; logTypes: AuditConfig['logTypes'] }>;
}

/** A list argument (a single block may be written as an object). */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An object argument (a one-element block list counts as its element). */
export function asObject(value: unknown): Record<string, unknown> {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}
