import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { IConstruct } from 'constructs';
import type { Grant } from '../../core/grant';
import { bindIamMember } from '../../core/private/iam-member';
import { requireApis } from '../../core/private/required-apis';
import { validateProjectId } from '../../core/private/validate';
import { Roles } from '../../core/roles';

/**
 * `roles/bigquery.jobUser` (9 permissions, `bigquery.jobs.create` the one that matters) on
 * `project`: BigQuery jobs belong to the project that runs and pays for them, not to a dataset,
 * so this grant is project-level by nature (https://cloud.google.com/bigquery/docs/access-control).
 * It reaches no data by itself. Under the stack's shared bindings: every dataset grant that asks
 * for the same project and grantee shares it.
 */
export function allowBigQueryJobs(
  requester: IConstruct,
  grantee: unknown,
  project: string,
  prop: string,
): Grant {
  validateProjectId(requester, prop, project);
  const role = Roles.BIGQUERY_JOB_USER.name;
  const grant = bindIamMember({
    requester,
    prop: 'grantee',
    role,
    grantee,
    resource: `project:${project}`,
    create: (scope, id, member, condition) =>
      new ProjectIamMember(scope, id, { project, role, member, condition }),
  });
  grant.resources.forEach((r) => requireApis(r, project, ['bigquery.googleapis.com'], requester));
  return grant;
}
