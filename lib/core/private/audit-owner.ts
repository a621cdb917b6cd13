import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** One (project, service) audit config of an app, and the stack that holds it. */
export interface AuditConfigEntry {
  readonly project: string;
  readonly service: string;
  owner: TerraformStack;
}

/**
 * Which stack of an app owns each (project, service) audit config.
 *
 * `google_project_iam_audit_config` is authoritative for its service: two stacks that both
 * manage one overwrite each other, and destroying either turns the logs off for both. So one
 * stack owns each config: the stack named with `designate` (a foundation stack), otherwise the
 * first stack that enables it, in construction order. Every other stack relies on the owner.
 */
export class AuditConfigOwners {
  /** The ownership ledger of the app that contains `scope`. */
  public static of(scope: IConstruct): AuditConfigOwners {
    const root = scope.node.root;
    let owners = OWNERS_OF_APP.get(root);
    if (!owners) {
      owners = new AuditConfigOwners();
      OWNERS_OF_APP.set(root, owners);
    }
    return owners;
  }

  private designated?: TerraformStack;
  private readonly entries = new Map<string, AuditConfigEntry>();

  private constructor() {}

  /** The stack named to own every audit config of the app, if any. */
  public get designatedOwner(): TerraformStack | undefined {
    return this.designated;
  }

  /** The entry of (project, service), made with its owner the first time anyone asks. */
  public request(project: string, service: string, requester: TerraformStack): AuditConfigEntry {
    const key = `${project}\n${service}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { project, service, owner: this.designated ?? requester };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Makes `stack` the owner of every audit config of the app, those enabled so far included.
   * @returns the entries whose owner changed, with their previous owner
   */
  public designate(stack: TerraformStack): Array<[AuditConfigEntry, TerraformStack]> {
    this.designated = stack;
    const moved: Array<[AuditConfigEntry, TerraformStack]> = [];
    for (const entry of this.entries.values()) {
      if (entry.owner === stack) continue;
      moved.push([entry, entry.owner]);
      entry.owner = stack;
    }
    return moved;
  }
}

const OWNERS_OF_APP = new WeakMap<IConstruct, AuditConfigOwners>();
