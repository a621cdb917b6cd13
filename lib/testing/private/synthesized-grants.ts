import type { SynthesizedGrant } from '../grant-query';

/** A synthesized stack's Terraform JSON (`Testing.synth` output, parsed). */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly [key: string]: unknown;
}

/** Arguments of a Google IAM resource that are not part of what it is on. */
const NOT_TARGET = new Set([
  '//',
  'role',
  'member',
  'members',
  'condition',
  'policy_data',
  'provider',
  'depends_on',
  'lifecycle',
  'count',
  'for_each',
]);
/** Target arguments that place a resource rather than name it; shown first. */
const PLACEMENT = ['project', 'location', 'region', 'zone'];
/** `${type.name.attr}` and `${data.type.name.attr}`, the references cdktf writes. */
const REFERENCE = /\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/**
 * Every access grant of a synthesized stack, in one pass over its resources (`paths`: the
 * construct path of each resource address, when the JSON has no `//` metadata): Google
 * `*_iam_member`, `*_iam_binding` (one grant per member) and `*_iam_policy` (through its
 * `google_iam_policy` data source), and `azurerm_role_assignment`.
 */
export function synthesizedGrants(
  json: TerraformJson,
  paths: ReadonlyMap<string, string> = new Map(),
): SynthesizedGrant[] {
  const names = new ReferenceNames(json);
  const grants: SynthesizedGrant[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    const kind = bindingKind(type);
    if (!kind) continue;
    for (const [name, body] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const place = { address, resourceType: type, path: paths.get(address) ?? pathOf(body) };
      if (kind === 'azure') {
        const scope = names.readable(text(body.scope));
        grants.push({
          ...place,
          role: text(body.role_definition_name ?? body.role_definition_id),
          member: text(body.principal_id),
          target: scope,
          targetNames: namesOf([scope]),
        });
        continue;
      }
      const target = googleTarget(body, names);
      const entries =
        kind === 'member'
          ? [{ role: body.role, members: [body.member], condition: body.condition }]
          : kind === 'binding'
            ? [{ role: body.role, members: body.members, condition: body.condition }]
            : names.policyBindings(text(body.policy_data));
      for (const entry of entries) {
        const condition = firstBlock(entry.condition);
        for (const member of listOf(entry.members)) {
          grants.push({
            ...place,
            ...target,
            role: text(entry.role),
            member: text(member),
            conditionTitle: optionalText(condition?.title),
            conditionExpression: optionalText(condition?.expression),
          });
        }
      }
    }
  }
  return grants;
}

function bindingKind(type: string): 'member' | 'binding' | 'policy' | 'azure' | undefined {
  if (type === 'azurerm_role_assignment') return 'azure';
  const match = /^google_.+_iam_(member|binding|policy)$/.exec(type);
  return match ? (match[1] as 'member' | 'binding' | 'policy') : undefined;
}

function googleTarget(
  body: Record<string, unknown>,
  names: ReferenceNames,
): { target: string; targetNames: string[] } {
  const keys = Object.keys(body).filter((k) => !NOT_TARGET.has(k) && typeof body[k] === 'string');
  const placement = PLACEMENT.filter((k) => keys.includes(k));
  const naming = keys.filter((k) => !PLACEMENT.includes(k)).sort();
  const readable = (k: string) => names.readable(text(body[k]));
  return {
    target: [...placement, ...naming].map(readable).join('/'),
    targetNames: namesOf((naming.length > 0 ? naming : placement).map(readable)),
  };
}

/** Each name whole, and its last `/`-separated part. */
function namesOf(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v, v.split('/').pop() ?? v]))];
}

/**
 * Resolves references to resources of the same stack into readable names, looking each
 * referenced resource up once by address.
 */
class ReferenceNames {
  constructor(private readonly json: TerraformJson) {}

  /** `value` with each reference replaced by the referenced resource's name (or its address). */
  public readable(value: string): string {
    return value.replace(REFERENCE, (whole, data, type, name, attribute) => {
      const body = (data ? this.json.data : this.json.resource)?.[type]?.[name];
      if (!body) return whole;
      return (
        literal(body[attribute]) ??
        literal(body.name) ??
        literal(body.account_id) ??
        `${data ? 'data.' : ''}${type}.${name}`
      );
    });
  }

  /** The `binding` blocks of the `google_iam_policy` data source a policy resource points to. */
  public policyBindings(
    policyData: string,
  ): Array<{ role: unknown; members: unknown; condition: unknown }> {
    const match = /^\$\{data\.google_iam_policy\.([A-Za-z0-9_-]+)\.policy_data\}$/.exec(policyData);
    const policy = match ? this.json.data?.google_iam_policy?.[match[1]] : undefined;
    return listOf(policy?.binding) as Array<{
      role: unknown;
      members: unknown;
      condition: unknown;
    }>;
  }
}

function pathOf(body: Record<string, unknown>): string | undefined {
  const metadata = (body['//'] as { metadata?: { path?: unknown } } | undefined)?.metadata;
  return optionalText(metadata?.path);
}

function firstBlock(block: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(block) ? block[0] : block;
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : text(value);
}

/** A string without references, or undefined. */
function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !value.includes('${') ? value : undefined;
}
