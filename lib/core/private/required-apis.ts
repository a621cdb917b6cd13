import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import {
  Annotations,
  Aspects,
  dependable,
  IAspect,
  TerraformResource,
  TerraformStack,
} from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { isUnresolved } from './validate';

/** One resource that can only be created (or used) once `services` are enabled in `project`. */
interface Requirement {
  readonly resource: TerraformResource;
  /** The construct a warning names (the one the user made); default: the resource's parent. */
  readonly requester?: IConstruct;
  readonly project: string;
  readonly services: readonly string[];
}

/**
 * The Google APIs the resources of a stack need, matched at synth against the APIs the stack
 * enables itself (`google_project_service`). Terraform creates resources in parallel unless
 * one refers to another, so a resource created while its API is still being enabled fails
 * with "API has not been used in project ... or it is disabled": each resource therefore
 * waits for the `google_project_service` of the APIs it needs. A stack that enables some APIs
 * of a project but not one a resource needs gets a warning. A stack that enables none is
 * left alone: its APIs are managed elsewhere (see the README, "Before the first apply").
 *
 * One pass over the stack at synth, linear in the number of constructs. The aspect sits on
 * this construct, a leaf at the stack's root that writes no Terraform, rather than on the
 * stack: cdktf hands a stack's aspects to every construct below it and records each visit by
 * the construct's path, which in a stack of thousands of constructs costs more than the pass.
 */
class RequiredApis extends Construct implements IAspect {
  /** The requirements of the stack that contains `scope`; made with its aspect on first use. */
  public static of(scope: IConstruct): RequiredApis {
    const stack = TerraformStack.of(scope);
    let apis = OF_STACK.get(stack);
    if (!apis) {
      apis = new RequiredApis(stack);
      OF_STACK.set(stack, apis);
    }
    return apis;
  }

  private readonly requirements: Requirement[] = [];
  private applied = false;

  private constructor(private readonly stack: TerraformStack) {
    super(stack, 'GuardrailsRequiredApis');
    Aspects.of(this).add(this);
  }

  public add(requirement: Requirement): void {
    this.requirements.push(requirement);
  }

  public visit(node: IConstruct): void {
    if (node !== this || this.applied) return;
    this.applied = true;
    const enabled = projectServicesOf(this.stack);
    if (enabled.length === 0) return;
    const managedProjects = new Set(enabled.map((s) => s.projectInput).filter(isLiteral));
    const waitsFor = new Map<TerraformResource, Set<ProjectService>>();
    const warned = new Set<string>();
    for (const { resource, project, services, requester } of this.requirements) {
      for (const service of services) {
        const matches = enabled.filter(
          (s) => s.serviceInput === service && sameProject(s, project),
        );
        if (matches.length > 0) {
          const known = waitsFor.get(resource) ?? new Set<ProjectService>();
          const added = matches.filter((s) => !known.has(s));
          added.forEach((s) => known.add(s));
          waitsFor.set(resource, known);
          if (added.length > 0)
            resource.dependsOn = [...(resource.dependsOn ?? []), ...added.map(dependable)];
        } else if (managedProjects.has(project)) {
          const owner = requester ?? resource.node.scope ?? resource;
          const key = `${owner.node.path}\n${project}\n${service}`;
          if (warned.has(key)) continue;
          warned.add(key);
          Annotations.of(owner).addWarning(
            `needs ${service} enabled in project '${project}', and this stack enables APIs of that project (google_project_service) but not this one. Add a google_project_service for ${service}, or make sure it is enabled before this stack is applied.`,
          );
        }
      }
    }
  }
}

const OF_STACK = new WeakMap<TerraformStack, RequiredApis>();

/**
 * Records that `resource` needs `services` enabled in `project`. A warning names `requester`
 * when given (for a binding that lives under the stack's shared bindings: the construct that
 * asked for it), else the resource's parent.
 */
export function requireApis(
  resource: TerraformResource,
  project: string,
  services: string[],
  requester?: IConstruct,
): void {
  if (services.length > 0)
    RequiredApis.of(resource).add({ resource, project, services, requester });
}

function projectServicesOf(stack: TerraformStack): ProjectService[] {
  return stack.node
    .findAll()
    .filter(
      (c): c is ProjectService =>
        (c as Partial<TerraformResource>).terraformResourceType === 'google_project_service',
    );
}

/** An API enabled without a project (the provider's default) or by reference may be the one. */
function sameProject(enabled: ProjectService, project: string): boolean {
  const p = enabled.projectInput;
  return p === undefined || isUnresolved(p) || isUnresolved(project) || p === project;
}

function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !isUnresolved(value);
}
