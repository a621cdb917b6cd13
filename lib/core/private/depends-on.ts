import { IResolvable, TerraformResource, Token } from 'cdktf';
import { Grant } from '../grant';

/** The bindings each resource waits for, written into its `depends_on` at synth. */
const WAITS_FOR = new WeakMap<TerraformResource, Set<TerraformResource>>();

/**
 * Makes `resource` wait for the bindings of `grants`. Terraform orders resources only by the
 * references between them, and a binding refers to the identity, not to the resource that
 * needs it: without this, a Cloud Run revision (or a CMEK bucket) is created in parallel with
 * the grant it needs to start, and fails on the first apply.
 *
 * The addresses are written at synth, when every logical id is final, by one resolvable value
 * per resource (merged with the resource's own `dependsOn`): cheaper than a reference token per
 * binding in stacks with thousands of them.
 */
export function dependOnGrants(resource: TerraformResource, grants: Grant[]): void {
  let waitsFor = WAITS_FOR.get(resource);
  for (const grant of grants) {
    for (const binding of grant.resources) {
      if (!waitsFor) {
        WAITS_FOR.set(resource, (waitsFor = new Set<TerraformResource>()));
        resource.addOverride('depends_on', new DependsOnAtSynth(resource, waitsFor));
      }
      waitsFor.add(binding);
    }
  }
}

/**
 * The `depends_on` list of one resource, produced when the stack is resolved. The same as
 * `Lazy.anyValue`, without recording the stack trace of its creation: cdktf only shows that
 * trace when resolving fails, and this value cannot fail, while recording it (every frame of
 * the call stack, formatted and kept until synth) is one of the larger costs per Cloud Run
 * service.
 */
class DependsOnAtSynth implements IResolvable {
  constructor(
    private readonly resource: TerraformResource,
    private readonly bindings: ReadonlySet<TerraformResource>,
  ) {}

  /** What cdktf shows, in place of a creation stack, if resolving the stack fails here. */
  public get creationStack(): string[] {
    return [`depends_on of ${this.resource.node.path}, written by cdktf-guardrails`];
  }

  public resolve(): string[] {
    return [...(this.resource.dependsOn ?? []), ...[...this.bindings].map(addressOf)];
  }

  public toString(): string {
    return Token.asString(this);
  }

  /** As cdktf's own lazy values: `JSON.stringify` of an unresolved value says what it is. */
  public toJSON(): string {
    return '<unresolved-lazy>';
  }
}

/** `type.name`, as `depends_on` names a resource of the same stack. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
