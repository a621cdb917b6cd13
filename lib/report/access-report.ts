import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { analyzeInProcess, stacksOf } from '../analysis/in-process';
import { invalidValue } from '../core/private/messages';
import type { AccessSnapshot } from './access-entries';
import { accessSnapshot } from './access-snapshot';
import { accessText } from './formats/access-text';
import { reportJson } from './formats/report-json';
import { reportMarkdown } from './formats/report-markdown';

/** One grant of an access report: who holds which role on what. */
export interface AccessReportGrant {
  /** The stack that writes it. */
  readonly stack: string;
  /**
   * The member, readable: service accounts of the stack as their email, other references as
   * `<kind identity>` (e.g. `principalSet://iam.googleapis.com/<pool acme-prod/ci>/attribute.repository/acme/api`).
   */
  readonly principal: string;
  /** The role: `roles/...`, a custom role's name, or an Azure built-in role's name. */
  readonly role: string;
  /**
   * How many permissions the role holds (Azure: operations), from the shipped catalog or the
   * stack's custom role.
   * @default - unknown: a role the catalog does not list, or a custom role defined elsewhere
   */
  readonly permissions?: number;
  /** What the grant is on: the kind of resource and its readable id. */
  readonly target: string;
  /**
   * The IAM condition's title.
   * @default - no title, or no condition
   */
  readonly conditionTitle?: string;
  /**
   * The IAM condition's CEL expression.
   * @default - unconditional
   */
  readonly conditionExpression?: string;
  /** The Terraform address of the resource that holds the grant. */
  readonly address: string;
  /**
   * The construct path of that resource.
   * @default - unknown
   */
  readonly path?: string;
  /**
   * Why to look twice: `public`, `federated`, `impersonation`, `project-wide`,
   * `cross-project`, `authoritative`.
   */
  readonly flags: string[];
}

/** Snapshots of reports, by report: the snapshot is plain TypeScript data, not part of the jsii API. */
const SNAPSHOTS = new WeakMap<AccessReport, AccessSnapshot>();

/**
 * Who can do what in a stack, read from the Terraform it synthesizes: every grant (ours and raw
 * provider resources), federation trust and audit log configuration. `toText()` is meant for
 * snapshot tests: it is token-free and the same for the same access whatever the order in which
 * constructs were created or their ids, so a pull request's snapshot diff shows only access
 * changes. `cdktf-guardrails report` prints the same from `cdktf.out`.
 */
export class AccessReport {
  /**
   * The report of the stack that contains `scope`, or of every stack under it (an app).
   * Aspects are invoked first, as `cdktf synth` does.
   */
  public static of(scope: IConstruct): AccessReport {
    if (!Construct.isConstruct(scope)) {
      throw invalidValue(
        'AccessReport.of',
        'scope',
        scope,
        'must be a construct',
        'Pass a TerraformStack, a construct in one, or an App.',
      );
    }
    const stacks = stacksOf(scope);
    for (const stack of stacks) invokeAspects(stack);
    return new AccessReport(accessSnapshot(stacks.map(analyzeInProcess)));
  }

  /** Every grant, sorted by principal, role, target and condition. */
  public readonly grants: AccessReportGrant[];

  private constructor(snapshot: AccessSnapshot) {
    SNAPSHOTS.set(this, snapshot);
    this.grants = snapshot.grants.map((g) => ({
      stack: g.stack,
      principal: g.principal,
      role: g.role,
      permissions: g.permissions,
      target: g.target,
      conditionTitle: g.condition?.title,
      conditionExpression: g.condition?.expression,
      address: g.address,
      path: g.path,
      flags: [...g.flags],
    }));
  }

  /**
   * A stable, token-free text of the access, for snapshot tests: one line per grant under its
   * principal (role, permission count, target, condition, flags), then federation trusts and
   * audit logs. No addresses, paths or stack names, so renames do not change it.
   */
  public toText(): string {
    return accessText(SNAPSHOTS.get(this)!);
  }

  /** The report as Markdown, as `cdktf-guardrails report` prints it (with addresses and construct paths). */
  public toMarkdown(): string {
    return reportMarkdown(SNAPSHOTS.get(this)!);
  }

  /**
   * The report as `cdktf-guardrails report --format json` prints it:
   * `{ grants: [{ stack, principal, role, permissions, target, condition, address, path, flags }], federation, auditLogs, summary }`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON object (jsii `any`)
  public toJson(): any {
    return reportJson(SNAPSHOTS.get(this)!);
  }
}
