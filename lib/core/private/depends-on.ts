import { dependable, TerraformResource } from 'cdktf';
import { Grant } from '../grant';

/**
 * Makes `resource` wait for the bindings of `grants`. Terraform orders resources only by the
 * references between them, and a binding refers to the identity, not to the resource that
 * needs it: without this, a Cloud Run revision (or a CMEK bucket) is created in parallel with
 * the grant it needs to start, and fails on the first apply.
 */
export function dependOnGrants(resource: TerraformResource, grants: Grant[]): void {
  const bindings = new Set(grants.flatMap((g) => g.resources));
  if (bindings.size === 0) return;
  resource.dependsOn = [...(resource.dependsOn ?? []), ...[...bindings].map(dependable)];
}
