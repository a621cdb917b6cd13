import type { AccessBinding, StackModel, TargetLevel } from '../../analysis/model';
import { readablePlaceholders, readableText } from '../../analysis/readable-text';
import type { AccessFlag, ConditionEntry, GrantEntry } from '../access-entries';
import type { GrantFlags } from './grant-flags';
import { compareText } from './order';

/**
 * The entry of one binding. A class: a report makes one per grant and keeps them all, and class
 * instances have one shape and avoid the tenuring deoptimizations of object literals.
 */
export class Grant implements GrantEntry {
  public readonly stack: string;
  public readonly cloud: 'google' | 'azure';
  public readonly principal: string;
  public readonly role: string;
  public readonly permissions?: number;
  public readonly customPermissions?: readonly string[];
  public readonly target: string;
  public readonly level: TargetLevel;
  public readonly condition?: ConditionEntry;
  public readonly address: string;
  public readonly path?: string;
  public readonly flags: readonly AccessFlag[];

  constructor(model: StackModel, binding: AccessBinding, flags: GrantFlags) {
    const { target } = binding;
    const role = flags.role(binding);
    this.stack = model.stack;
    this.cloud = binding.cloud;
    this.principal = readableText(model, binding.member);
    this.role = binding.role;
    this.permissions = role.permissions;
    this.customPermissions = binding.customRolePermissions
      ? [...binding.customRolePermissions].sort(compareText)
      : undefined;
    this.target = `${shortType(target.type)} ${readablePlaceholders(target.id)}`;
    this.level = target.level;
    this.condition = binding.condition;
    this.address = binding.address;
    this.path = binding.path;
    this.flags = flags.of(binding, role, target.project);
  }
}

/**
 * `cloud_run_v2_service` for `google_cloud_run_v2_service`. Two prefix checks rather than a
 * memo: a memo's miss path, first taken for a later resource type after V8 optimized the grant
 * entries' code, made V8 throw that code away and compile it again (DESIGN.md section 6).
 */
function shortType(type: string): string {
  if (type.startsWith('google_')) return type.slice('google_'.length);
  return type.startsWith('azurerm_') ? type.slice('azurerm_'.length) : type;
}
