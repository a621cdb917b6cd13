import type {
  AccessBinding,
  Acknowledgement,
  AuditConfig,
  FederationTrust,
  StackModel,
  TfResource,
} from './model';
import { federatedCredential, roleAssignmentBinding } from './private/azure-access';
import { asArray, asObject, GoogleAccessReader, googleIamType } from './private/google-access';
import { poolProviderTrust } from './private/google-federation';
import { SynthesizedResource } from './private/model-objects';
import { isLiteral, ReferenceResolver } from './private/references';

/**
 * Key of the library's block in a stack's top-level `"//"` metadata, where acknowledgements
 * made in code are written so that the command line honours them. Terraform ignores every
 * property named `"//"` in JSON configuration
 * (https://developer.hashicorp.com/terraform/language/syntax/json#comment-properties), which
 * is where cdktf keeps its own metadata too.
 */
export const GUARDRAILS_METADATA_KEY = 'cdktf-guardrails';

/** Thrown when a file or object is not a synthesized cdktf (Terraform JSON) stack. */
export class StackInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackInputError';
  }
}

/** Where a stack's JSON came from. */
export interface StackSource {
  /** The stack name; default: the `stackName` cdktf recorded, else `stack`. */
  readonly stack?: string;
  /** The file it was read from. */
  readonly file?: string;
}

const TOP_LEVEL_KEYS = new Set([
  '//',
  'resource',
  'data',
  'provider',
  'terraform',
  'output',
  'variable',
  'locals',
  'module',
  'moved',
  'import',
  'check',
  'removed',
]);

/** Resource types other than Google IAM resources that the model reads access from. */
const OTHER_ACCESS_TYPES = new Set([
  'azurerm_role_assignment',
  'google_iam_workload_identity_pool_provider',
  'azurerm_federated_identity_credential',
]);

/**
 * Builds the model of one synthesized stack: resources by address, every access binding,
 * audit configs, federation trusts and acknowledgements. Linear in the number of resources:
 * each resource is read once and references are looked up in the address index.
 *
 * @throws StackInputError when `json` is not a Terraform JSON configuration object
 */
export function analyzeStack(json: unknown, source: StackSource = {}): StackModel {
  const root = checkShape(json, source.file);
  const metadata = asObject(asObject(root['//']).metadata);
  const stack =
    source.stack ?? (typeof metadata.stackName === 'string' ? metadata.stackName : 'stack');

  const resources = new Map<string, TfResource>();
  const byType = new Map<string, TfResource[]>();
  collect(root, stack, resources, byType, source.file);

  const providerProjects = googleProviderProjects(root.provider);
  const refs = new ReferenceResolver(resources, providerProjects);
  const google = new GoogleAccessReader(resources, refs, byType);

  const bindings: AccessBinding[] = [];
  const auditConfigs: AuditConfig[] = [];
  const federation: FederationTrust[] = [];
  // Managed resources by type, in file order (the order of `resources`): each type is judged once.
  for (const [type, ofType] of byType) {
    const iam = googleIamType(type);
    if (!iam && !OTHER_ACCESS_TYPES.has(type)) continue;
    // Indexed loops over the resources and bindings: unoptimized code runs a `for...of` through
    // the array iterator, one call and one result object per element (DESIGN.md section 6).
    for (let i = 0; i < ofType.length; i++) {
      const resource = ofType[i];
      if (iam?.kind === 'audit') {
        auditConfigs.push(google.auditConfig(resource));
      } else if (iam) {
        google.readBindings(resource, iam, bindings);
        if (iam.kind === 'policy') auditConfigs.push(...google.policyAuditConfigs(resource));
      } else if (type === 'azurerm_role_assignment') {
        bindings.push(roleAssignmentBinding(resource, refs, resources));
      } else if (type === 'google_iam_workload_identity_pool_provider') {
        federation.push(poolProviderTrust(resource, refs));
      } else if (type === 'azurerm_federated_identity_credential') {
        federation.push(federatedCredential(resource, refs));
      }
    }
  }

  return new SynthesizedStack(
    stack,
    source.file,
    resources,
    bindings,
    auditConfigs,
    federation,
    readAcknowledgements(metadata),
    providerProjects.get('google'),
    byType,
    refs,
  );
}

/** The model of one stack; its methods read the indexes built once by `analyzeStack`. */
class SynthesizedStack implements StackModel {
  constructor(
    public readonly stack: string,
    public readonly file: string | undefined,
    public readonly resources: ReadonlyMap<string, TfResource>,
    public readonly bindings: readonly AccessBinding[],
    public readonly auditConfigs: readonly AuditConfig[],
    public readonly federation: readonly FederationTrust[],
    public readonly acknowledgements: readonly Acknowledgement[],
    public readonly defaultProject: string | undefined,
    private readonly byType: ReadonlyMap<string, readonly TfResource[]>,
    private readonly refs: ReferenceResolver,
  ) {}

  public resourcesOfType(type: string): readonly TfResource[] {
    return this.byType.get(type) ?? [];
  }

  public projectOf(resource: TfResource): string | undefined {
    return this.refs.projectOf(resource);
  }

  public resolve(text: string): string {
    return this.refs.resolve(text);
  }

  public describe(text: string): string {
    return this.refs.describe(text);
  }

  public identityOf(resource: TfResource): string {
    return this.refs.identity(resource);
  }
}

function checkShape(json: unknown, file: string | undefined): Record<string, unknown> {
  const where = file ? `${file}: ` : '';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new StackInputError(`${where}not a Terraform JSON configuration (expected an object).`);
  }
  const root = json as Record<string, unknown>;
  const keys = Object.keys(root);
  const unknown = keys.filter((k) => !TOP_LEVEL_KEYS.has(k));
  if (keys.length === 0 || unknown.length > 0) {
    throw new StackInputError(
      `${where}not a synthesized cdktf stack (cdk.tf.json)` +
        (unknown.length > 0 ? `: unexpected top-level key '${unknown[0]}'` : ': empty object') +
        '. Point the command at the output folder of `cdktf synth` (default cdktf.out).',
    );
  }
  for (const block of ['resource', 'data']) {
    const value = root[block];
    if (
      value !== undefined &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new StackInputError(`${where}'${block}' must be an object of resource types.`);
    }
  }
  return root;
}

/** Adds every resource and data source of the stack to `resources`, and the resources to `byType`. */
function collect(
  root: Record<string, unknown>,
  stack: string,
  resources: Map<string, TfResource>,
  byType: Map<string, TfResource[]>,
  file: string | undefined,
): void {
  for (const mode of MODES) {
    const types = (mode === 'managed' ? root.resource : root.data) as
      Record<string, unknown> | undefined;
    if (!types) continue;
    for (const type of Object.keys(types)) {
      const byName = types[type] as Record<string, unknown>;
      if (byName === null || typeof byName !== 'object' || Array.isArray(byName)) {
        throw new StackInputError(
          `${file ? `${file}: ` : ''}'${type}' must be an object of named resources.`,
        );
      }
      const list = mode === 'managed' ? (byType.get(type) ?? []) : undefined;
      if (list) byType.set(type, list);
      const names = Object.keys(byName);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        const value = byName[name];
        // The body is the synthesized object itself, not a copy: 10,000 copies cost more than
        // reading the file (DESIGN.md section 6). Its `//` key is cdktf's metadata.
        const resource = new SynthesizedResource(stack, mode, type, name, asObject(value));
        resources.set(resource.address, resource);
        list?.push(resource);
      }
    }
  }
}

/** The blocks of resources, read in this order: `resource`, then `data`. */
const MODES = ['managed', 'data'] as const;

/** Projects of the google and google-beta provider configurations, by `type` or `type.alias`. */
function googleProviderProjects(block: unknown): Map<string, string> {
  const projects = new Map<string, string>();
  for (const [type, configs] of Object.entries(asObject(block))) {
    if (!type.startsWith('google')) continue;
    for (const config of asArray(configs)) {
      const c = asObject(config);
      if (!isLiteral(c.project)) continue;
      projects.set(typeof c.alias === 'string' ? `${type}.${c.alias}` : type, c.project);
    }
  }
  return projects;
}

function readAcknowledgements(metadata: Record<string, unknown>): Acknowledgement[] {
  const block = asObject(metadata[GUARDRAILS_METADATA_KEY]);
  return asArray(block.acknowledgements).flatMap((a) => {
    const o = asObject(a);
    return typeof o.path === 'string' && typeof o.rule === 'string' && typeof o.reason === 'string'
      ? [{ path: o.path, rule: o.rule, reason: o.reason }]
      : [];
  });
}
