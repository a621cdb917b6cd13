/**
 * Where a Vertex AI endpoint caller's custom role is bound. Pass a member of this enum: the
 * raw string `'PROJECT'` is refused, so that a project-wide grant is always a deliberate choice.
 */
export enum VertexGrantScope {
  /**
   * On the one endpoint (`google_vertex_ai_endpoint_iam_member`, google-beta provider).
   * The caller can predict on this endpoint and no other.
   */
  ENDPOINT = 'ENDPOINT',
  /**
   * On the project (`google_project_iam_member`): the caller can predict on **every**
   * endpoint of the project. Only for providers or tools without endpoint-level IAM.
   */
  PROJECT = 'PROJECT_WIDE',
}
