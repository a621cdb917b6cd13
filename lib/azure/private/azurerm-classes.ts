import type { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import type { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { IConstruct } from 'constructs';
import {
  loadOptionalProvider,
  OPTIONAL_PROVIDERS,
  OptionalProviderUse,
} from '../../core/private/optional-provider';

/** The azurerm resource classes the Key Vault federation writes. */
export interface AzurermClasses {
  readonly FederatedIdentityCredential: typeof FederatedIdentityCredential;
  readonly KeyVault: typeof KeyVault;
  readonly MonitorDiagnosticSetting: typeof MonitorDiagnosticSetting;
  readonly RoleAssignment: typeof RoleAssignment;
  readonly UserAssignedIdentity: typeof UserAssignedIdentity;
}

const USE: OptionalProviderUse = {
  usedFor: 'CrossCloudKeyVaultFederation writes azurerm_* resources',
};

/**
 * The azurerm classes, from the optional `@cdktf/provider-azurerm` package (each by its
 * `lib/<resource>` path). Loaded when a federation is constructed, so Google-only stacks
 * do not need the package; without it, the constructor says how to install it.
 */
export function azurermClasses(scope: IConstruct): AzurermClasses {
  const azurerm = OPTIONAL_PROVIDERS.azurerm;
  return {
    FederatedIdentityCredential: loadOptionalProvider<
      typeof import('@cdktf/provider-azurerm/lib/federated-identity-credential')
    >(scope, azurerm, 'federated-identity-credential', USE).FederatedIdentityCredential,
    KeyVault: loadOptionalProvider<typeof import('@cdktf/provider-azurerm/lib/key-vault')>(
      scope,
      azurerm,
      'key-vault',
      USE,
    ).KeyVault,
    MonitorDiagnosticSetting: loadOptionalProvider<
      typeof import('@cdktf/provider-azurerm/lib/monitor-diagnostic-setting')
    >(scope, azurerm, 'monitor-diagnostic-setting', USE).MonitorDiagnosticSetting,
    RoleAssignment: loadOptionalProvider<
      typeof import('@cdktf/provider-azurerm/lib/role-assignment')
    >(scope, azurerm, 'role-assignment', USE).RoleAssignment,
    UserAssignedIdentity: loadOptionalProvider<
      typeof import('@cdktf/provider-azurerm/lib/user-assigned-identity')
    >(scope, azurerm, 'user-assigned-identity', USE).UserAssignedIdentity,
  };
}
