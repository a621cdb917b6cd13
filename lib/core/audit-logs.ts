import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AuditConfigEntry, AuditConfigOwners } from './private/audit-owner';
import { invalidProps, invalidValue } from './private/messages';
import { OncePerKey } from './private/once-per-key';
import { requireApis } from './private/required-apis';
import { checkArg, constructInStack, text } from './private/shape';
import { stableId } from './private/stable-id';
import { stackSingleton } from './private/stack-singleton';
import { isUnresolved, validateProjectId } from './private/validate';

/** The log types every audit config of the library turns on. */
const LOG_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];
const SERVICE = /^(allServices|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com)$/;
const SINGLETON_ID = 'GuardrailsAuditLogs';
const PROJECT = text({ example: "'acme-prod'" });
const SERVICE_NAME = text({ example: "'storage.googleapis.com'" });
const SCOPE = constructInStack();

/**
 * The Data Access audit logs of an app: **one** `google_project_iam_audit_config` per
 * (project, service), with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members, held
 * by **one** stack of the app.
 *
 * The resource is authoritative for its service: two of them for the same project and service
 * (in one stack or in two) overwrite each other on every apply, and destroying either turns
 * the logs off for the other. Constructs therefore never create audit configs themselves; they
 * call `AuditLogs.of(this).enable(project, service)`. The first stack of the app to enable a
 * (project, service) owns its config, unless a stack was named with `AuditLogs.designateOwner`;
 * other stacks write nothing for it and rely on the owner (an info annotation names it).
 *
 * Data Access logs are billed by volume in Cloud Logging; they are what shows who read
 * which secret, object or prediction.
 */
export class AuditLogs extends Construct {
  /** The audit logs of the stack that contains `scope`, created at the stack root on first use. */
  public static of(scope: IConstruct): AuditLogs {
    return stackSingleton(
      checkArg('AuditLogs.of', 'scope', scope, SCOPE),
      SINGLETON_ID,
      (c): c is AuditLogs => c instanceof AuditLogs,
      (stack, id) => new AuditLogs(stack, id),
    );
  }

  /**
   * Makes the stack that contains `scope` (a foundation stack) own every audit config that
   * any stack of its app enables, including those enabled before this call: the result does
   * not depend on the order in which stacks are constructed. One owner per app.
   */
  public static designateOwner(scope: IConstruct): void {
    const stack = TerraformStack.of(checkArg('AuditLogs.designateOwner', 'scope', scope, SCOPE));
    const owners = AuditConfigOwners.of(stack);
    const current = owners.designatedOwner;
    if (current && current !== stack) {
      throw invalidProps(
        'AuditLogs.designateOwner',
        'scope',
        `names stack '${stack.node.path}', but stack '${current.node.path}' already owns the audit configs of this app`,
        'Name one owning stack per app; the other stacks rely on it.',
      );
    }
    const ownerLogs = AuditLogs.of(stack);
    for (const [entry, previous] of owners.designate(stack)) {
      const previousLogs = AuditLogs.of(previous);
      previousLogs.release(entry);
      ownerLogs.hold(entry);
      previousLogs.noteOwner(entry);
    }
  }

  private readonly held = new Map<AuditConfigEntry, ProjectIamAuditConfig>();
  /** Configs whose project or service is a reference: comparable only within this stack. */
  private readonly local = new OncePerKey<ProjectIamAuditConfig>();
  private readonly noted = new Set<string>();
  /** The (project, service) texts this stack has enabled: each is checked and placed once. */
  private readonly enabled = new Set<string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * Turns on ADMIN_READ, DATA_READ and DATA_WRITE audit logs for `service`
   * (e.g. `secretmanager.googleapis.com`) in `project`. Idempotent. The config is written by
   * the stack of the app that owns it (this one, if it is the first to ask and no owner was
   * named); a project or service given by reference is always written by this stack.
   */
  public enable(project: string, service: string): void {
    // Constructs enable the same logs for each resource they make (a Secret Manager reader
    // per Cloud Run service): a pair enabled before has passed every check and has its
    // config, so asking again changes nothing.
    const known =
      typeof project === 'string' && typeof service === 'string'
        ? `${project}\n${service}`
        : undefined;
    if (known !== undefined && this.enabled.has(known)) return;
    project = checkArg(this, 'project', project, PROJECT);
    service = checkArg(this, 'service', service, SERVICE_NAME);
    validateProjectId(this, 'project', project);
    if (!isUnresolved(service) && !SERVICE.test(service)) {
      throw invalidValue(
        this,
        'service',
        service,
        "must be a service name ending in '.googleapis.com', or 'allServices'",
        "Use e.g. 'storage.googleapis.com'.",
      );
    }
    if (isUnresolved(project) || isUnresolved(service)) {
      this.local.get(this, idPrefix(service), [project, service], (id) =>
        this.create(id, project, service),
      );
    } else {
      const entry = AuditConfigOwners.of(this).request(project, service, TerraformStack.of(this));
      const owner = AuditLogs.of(entry.owner);
      owner.hold(entry);
      if (owner !== this) this.noteOwner(entry);
    }
    if (known !== undefined) this.enabled.add(known);
  }

  /** The audit configs this stack writes, in the order they were enabled. */
  public get configurations(): ProjectIamAuditConfig[] {
    return [...this.held.values(), ...this.local.values()];
  }

  /** Writes the config of `entry` in this stack, once. */
  private hold(entry: AuditConfigEntry): void {
    if (this.held.has(entry)) return;
    const id = configId(this, entry);
    this.held.set(entry, this.create(id, entry.project, entry.service));
  }

  /** Stops writing the config of `entry` (another stack owns it now). */
  private release(entry: AuditConfigEntry): void {
    const config = this.held.get(entry);
    if (!config) return;
    this.node.tryRemoveChild(config.node.id);
    this.held.delete(entry);
  }

  /** Records, once per config, which stack this one relies on. */
  private noteOwner(entry: AuditConfigEntry): void {
    const key = `${entry.project}\n${entry.service}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    Annotations.of(this).addInfo(
      `the ${entry.service} audit logs of project '${entry.project}' are written by stack '${entry.owner.node.path}' of this app (one owner per project and service); they are on once that stack is applied.`,
    );
  }

  private create(id: string, project: string, service: string): ProjectIamAuditConfig {
    const config = new ProjectIamAuditConfig(this, id, {
      project,
      service,
      auditLogConfig: LOG_TYPES.map((logType) => ({ logType })),
    });
    // Audit configs are part of the project's IAM policy, written through Resource Manager.
    requireApis(config, project, ['cloudresourcemanager.googleapis.com']);
    return config;
  }
}

/**
 * `secretmanager` for `secretmanager.googleapis.com`: the readable start of a config's id.
 * Token text never reaches a construct id (it changes with creation order).
 */
function idPrefix(service: string): string {
  return isUnresolved(service) ? 'audit-config' : service.replace(/\.googleapis\.com$/, '');
}

/** The construct id of a config: the same in whichever stack holds it. */
function configId(scope: IConstruct, entry: AuditConfigEntry): string {
  return stableId(scope, idPrefix(entry.service), [entry.project, entry.service]);
}
