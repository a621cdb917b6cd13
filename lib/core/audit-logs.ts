import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { Construct, IConstruct } from 'constructs';
import { invalidValue } from './private/messages';
import { OncePerKey } from './private/once-per-key';
import { checkArg, constructInStack, text } from './private/shape';
import { stackSingleton } from './private/stack-singleton';
import { isUnresolved, validateProjectId } from './private/validate';

/** The log types every audit config of the library turns on. */
const LOG_TYPES = ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'];
const SERVICE = /^(allServices|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com)$/;
const SINGLETON_ID = 'GuardrailsAuditLogs';
const PROJECT = text({ example: "'acme-prod'" });
const SERVICE_NAME = text({ example: "'storage.googleapis.com'" });

/**
 * The Data Access audit logs of a stack: **one** `google_project_iam_audit_config` per
 * (project, service), with ADMIN_READ, DATA_READ and DATA_WRITE and no exempted members.
 *
 * GCP keeps one audit config per service and project, so two resources for the same pair
 * would overwrite each other on every apply. Constructs therefore never create audit
 * configs themselves; they call `AuditLogs.of(this).enable(project, service)`, and asking
 * twice returns the same resource.
 *
 * Data Access logs are billed by volume in Cloud Logging; they are what shows who read
 * which secret, object or prediction.
 */
export class AuditLogs extends Construct {
  /** The audit logs of the stack that contains `scope`, created at the stack root on first use. */
  public static of(scope: IConstruct): AuditLogs {
    return stackSingleton(
      checkArg('AuditLogs.of', 'scope', scope, constructInStack()),
      SINGLETON_ID,
      (c): c is AuditLogs => c instanceof AuditLogs,
      (stack, id) => new AuditLogs(stack, id),
    );
  }

  private readonly configs = new OncePerKey<ProjectIamAuditConfig>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * Turns on ADMIN_READ, DATA_READ and DATA_WRITE audit logs for `service`
   * (e.g. `secretmanager.googleapis.com`) in `project`. Idempotent.
   *
   * @returns the one audit config of that project and service in this stack
   */
  public enable(project: string, service: string): ProjectIamAuditConfig {
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
    const prefix = service.replace(/\.googleapis\.com$/, '');
    return this.configs.get(
      this,
      prefix,
      [project, service],
      (id) =>
        new ProjectIamAuditConfig(this, id, {
          project,
          service,
          auditLogConfig: LOG_TYPES.map((logType) => ({ logType })),
        }),
    );
  }

  /** The audit configs of this stack, in the order they were enabled. */
  public get configurations(): ProjectIamAuditConfig[] {
    return this.configs.values();
  }
}
