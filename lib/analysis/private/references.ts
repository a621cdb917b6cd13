import type { TfResource } from '../model';
import { argument } from './model-objects';

/**
 * References between resources as cdktf writes them: `${google_service_account.api_Identity_1A2B.email}`,
 * `${data.google_iam_policy.p.policy_data}`. Only whole, simple references are followed;
 * anything else (functions, indexes) is left as written.
 */
const REFERENCE = /\$\{((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}/g;
const SINGLE_REFERENCE = /^\$\{((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/;
/** How deep references to references are followed (a project id given by reference...). */
const MAX_DEPTH = 4;

/** Arguments that identify a resource, in the order a readable identity lists them. */
const IDENTITY_ARGUMENTS = [
  'project',
  'org_id',
  'folder',
  'resource_group_name',
  'location',
  'region',
  'workload_identity_pool_id',
  'workload_identity_pool_provider_id',
  'account_id',
  'bucket',
  'secret_id',
  'role_id',
  'name',
  'key_vault_id',
  'parent_id',
];

/** The address and attribute of each reference in `text`. */
export function referencesIn(text: string): Array<{ address: string; attribute: string }> {
  if (!text.includes('${')) return [];
  return [...text.matchAll(REFERENCE)].map((m) => ({ address: m[1], attribute: m[2] }));
}

/** The address and attribute when `text` is exactly one reference. */
export function singleReference(text: string): { address: string; attribute: string } | undefined {
  const m = SINGLE_REFERENCE.exec(text);
  return m ? { address: m[1], attribute: m[2] } : undefined;
}

/** True for a string with no Terraform expression in it. */
export function isLiteral(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('${');
}

/**
 * Resolves references to in-stack resources, exactly where the JSON gives the value
 * (`resolve`) or readably everywhere (`describe`: a value that only exists after apply is
 * shown as `<type:identity>`, built from the referenced resource's literal arguments).
 */
export class ReferenceResolver {
  constructor(
    private readonly resources: ReadonlyMap<string, TfResource>,
    /** Projects of the google and google-beta provider configurations, by `type` or `type.alias`. */
    private readonly providerProjects: ReadonlyMap<string, string>,
  ) {}

  /**
   * The Google project of a resource when it is literal: its `project` argument (resolved), or
   * for Google resources without one, the project of their provider configuration.
   */
  public projectOf(resource: TfResource): string | undefined {
    const project = argument(resource, 'project');
    if (typeof project === 'string') return this.literal(project, 0);
    if (!resource.type.startsWith('google_')) return undefined;
    const provider = argument(resource, 'provider');
    return this.providerProjects.get(
      typeof provider === 'string' ? provider : resource.type.split('_')[0],
    );
  }

  /** `text` with every reference whose value the JSON gives replaced by that value. */
  public resolve(text: string, depth = 0): string {
    if (depth > MAX_DEPTH || !text.includes('${')) return text;
    // Most references are the whole text (`${google_service_account.x.member}`): those need no
    // replace. `resolve` and `describeNow` each match on their own, not through one helper given
    // a callback or a flag: a call site that meets a second callback, or a branch first taken
    // after V8 optimized it, makes V8 throw away the optimized code and compile it again, which
    // on 10,000 resources costs more than the matching (DESIGN.md section 6).
    const single = SINGLE_REFERENCE.exec(text);
    if (single) return this.referenceValue(single[1], single[2], depth) ?? text;
    return this.resolveEach(text, depth);
  }

  /**
   * `resolve` of a text that is not one whole reference. Kept out of `resolve`, which runs for
   * every member and target: a function with a closure that captures `this` or a parameter
   * allocates a context on every call, whether or not it makes the closure.
   */
  private resolveEach(text: string, depth: number): string {
    return text.replace(
      REFERENCE,
      (whole, address: string, attribute: string) =>
        this.referenceValue(address, attribute, depth) ?? whole,
    );
  }

  /** Descriptions of texts at depth 0: a stack names the same resource in many bindings. */
  private readonly describedTexts = new Map<string, DescribedText>();

  /** Like `resolve`, but references whose value is unknown become `<type:identity>`. */
  public describe(text: string, depth = 0): string {
    if (!text.includes('${')) return text;
    if (depth > 0) return this.describeNow(text, depth);
    return this.described(text).text;
  }

  /**
   * `describe(text)` and the first in-stack resource `text` refers to, worked out once per text.
   * A text that is one whole reference (most are) is matched once for both.
   */
  public described(text: string): DescribedText {
    if (!text.includes('${')) return new DescribedText(text, undefined);
    let described = this.describedTexts.get(text);
    if (described === undefined) {
      const single = SINGLE_REFERENCE.exec(text);
      if (single) {
        const resource = this.resources.get(single[1]);
        described = new DescribedText(
          (resource && this.describeAttribute(resource, single[2], 0)) ?? text,
          resource,
        );
      } else {
        described = new DescribedText(this.describeNow(text, 0), this.firstReferenced(text));
      }
      this.describedTexts.set(text, described);
    }
    return described;
  }

  /** The first in-stack resource that one of the references in `text` names. */
  private firstReferenced(text: string): TfResource | undefined {
    for (const m of text.matchAll(REFERENCE)) {
      const resource = this.resources.get(m[1]);
      if (resource) return resource;
    }
    return undefined;
  }

  private describeNow(text: string, depth: number): string {
    const single = SINGLE_REFERENCE.exec(text);
    if (single) return this.describeReference(single[1], single[2], depth) ?? text;
    return this.describeEach(text, depth);
  }

  /** `describeNow` of a text that is not one whole reference (kept apart: see `resolveEach`). */
  private describeEach(text: string, depth: number): string {
    return text.replace(
      REFERENCE,
      (whole, address: string, attribute: string) =>
        this.describeReference(address, attribute, depth) ?? whole,
    );
  }

  /** The value of `address.attribute`, else its `<type:identity>.attribute` placeholder. */
  private describeReference(address: string, attribute: string, depth: number): string | undefined {
    const resource = this.resources.get(address);
    return resource && this.describeAttribute(resource, attribute, depth);
  }

  /** The value of `resource.attribute`, else its `<type:identity>.attribute` placeholder. */
  private describeAttribute(resource: TfResource, attribute: string, depth: number): string {
    return (
      this.attributeValue(resource, attribute, depth) ??
      `<${kindOf(resource)}:${this.identity(resource, depth)}>.${attribute}`
    );
  }

  /** A readable identity of a resource from its literal identifying arguments, or its address. */
  public identity(resource: TfResource, depth = 0): string {
    const parts: string[] = [];
    for (const name of IDENTITY_ARGUMENTS) {
      const value = name === 'project' ? this.projectOf(resource) : resource.body[name];
      if (typeof value !== 'string') continue;
      const text = depth < MAX_DEPTH ? this.describe(value, depth + 1) : value;
      parts.push(text);
    }
    return parts.length > 0 ? parts.join('/') : resource.address;
  }

  /** The literal value of `resource.attribute`, given or derivable from literal arguments. */
  public attributeValue(resource: TfResource, attribute: string, depth = 0): string | undefined {
    const derive = DERIVED[kindOf(resource)]?.[attribute];
    if (derive) return this.derived(derive, resource, depth);
    return this.literalArgument(resource, attribute, depth);
  }

  /** A derived attribute's value (see `DERIVED`), its closure kept out of `attributeValue` (see `resolveEach`). */
  private derived(derive: Derivation, resource: TfResource, depth: number): string | undefined {
    return derive((name) => this.literalArgument(resource, name, depth));
  }

  /** The value of `address.attribute` when `address` is an in-stack resource and the value is known. */
  private referenceValue(address: string, attribute: string, depth: number): string | undefined {
    const resource = this.resources.get(address);
    return resource && this.attributeValue(resource, attribute, depth);
  }

  /** An argument of `resource` (its project: the provider's when not given), when literal once resolved. */
  private literalArgument(resource: TfResource, name: string, depth: number): string | undefined {
    const value = name === 'project' ? this.projectOf(resource) : resource.body[name];
    return typeof value === 'string' ? this.literal(value, depth + 1) : undefined;
  }

  /** `text` with its references resolved, when that leaves no expression in it. */
  private literal(text: string, depth: number): string | undefined {
    if (!text.includes('${')) return text;
    const resolved = this.resolve(text, depth);
    return isLiteral(resolved) ? resolved : undefined;
  }
}

/** A text as `ReferenceResolver.describe` shows it, and the first in-stack resource it refers to. */
export class DescribedText {
  constructor(
    public readonly text: string,
    public readonly resource: TfResource | undefined,
  ) {}
}

/** `type`, or `data.type` for a data source. */
function kindOf(resource: TfResource): string {
  return resource.mode === 'data' ? `data.${resource.type}` : resource.type;
}

type Literal = (name: string) => string | undefined;
type Derivation = (literal: Literal) => string | undefined;

/** Joins parts when every one is known. */
function all(...parts: Array<string | undefined>): string | undefined {
  return parts.includes(undefined) ? undefined : parts.join('');
}

function serviceAccountEmail(literal: Literal): string | undefined {
  return all(literal('account_id'), '@', literal('project'), '.iam.gserviceaccount.com');
}

/**
 * Computed attributes whose value follows from literal arguments. Sources: the provider
 * documentation of each resource's attributes (e.g. google_service_account `email`, `member`,
 * `name` = `projects/{{project}}/serviceAccounts/{{email}}`; custom roles' `name` =
 * `projects/{{project}}/roles/{{role_id}}`).
 */
const DERIVED: Record<string, Record<string, Derivation>> = {
  google_service_account: {
    email: serviceAccountEmail,
    member: (l) => all('serviceAccount:', serviceAccountEmail(l)),
    name: (l) => all('projects/', l('project'), '/serviceAccounts/', serviceAccountEmail(l)),
    id: (l) => all('projects/', l('project'), '/serviceAccounts/', serviceAccountEmail(l)),
  },
  'data.google_service_account': {
    email: (l) => {
      const id = l('account_id');
      if (id?.includes('@')) return id;
      return all(id, '@', l('project'), '.iam.gserviceaccount.com');
    },
  },
  'data.google_app_engine_default_service_account': {
    email: (l) => all(l('project'), '@appspot.gserviceaccount.com'),
    member: (l) => all('serviceAccount:', l('project'), '@appspot.gserviceaccount.com'),
  },
  google_project_iam_custom_role: {
    name: (l) => all('projects/', l('project'), '/roles/', l('role_id')),
    id: (l) => all('projects/', l('project'), '/roles/', l('role_id')),
  },
  google_organization_iam_custom_role: {
    name: (l) => all('organizations/', l('org_id'), '/roles/', l('role_id')),
    id: (l) => all('organizations/', l('org_id'), '/roles/', l('role_id')),
  },
  google_storage_bucket: {
    id: (l) => l('name'),
    url: (l) => all('gs://', l('name')),
  },
  google_secret_manager_secret: {
    id: (l) => all('projects/', l('project'), '/secrets/', l('secret_id')),
  },
  google_project: {
    id: (l) => all('projects/', l('project_id')),
    project_id: (l) => l('project_id'),
  },
  google_cloud_run_v2_service: {
    id: (l) =>
      all('projects/', l('project'), '/locations/', l('location'), '/services/', l('name')),
  },
  google_iam_workload_identity_pool: {
    workload_identity_pool_id: (l) => l('workload_identity_pool_id'),
  },
};
