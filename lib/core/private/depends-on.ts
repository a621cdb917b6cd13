import { Lazy, TerraformResource } from 'cdktf';
import { Grant } from '../grant';

/** The bindings each resource waits for, written into its `depends_on` at synth. */
const WAITS_FOR = new WeakMap<TerraformResource, Set<TerraformResource>>();

/**
 * Makes `resource` wait for the bindings of `grants`. Terraform orders resources only by the
 * references between them, and a binding refers to the identity, not to the resource that
 * needs it: without this, a Cloud Run revision (or a CMEK bucket) is created in parallel with
 * the grant it needs to start, and fails on the first apply.
 *
 * The addresses are written at synth, when every logical id is final, by one lazy value per
 * resource (merged with the resource's own `dependsOn`): cheaper than a reference token per
 * binding in stacks with thousands of them.
 */
export function dependOnGrants(resource: TerraformResource, grants: Grant[]): void {
  const bindings = grants.flatMap((g) => g.resources);
  if (bindings.length === 0) return;
  let waitsFor = WAITS_FOR.get(resource);
  if (!waitsFor) {
    const known = (waitsFor = new Set<TerraformResource>());
    WAITS_FOR.set(resource, known);
    resource.addOverride(
      'depends_on',
      Lazy.anyValue({
        produce: () => [...(resource.dependsOn ?? []), ...[...known].map(addressOf)],
      }),
    );
  }
  for (const binding of bindings) waitsFor.add(binding);
}

/** `type.name`, as `depends_on` names a resource of the same stack. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
