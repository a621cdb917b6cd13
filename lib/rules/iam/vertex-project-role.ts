import { grantFindings, isProjectOrWider } from '../private/scope';
import type { Rule } from '../rule';

/** Vertex AI roles whose project-wide grant reaches every model, endpoint, dataset and job. */
export const VERTEX_BROAD_ROLES: ReadonlySet<string> = new Set([
  'roles/aiplatform.user',
  'roles/aiplatform.admin',
]);

/** aiplatform.user (446 permissions) or admin on a project, where a caller only needs to predict on one endpoint. */
export const iamVertexProjectRole: Rule = {
  id: 'iam-vertex-project-role',
  area: 'iam',
  severity: 'error',
  description:
    'roles/aiplatform.user or roles/aiplatform.admin is granted on a project, folder or organization.',
  fix: 'Let callers predict on one endpoint with VertexEndpointCaller (a custom role with aiplatform.endpoints.predict, bound on the endpoint).',
  acknowledgeable: true,
  check: (model) =>
    grantFindings(
      model,
      (b) => VERTEX_BROAD_ROLES.has(b.role) && isProjectOrWider(b),
      'it reaches every model, endpoint, dataset and training job there.',
    ),
};
