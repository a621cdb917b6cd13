import { IConstruct } from 'constructs';
import { AuditLogs } from '../audit-logs';
import type { Grant } from '../grant';
import { bindIamMember, IamMemberFactory } from './iam-member';
import { requireApis } from './required-apis';

/** One grant on a resource created elsewhere (a dataset, a repository) of `service`. */
export interface ImportedResourceGrant {
  /** The import the user called; refusals and warnings name it. */
  readonly requester: IConstruct;
  readonly role: string;
  readonly grantee: unknown;
  /** The resource, named the same way by every import of it, e.g. `bigquery-dataset:p/d`. */
  readonly resource: string;
  readonly project: string;
  /** The resource's API, e.g. `bigquery.googleapis.com`: required, and whose audit logs are turned on. */
  readonly service: string;
  /** Turn on the Data Access audit logs of `service` in `project` (through AuditLogs' one owner). */
  readonly auditLogs: boolean;
  readonly create: IamMemberFactory;
}

/**
 * Binds a role on a resource the stack does not create: under the stack's shared bindings
 * (every import of the resource shares them), requiring the resource's API, with the Data
 * Access audit logs of its service on unless the import said otherwise.
 */
export function grantOnImported(g: ImportedResourceGrant): Grant {
  const { requester, project, service } = g;
  const grant = bindIamMember({
    requester,
    role: g.role,
    grantee: g.grantee,
    resource: g.resource,
    create: g.create,
  });
  grant.resources.forEach((r) => requireApis(r, project, [service], requester));
  if (g.auditLogs) AuditLogs.of(requester).enable(project, service);
  return grant;
}
