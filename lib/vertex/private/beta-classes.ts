import type { GoogleVertexAiEndpointIamMember } from '@cdktf/provider-google-beta/lib/google-vertex-ai-endpoint-iam-member';
import { IConstruct } from 'constructs';
import { loadOptionalProvider, OPTIONAL_PROVIDERS } from '../../core/private/optional-provider';

/**
 * The class of `google_vertex_ai_endpoint_iam_member`, from the optional google-beta
 * package (only google-beta has endpoint-level Vertex AI IAM). Loaded when a caller is bound
 * on an endpoint, so a stack that binds on the project does not need the package.
 */
export function endpointIamMemberClass(scope: IConstruct): typeof GoogleVertexAiEndpointIamMember {
  return loadOptionalProvider<
    typeof import('@cdktf/provider-google-beta/lib/google-vertex-ai-endpoint-iam-member')
  >(scope, OPTIONAL_PROVIDERS.googleBeta, 'google-vertex-ai-endpoint-iam-member', {
    prop: 'scope',
    usedFor:
      'VertexGrantScope.ENDPOINT (the default) binds with google_vertex_ai_endpoint_iam_member',
    alternative:
      'use scope: VertexGrantScope.PROJECT (the caller could then predict on every endpoint of the project)',
  }).GoogleVertexAiEndpointIamMember;
}
