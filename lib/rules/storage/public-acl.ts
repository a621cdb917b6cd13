import { asArray } from '../../analysis/private/google-access';
import { PUBLIC_MEMBERS } from '../../core/private/member-kinds';
import type { Rule, RuleFinding } from '../rule';

/** ACL resources with `role_entity` lists. */
const ROLE_ENTITY_TYPES = [
  'google_storage_bucket_acl',
  'google_storage_default_object_acl',
  'google_storage_object_acl',
];
/** ACL resources with one `entity`. */
const ENTITY_TYPES = [
  'google_storage_bucket_access_control',
  'google_storage_default_object_access_control',
  'google_storage_object_access_control',
];
/** Predefined ACLs that open a bucket or object to everyone. */
const PUBLIC_PREDEFINED = new Set(['publicRead', 'publicReadWrite', 'authenticatedRead']);

/** Bucket and object ACLs that name allUsers or allAuthenticatedUsers, directly or through a predefined ACL. */
export const storagePublicAcl: Rule = {
  id: 'storage-public-acl',
  area: 'storage',
  severity: 'error',
  description: 'A bucket or object ACL grants access to allUsers or allAuthenticatedUsers.',
  fix: 'Remove the ACL, turn on uniform bucket-level access, and grant IAM roles to named identities.',
  acknowledgeable: true,
  seeAlso: ['checkov CKV_GCP_28', 'trivy AVD-GCP-0001'],
  check: (model) => {
    const findings: RuleFinding[] = [];
    const report = (resource: (typeof findings)[number]['resource'], what: string) =>
      findings.push({
        resource,
        message: `${resource.type} ${what}: anyone on the internet can read it.`,
      });
    for (const type of ROLE_ENTITY_TYPES) {
      for (const resource of model.resourcesOfType(type)) {
        const entries = asArray(resource.body.role_entity).map(String);
        const open = entries.filter((e) => PUBLIC_MEMBERS.has(e.slice(e.indexOf(':') + 1)));
        const predefined = String(resource.body.predefined_acl ?? '');
        if (open.length > 0) report(resource, `grants ${open.join(', ')}`);
        else if (PUBLIC_PREDEFINED.has(predefined))
          report(resource, `applies the predefined ACL ${predefined}`);
      }
    }
    for (const type of ENTITY_TYPES) {
      for (const resource of model.resourcesOfType(type)) {
        const entity = String(resource.body.entity ?? '');
        if (PUBLIC_MEMBERS.has(entity))
          report(resource, `grants ${String(resource.body.role ?? 'a role')} to ${entity}`);
      }
    }
    return findings;
  },
};
