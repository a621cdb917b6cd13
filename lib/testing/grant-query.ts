import { IGrantable } from '../core/principal';

/**
 * One access grant as the synthesized Terraform holds it: a `google_*_iam_member`, one
 * member of a `google_*_iam_binding` or `google_*_iam_policy`, or an
 * `azurerm_role_assignment`, whoever wrote it (the library or raw provider resources), as
 * the synthesized-Terraform model that the guardrails read describes it.
 */
export interface SynthesizedGrant {
  /** Terraform address of the resource that holds the grant, e.g. `google_storage_bucket_iam_member.x`. */
  readonly address: string;
  /** Terraform type of that resource, e.g. `google_storage_bucket_iam_member`. */
  readonly resourceType: string;
  /**
   * The role: `roles/...`, a custom role's name (`projects/<p>/roles/<id>`, resolved when the
   * role is defined in the stack), or an Azure role name or id.
   */
  readonly role: string;
  /**
   * Who holds it, normalized: `group:x@example.com` (emails lower-cased), and a service
   * account of the stack as `serviceAccount:<account id>@<project>.iam.gserviceaccount.com`.
   */
  readonly member: string;
  /** Who holds it, as written in the Terraform: e.g. `${google_service_account.api_Identity_1A2B3C4D.member}`. */
  readonly memberText: string;
  /**
   * What the grant is on, readable: its identifying arguments joined by `/`, references to
   * resources of the stack replaced by their values where the JSON has them, e.g.
   * `acme-prod/europe-west1/orders-api`.
   */
  readonly target: string;
  /**
   * The names a query's `target` matches: the whole target, its last `/`-separated part
   * (the service, bucket, secret, endpoint or vault), and the account id of a service account.
   */
  readonly targetNames: string[];
  /**
   * Title of the IAM condition.
   * @default - unconditional
   */
  readonly conditionTitle?: string;
  /**
   * CEL expression of the IAM condition.
   * @default - unconditional
   */
  readonly conditionExpression?: string;
  /**
   * Construct path of the resource, from the metadata cdktf writes.
   * @default - unknown (the resource has no metadata)
   */
  readonly path?: string;
}

/**
 * Which grants an assertion is about. Every field given must match; fields left out match
 * anything. References (tokens) in `role` and `target` are resolved in the stack first.
 */
export interface GrantQuery {
  /**
   * Who holds the grant: a ServiceIdentity, a SecureCloudRunService, a principal.
   * @default - any principal
   */
  readonly principal?: IGrantable;
  /**
   * Who holds the grant, as a member string, e.g. `allUsers` or `group:x@example.com`
   * (emails compare case-insensitively).
   * @default - any member
   */
  readonly member?: string;
  /**
   * The role, e.g. `roles/run.servicesInvoker`, or a custom role's `name` reference.
   * @default - any role
   */
  readonly role?: string;
  /**
   * What the grant is on, by name: a bucket name, Cloud Run service name, secret id, service
   * account id, endpoint id, the project of a project-level grant (see
   * `SynthesizedGrant.targetNames`), or the whole `SynthesizedGrant.target`.
   * @default - any target
   */
  readonly target?: string;
  /**
   * The Terraform type of the binding, e.g. `google_project_iam_member` for project-level grants.
   * @default - any type
   */
  readonly resourceType?: string;
  /**
   * Title of the IAM condition.
   * @default - any condition, or none
   */
  readonly conditionTitle?: string;
  /**
   * CEL expression of the IAM condition.
   * @default - any condition, or none
   */
  readonly conditionExpression?: string;
  /**
   * `true`: only grants with an IAM condition; `false`: only unconditional grants.
   * @default - either
   */
  readonly conditional?: boolean;
}
