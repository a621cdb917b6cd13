import type { FederationTrust, TfResource } from '../model';
import { asArray, asObject } from './google-access';
import { ReferenceResolver, singleReference } from './references';

/** The provider kinds of `google_iam_workload_identity_pool_provider`, one block each. */
const PROVIDER_KINDS = ['oidc', 'aws', 'saml', 'x509'];

/** A `google_iam_workload_identity_pool_provider` as a federation trust. */
export function poolProviderTrust(resource: TfResource, refs: ReferenceResolver): FederationTrust {
  const body = resource.body;
  const kind = PROVIDER_KINDS.find((k) => body[k] !== undefined) ?? 'unknown';
  const oidc = asObject(body.oidc);
  return {
    cloud: 'google',
    kind,
    issuer: typeof oidc.issuer_uri === 'string' ? refs.resolve(oidc.issuer_uri) : undefined,
    audiences: asArray(oidc.allowed_audiences).map((a) => refs.resolve(String(a))),
    condition: typeof body.attribute_condition === 'string' ? body.attribute_condition : undefined,
    parentAddress: singleReference(String(body.workload_identity_pool_id ?? ''))?.address,
    resource,
  };
}
