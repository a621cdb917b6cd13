import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProps } from './messages';
import { stackRelativePath } from './stable-id';
import { checkAtSynth } from './synth-check';
import { isUnresolved } from './validate';

/** Resource kinds the stack may both create and import by name. */
export type CreatedKind = 'storage-bucket' | 'cloud-run-service';

/** Constructs that create each kind of resource, per stack, by the resource's name. */
const CREATED = new WeakMap<TerraformStack, Map<string, IConstruct>>();

/**
 * The key of a resource by its literal name parts (lower-cased: the names of buckets and
 * services are lower case, so another spelling is the same resource), or undefined when a
 * part is a token (only Terraform knows the name, so no import can be matched with it).
 */
function keyOf(kind: CreatedKind, parts: readonly string[]): string | undefined {
  if (parts.some(isUnresolved)) return undefined;
  return [kind, ...parts.map((p) => p.toLowerCase())].join('\n');
}

/**
 * Records that `construct` creates the `kind` resource named by `parts` (a bucket's name; a
 * Cloud Run service's project, location and name). The first construct of a name keeps it.
 */
export function registerCreated(
  construct: IConstruct,
  kind: CreatedKind,
  parts: readonly string[],
): void {
  const key = keyOf(kind, parts);
  if (key === undefined) return;
  const stack = TerraformStack.of(construct);
  let known = CREATED.get(stack);
  if (!known) CREATED.set(stack, (known = new Map()));
  if (!known.has(key)) known.set(key, construct);
}

/**
 * The construct of the stack of `scope` that creates the `kind` resource named by `parts`, if
 * any: an imported resource of that name grants through it, so both spellings share one
 * binding (two would remove each other's access on destroy) and Terraform creates the
 * resource before the binding.
 */
export function createdFor<T extends IConstruct>(
  scope: IConstruct,
  kind: CreatedKind,
  parts: readonly string[],
): T | undefined {
  const key = keyOf(kind, parts);
  if (key === undefined) return undefined;
  return CREATED.get(TerraformStack.of(scope))?.get(key) as T | undefined;
}

/**
 * Refuses at synth an import that bound access itself while the stack also creates the
 * resource (made after the import's first grant): the same access would then be bound twice,
 * and two bindings remove each other's access on destroy. Call once, at the first binding.
 */
export function refuseCreatedAfterImport(
  importer: IConstruct,
  kind: CreatedKind,
  parts: readonly string[],
  prop: string,
  factory: string,
): void {
  checkAtSynth(importer, () => {
    const created = createdFor(importer, kind, parts);
    if (!created) return;
    throw invalidProps(
      importer,
      prop,
      `names the resource that ${stackRelativePath(created)} creates in this stack, which was made after this import had granted access on it, so the access would be bound twice`,
      `Grant on ${created.node.id} itself, or create it before calling ${factory}.`,
    );
  });
}
