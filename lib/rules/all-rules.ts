import { auditDuplicateConfig } from './audit/duplicate-config';
import { auditExemptedMembers } from './audit/exempted-members';
import { auditPolicyWithAuditConfig } from './audit/policy-with-audit-config';
import { azureFederatedCredentialIssuer } from './azure/federated-credential-issuer';
import { azureKeyVaultNetworkOpen } from './azure/key-vault-network-open';
import { azureKeyVaultNoAuditEvents } from './azure/key-vault-no-audit-events';
import { azureKeyVaultPurgeProtectionOff } from './azure/key-vault-purge-protection-off';
import { azureKeyVaultRbacOff } from './azure/key-vault-rbac-off';
import { azurePrivilegedRoleAssignment } from './azure/privileged-role-assignment';
import { bigqueryDatasetAccessConflict } from './bigquery/dataset-access-conflict';
import { federationConditionNoClaim } from './federation/condition-no-claim';
import { federationEntraNoAudience } from './federation/entra-no-audience';
import { federationProviderNoCondition } from './federation/provider-no-condition';
import { iamAuthoritativeBinding } from './iam/authoritative-binding';
import { iamBasicRole } from './iam/basic-role';
import { iamBroadPrincipalSet } from './iam/broad-principal-set';
import { iamCustomRoleEscalation } from './iam/custom-role-escalation';
import { iamDefaultServiceAccount } from './iam/default-service-account';
import { iamDomainMember } from './iam/domain-member';
import { iamImpersonationBroad } from './iam/impersonation-broad';
import { iamPrivilegedRoleBroad } from './iam/privileged-role-broad';
import { iamPublicMember } from './iam/public-member';
import { iamSecretAccessorProject } from './iam/secret-accessor-project';
import { iamServiceAccountKey } from './iam/service-account-key';
import { iamUserBroadLevel } from './iam/user-broad-level';
import { iamVertexProjectRole } from './iam/vertex-project-role';
import type { Rule } from './rule';
import { runDefaultServiceAccount } from './run/default-service-account';
import { runDeletionProtectionOff } from './run/deletion-protection-off';
import { runIngressAll } from './run/ingress-all';
import { runPlainSecretEnv } from './run/plain-secret-env';
import { runPublicInvoker } from './run/public-invoker';
import { storageNoVersioningOrRetention } from './storage/no-versioning-or-retention';
import { storagePublicAccessPrevention } from './storage/public-access-prevention';
import { storagePublicAcl } from './storage/public-acl';
import { storageUniformAccessOff } from './storage/uniform-access-off';

/** Every rule of the pack, in catalog order (by area). */
export const ALL_RULES: readonly Rule[] = [
  iamBasicRole,
  iamPublicMember,
  iamAuthoritativeBinding,
  iamServiceAccountKey,
  iamImpersonationBroad,
  iamPrivilegedRoleBroad,
  iamBroadPrincipalSet,
  iamDomainMember,
  iamUserBroadLevel,
  iamDefaultServiceAccount,
  iamVertexProjectRole,
  iamSecretAccessorProject,
  iamCustomRoleEscalation,
  runIngressAll,
  runDefaultServiceAccount,
  runPublicInvoker,
  runDeletionProtectionOff,
  runPlainSecretEnv,
  storageUniformAccessOff,
  storagePublicAccessPrevention,
  storagePublicAcl,
  storageNoVersioningOrRetention,
  bigqueryDatasetAccessConflict,
  federationProviderNoCondition,
  federationConditionNoClaim,
  federationEntraNoAudience,
  auditExemptedMembers,
  auditDuplicateConfig,
  auditPolicyWithAuditConfig,
  azureKeyVaultRbacOff,
  azureKeyVaultPurgeProtectionOff,
  azureKeyVaultNetworkOpen,
  azureKeyVaultNoAuditEvents,
  azurePrivilegedRoleAssignment,
  azureFederatedCredentialIssuer,
];

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
