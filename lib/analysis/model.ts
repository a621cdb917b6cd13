// The synthesized-Terraform model that the stack-wide rules and the access report read
// (DESIGN.md section 7). Plain data, built once per stack by `analyzeStack`, linear in the
// number of resources. Not part of the jsii API: TypeScript users import it from
// `cdktf-guardrails/lib/analysis`.
import type { MemberKind } from '../core/private/member-kinds';

/** One resource or data source of a synthesized stack. */
export interface TfResource {
  /** The stack it belongs to (the `stackName` cdktf recorded, or the folder name). */
  readonly stack: string;
  /** `managed` for `resource` blocks, `data` for data sources. */
  readonly mode: 'managed' | 'data';
  /** Terraform type, e.g. `google_project_iam_member`. */
  readonly type: string;
  /** Terraform name (cdktf's logical id), e.g. `api_runservicesInvoker-68ffbc028af7_C3733CD6`. */
  readonly name: string;
  /** `type.name`, or `data.type.name` for data sources: what `terraform plan` shows. */
  readonly address: string;
  /** The construct path cdktf recorded in the resource's `//` metadata, when it did. */
  readonly path?: string;
  /** The creation stack trace, when the cdktf version that synthesized it recorded one. */
  readonly stackTrace?: readonly string[];
  /** The resource's arguments as synthesized; its `//` key, if any, is cdktf's metadata. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** How far a binding reaches. */
export type TargetLevel =
  | 'organization'
  | 'folder'
  | 'project'
  | 'billing-account'
  | 'resource'
  /** Azure scopes, widest first. */
  | 'management-group'
  | 'subscription'
  | 'resource-group';

/** What a binding is on. */
export interface BindingTarget {
  readonly level: TargetLevel;
  /**
   * The kind of resource: the IAM resource type without its `_iam_member|_binding|_policy`
   * suffix (`google_storage_bucket`, `google_project`), or for Azure the type of the referenced
   * resource (`azurerm_key_vault`) or the scope kind (`subscription`).
   */
  readonly type: string;
  /**
   * A readable text of the target: its identifying arguments joined by `/`, with references
   * to in-stack resources replaced by their literal values where the JSON has them
   * (`acme-prod/europe-west1/orders-api`). The same target gives the same text.
   */
  readonly id: string;
  /** The in-stack resource the binding is on, when the target is a reference to one. */
  readonly address?: string;
  /** The Google project of the target when known (argument, referenced resource, or provider default). */
  readonly project?: string;
}

/** An IAM condition of a binding. */
export interface BindingCondition {
  readonly title?: string;
  readonly expression: string;
  readonly description?: string;
}

/**
 * How a binding was written. `member` and `role-assignment` add access; `binding` (all
 * members of a role) and `policy` (the whole policy) are authoritative and remove access
 * granted anywhere else.
 */
export type BindingMode = 'member' | 'binding' | 'policy' | 'role-assignment';

/** One (target, role, member, condition) grant, from any Google IAM resource or Azure role assignment. */
export interface AccessBinding {
  readonly cloud: 'google' | 'azure';
  readonly mode: BindingMode;
  readonly target: BindingTarget;
  /**
   * The role: `roles/...`, a custom role's name with in-stack references resolved
   * (`projects/<p>/roles/<id>`), or for Azure the built-in role name when known, else the
   * role definition id as written.
   */
  readonly role: string;
  /** The permissions of a custom role defined in the same stack, when the role refers to one. */
  readonly customRolePermissions?: readonly string[];
  /**
   * The member, normalized: in-stack service account references become
   * `serviceAccount:<account_id>@<project>.iam.gserviceaccount.com`, emails are lower-cased.
   * Other references stay as their Terraform expression (see `memberReferences`). For Azure,
   * the principal id as written or resolved.
   */
  readonly member: string;
  /** The member as written in the JSON. */
  readonly memberText: string;
  /** What the member stands for (Google members; `unknown` for Azure principals). */
  readonly memberKind: MemberKind;
  /** Addresses of in-stack resources the member refers to (e.g. a pool, a managed identity). */
  readonly memberReferences: readonly string[];
  /** Azure `principal_type` (`ServicePrincipal`, `User`, `Group`), when given. */
  readonly principalType?: string;
  readonly condition?: BindingCondition;
  /** The resource that holds the binding (for `policy`, the `_iam_policy` resource). */
  readonly resource: TfResource;
  /** `resource.address`: what `terraform plan` shows. */
  readonly address: string;
  /** `resource.path`: the construct path, when cdktf recorded it. */
  readonly path?: string;
  /** `resource.stack`. */
  readonly stack: string;
}

/** A log type of an audit config, with the members exempted from it. */
export interface AuditLogType {
  readonly logType: string;
  readonly exemptedMembers: readonly string[];
}

/** A Data Access audit log configuration (`google_*_iam_audit_config`, or `audit_config` in a policy). */
export interface AuditConfig {
  /** `project`, `folder` or `organization`. */
  readonly level: TargetLevel;
  /** The project, folder or organization, as readable text (references resolved). */
  readonly target: string;
  readonly service: string;
  readonly logTypes: readonly AuditLogType[];
  /** The resource that holds it. */
  readonly resource: TfResource;
}

/** A trust of external identities: a workload identity pool provider or an Azure federated credential. */
export interface FederationTrust {
  readonly cloud: 'google' | 'azure';
  /** `oidc`, `aws`, `saml` or `x509` for Google providers; `federated-credential` for Azure. */
  readonly kind: string;
  /** The token issuer (OIDC issuer URI), when there is one. */
  readonly issuer?: string;
  /** Audiences accepted (`allowed_audiences`, Azure `audience`). */
  readonly audiences: readonly string[];
  /** Google: the CEL `attribute_condition`, if any. */
  readonly condition?: string;
  /** Azure: the subject a token must carry. */
  readonly subject?: string;
  /**
   * The in-stack resource the trust belongs to, when it is given by reference: the workload
   * identity pool of a Google provider, the managed identity of an Azure federated credential.
   */
  readonly parentAddress?: string;
  readonly resource: TfResource;
}

/** An acknowledgement made in code with `Guardrails.acknowledge`, as recorded in the synthesized JSON. */
export interface Acknowledgement {
  /** Construct path of the acknowledged scope; findings on it and its children are acknowledged. */
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
}

/** Everything the rules and reports read of one synthesized stack. */
export interface StackModel {
  readonly stack: string;
  /** The file the stack was read from, when read from disk. */
  readonly file?: string;
  /** Managed resources and data sources by address. */
  readonly resources: ReadonlyMap<string, TfResource>;
  /** Every access binding, Google and Azure, additive and authoritative. */
  readonly bindings: readonly AccessBinding[];
  readonly auditConfigs: readonly AuditConfig[];
  readonly federation: readonly FederationTrust[];
  readonly acknowledgements: readonly Acknowledgement[];
  /** The project of the default `google` provider, when it is a literal. */
  readonly defaultProject?: string;
  /** Resources (not data sources) of one Terraform type, in file order. */
  resourcesOfType(type: string): readonly TfResource[];
  /**
   * The Google project of a resource when it is literal: its `project` argument (references
   * resolved), or without one, the project of its provider configuration.
   */
  projectOf(resource: TfResource): string | undefined;
  /**
   * `text` with references to in-stack resources replaced by their values where the JSON
   * gives them (a service account's email, a bucket's name...). Other text is unchanged.
   */
  resolve(text: string): string;
  /**
   * Like `resolve`, for people: a reference whose value only exists after apply becomes
   * `<type:identity>.attribute`, the identity made of the resource's literal identifying
   * arguments (`<google_iam_workload_identity_pool:acme-prod/ci>.name`). Stable when a
   * construct is renamed, so reports can match grants across synths by it.
   */
  describe(text: string): string;
  /**
   * A readable identity of a resource from its literal identifying arguments (project, name,
   * pool and provider ids...), or its address when it has none: what `describe` shows.
   */
  identityOf(resource: TfResource): string;
}
