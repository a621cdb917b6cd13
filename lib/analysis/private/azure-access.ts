import type {
  AccessBinding,
  BindingTarget,
  FederationTrust,
  TargetLevel,
  TfResource,
} from '../model';
import { azureRole } from '../role-catalog';
import { asArray } from './google-access';
import { Binding, WrittenMember } from './model-objects';
import { ReferenceResolver, referencesIn, singleReference } from './references';

/** The level of an Azure scope referenced by an in-stack resource of this type. */
const LEVEL_OF_REFERENCED_TYPE: Record<string, TargetLevel> = {
  azurerm_management_group: 'management-group',
  azurerm_subscription: 'subscription',
  azurerm_resource_group: 'resource-group',
};

/** An `azurerm_role_assignment` as a binding: principal, role and scope. */
export function roleAssignmentBinding(
  resource: TfResource,
  refs: ReferenceResolver,
  resources: ReadonlyMap<string, TfResource>,
): AccessBinding {
  const body = resource.body;
  const roleText = String(body.role_definition_name ?? body.role_definition_id ?? '');
  const resolvedRole = refs.resolve(roleText);
  const role = azureRole(resolvedRole)?.name ?? resolvedRole;
  const memberText = String(body.principal_id ?? '');
  const member = refs.resolve(memberText);
  const principal = new WrittenMember(
    memberText,
    member,
    'unknown',
    referencesIn(member)
      .map((r) => r.address)
      .filter((a) => resources.has(a)),
    typeof body.principal_type === 'string' ? body.principal_type : undefined,
  );
  const condition = typeof body.condition === 'string' ? { expression: body.condition } : undefined;
  const target = azureScope(String(body.scope ?? ''), refs);
  return new Binding('azure', 'role-assignment', target, { role, condition }, principal, resource);
}

/**
 * The level of an Azure scope: a literal ARM id is read by its form
 * (https://learn.microsoft.com/azure/role-based-access-control/scope-overview), a reference by
 * the type of the resource it points to.
 */
export function azureScope(scope: string, refs: ReferenceResolver): BindingTarget {
  const { text: id, resource: referenced } = refs.described(scope);
  if (referenced) {
    // `${azurerm_key_vault.v.id}/secrets/db`: a child of the referenced resource.
    const tail = scope
      .slice(scope.lastIndexOf('}') + 1)
      .split('/')
      .filter((p) => p.length > 0);
    const childTypes = tail.filter((_, i) => i % 2 === 0);
    return {
      level: LEVEL_OF_REFERENCED_TYPE[referenced.type] ?? 'resource',
      type: [referenced.type, ...childTypes].join('/'),
      id,
      address: referenced.address,
    };
  }
  const resolved = refs.resolve(scope);
  const parts = resolved.split('/').filter((p) => p.length > 0);
  const lower = parts.map((p) => p.toLowerCase());
  if (lower[0] === 'providers' && lower[1] === 'microsoft.management') {
    return { level: 'management-group', type: 'management-group', id };
  }
  if (lower[0] === 'subscriptions' && parts.length <= 2) {
    return { level: 'subscription', type: 'subscription', id };
  }
  if (lower[0] === 'subscriptions' && lower[2] === 'resourcegroups' && parts.length <= 4) {
    return { level: 'resource-group', type: 'resource-group', id };
  }
  // /subscriptions/<s>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<child type>/<name>...]
  const typeParts = parts.slice(5).filter((_, i) => i % 2 === 0);
  const type = parts[5] ? `${parts[5]}/${typeParts.slice(1).join('/')}` : 'unknown';
  return { level: 'resource', type, id };
}

/** An `azurerm_federated_identity_credential` as a federation trust. */
export function federatedCredential(
  resource: TfResource,
  refs: ReferenceResolver,
): FederationTrust {
  const body = resource.body;
  return {
    cloud: 'azure',
    kind: 'federated-credential',
    issuer: typeof body.issuer === 'string' ? refs.resolve(body.issuer) : undefined,
    audiences: asArray(body.audience).map((a) => refs.resolve(String(a))),
    subject: typeof body.subject === 'string' ? refs.resolve(body.subject) : undefined,
    parentAddress: singleReference(String(body.parent_id ?? ''))?.address,
    resource,
  };
}
