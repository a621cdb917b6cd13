import type { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import type { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Annotations, Fn, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Grant } from '../core/grant';
import { constructScope } from '../core/private/construct-args';
import { recordGrant } from '../core/private/grant-registry';
import { memberKey } from '../core/private/member-key';
import { invalidProps } from '../core/private/messages';
import { checkProps, isListToken } from '../core/private/shape';
import { stableId, stackRelativePath } from '../core/private/stable-id';
import { checkAtSynth } from '../core/private/synth-check';
import { terraformLiteral } from '../core/private/terraform-text';
import { isUnresolved, validateGuid } from '../core/private/validate';
import { IServiceIdentity } from '../core/service-identity';
import { KeyVaultAccess } from './key-vault-access';
import {
  validateIpRange,
  validateVaultId,
  validateVaultName,
  validateVaultObjectName,
  validateWorkspaceId,
} from './private/azure-rules';
import { AzurermClasses, azurermClasses } from './private/azurerm-classes';
import { KEY_VAULT_FEDERATION_PROPS } from './private/props-shape';
import { refuseSecretScopesOnNewVault, vaultUnreachableFrom } from './private/vault-reachability';

/** Props of a {@link CrossCloudKeyVaultFederation}. */
export interface CrossCloudKeyVaultFederationProps {
  /**
   * The Google Cloud workload, by the service account it runs as: a ServiceIdentity, or an
   * existing account imported with `ServiceIdentity.fromEmail`.
   */
  readonly workload: IServiceIdentity;
  /** Resource group of the managed identity (and of the vault, when created). */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /** Microsoft Entra tenant id (a GUID). */
  readonly tenantId: string;
  /**
   * Create a vault with this name (3-24 characters). Exactly one of `vaultName` and
   * `existingVaultId`.
   * @default - use `existingVaultId`
   */
  readonly vaultName?: string;
  /**
   * Resource id of an existing vault with RBAC authorization on. Exactly one of `vaultName`
   * and `existingVaultId`.
   * @default - create the vault named `vaultName`
   */
  readonly existingVaultId?: string;
  /**
   * Scope the role assignment to these objects of the vault (secrets; keys for
   * `KEYS_CRYPTO`; certificates for `CERTIFICATES_READ`), one assignment each (a name listed
   * twice is one). Only with `existingVaultId`, and the objects must exist before the apply:
   * Azure refuses an assignment whose scope does not exist. An empty list is refused (it would
   * scope nothing: the whole vault); a list token makes one assignment per entry with `for_each`.
   * @default - the whole vault
   */
  readonly secretNames?: string[];
  /**
   * What the workload may do.
   * @default KeyVaultAccess.SECRETS_READ
   */
  readonly access?: KeyVaultAccess;
  /**
   * Log Analytics workspace that receives the vault's AuditEvent logs. Required when
   * creating a vault; with an existing vault, adds a diagnostic setting when given.
   * @default - none (existing vaults only)
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Public IPv4 addresses or ranges allowed through the vault firewall: the workload's
   * Cloud NAT egress addresses. Without any, public network access is off. A Cloud Run
   * service that runs as the workload must then send all its traffic through that VPC
   * (checked at synth). Private, reserved and internet-wide ranges (`0.0.0.0/0`) are refused:
   * Key Vault IP rules only match public addresses, and an internet-wide range turns the
   * firewall off.
   * @default - none
   */
  readonly allowedIpRanges?: string[];
  /**
   * Name of the user-assigned managed identity.
   * @default - `gcp-<workload account id>`
   */
  readonly identityName?: string;
  /**
   * Tags of the Azure resources.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** The issuer of Google-signed ID tokens. */
const GOOGLE_ISSUER = 'https://accounts.google.com';
/** The audience Entra ID expects in tokens exchanged by workload identity federation. */
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const SOFT_DELETE_DAYS = 90;
/** Index of the vault name in a vault resource id split on '/'. */
const VAULT_NAME_INDEX = 8;
const SCOPE_SEGMENT: Record<KeyVaultAccess, string> = {
  [KeyVaultAccess.SECRETS_READ]: 'secrets',
  [KeyVaultAccess.KEYS_CRYPTO]: 'keys',
  [KeyVaultAccess.CERTIFICATES_READ]: 'certificates',
};

/**
 * A Google Cloud workload reads Azure Key Vault with no stored credential.
 *
 * The workload asks its metadata server for a Google-signed ID token (audience
 * `api://AzureADTokenExchange`) and exchanges it at Microsoft Entra ID for an access token of
 * a user-assigned managed identity, which trusts exactly that service account
 * (`azurerm_federated_identity_credential`: issuer `https://accounts.google.com`, subject the
 * account's unique id). The identity gets one Key Vault data role, on the vault or on each
 * named secret, and every access lands in Azure Monitor.
 */
export class CrossCloudKeyVaultFederation extends Construct {
  /** The `azurerm_user_assigned_identity` the workload becomes in Azure. */
  public readonly identity: UserAssignedIdentity;
  /** The trust between the Google service account and the managed identity. */
  public readonly credential: FederatedIdentityCredential;
  /** The vault, when this construct created it. */
  public readonly vault?: KeyVault;
  /** Resource id of the vault. */
  public readonly vaultId: string;
  /** The vault's URI, e.g. `https://acme-orders-kv.vault.azure.net/`. */
  public readonly vaultUri: string;
  /** The Entra tenant id. */
  public readonly tenantId: string;
  /** The role assignments, one per scope. */
  public readonly roleAssignments: RoleAssignment[];
  /** The grant (also in the stack's grant registry). */
  public readonly grant: Grant;

  /** The classes of the optional azurerm package, loaded when the construct is made. */
  private readonly azurerm: AzurermClasses;

  constructor(scope: Construct, id: string, givenProps: CrossCloudKeyVaultFederationProps) {
    super(constructScope('CrossCloudKeyVaultFederation', scope, id), id);
    this.azurerm = azurermClasses(this);
    const props = checkProps(this, givenProps, KEY_VAULT_FEDERATION_PROPS);
    const existingVaultName = this.validate(props);
    this.tenantId = props.tenantId;
    const access = props.access ?? KeyVaultAccess.SECRETS_READ;
    const tags = props.tags && literalTags(props.tags);

    this.identity = new this.azurerm.UserAssignedIdentity(this, 'Identity', {
      name: props.identityName ?? identityNameFor(props.workload, id),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });
    this.credential = new this.azurerm.FederatedIdentityCredential(this, 'GoogleTrust', {
      name: 'google-service-account',
      resourceGroupName: props.resourceGroupName,
      parentId: this.identity.id,
      issuer: GOOGLE_ISSUER,
      subject: props.workload.uniqueId,
      audience: [TOKEN_EXCHANGE_AUDIENCE],
    });

    if (props.vaultName !== undefined) {
      this.vault = this.createVault(props, tags);
      this.vaultId = this.vault.id;
      this.vaultUri = this.vault.vaultUri;
    } else {
      this.vaultId = props.existingVaultId!;
      // A vault id given by reference is only known at apply time: Terraform takes the name
      // from its 9th '/'-separated part (.../providers/Microsoft.KeyVault/vaults/<name>).
      const name = existingVaultName ?? Fn.element(Fn.split('/', this.vaultId), VAULT_NAME_INDEX);
      this.vaultUri = `https://${name}.vault.azure.net/`;
      if (props.logAnalyticsWorkspaceId)
        this.sendAuditEvents(this.vaultId, props.logAnalyticsWorkspaceId);
    }

    const segment = SCOPE_SEGMENT[access];
    // The workload by its email when known at synth (never by a path that a stack rename
    // would change: the description of a role assignment cannot change in place).
    const workload = memberKey(props.workload).replace(/^(serviceAccount|construct):/, '');
    const description = terraformLiteral(
      `${workload} (Google Cloud) through workload identity federation. Managed by cdktf-guardrails.`,
    );
    const assignment = (
      assignmentId: string,
      assignmentScope: string,
      forEach?: TerraformIterator,
    ) =>
      new this.azurerm.RoleAssignment(this, assignmentId, {
        forEach,
        scope: assignmentScope,
        roleDefinitionName: access,
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
        description,
      });
    const names = props.secretNames;
    if (names === undefined) {
      this.roleAssignments = [assignment(stableId(this, 'Reader', [access, '']), this.vaultId)];
    } else if (isListToken(names)) {
      // Only Terraform knows the names: one assignment per name with for_each.
      const each = TerraformIterator.fromList(names);
      this.roleAssignments = [
        assignment(
          stableId(this, 'Readers', [access]),
          `${this.vaultId}/${segment}/${Token.asString(each.value)}`,
          each,
        ),
      ];
    } else {
      // One assignment per distinct name: a repeated name is one scope.
      this.roleAssignments = [...new Set(names)].map((name) =>
        assignment(stableId(this, 'Reader', [access, name]), `${this.vaultId}/${segment}/${name}`),
      );
    }
    const vaultLabel = props.vaultName ?? existingVaultName ?? stackRelativePath(this);
    this.grant = new Grant({
      principal: props.workload,
      role: access,
      resource:
        names === undefined
          ? `azure-key-vault:${vaultLabel}`
          : `azure-key-vault:${vaultLabel}/${segment}/${isListToken(names) ? '*' : [...new Set(names)].join(',')}`,
      resources: this.roleAssignments,
    });
    recordGrant(this, this.grant);
    if (props.vaultName !== undefined) {
      const ranges = props.allowedIpRanges ?? [];
      // The services that run as the workload may be made later: checked at synth.
      checkAtSynth(this, () => {
        const problem = vaultUnreachableFrom(this, props.workload, ranges);
        if (problem) throw problem;
      });
    }
  }

  /** The managed identity's client id: what the workload names when it exchanges its token. */
  public get clientId(): string {
    return this.identity.clientId;
  }

  /**
   * A vault with RBAC authorization (no access policies), purge protection, 90 days of soft
   * delete, a firewall that denies by default, and AuditEvent logs sent to the workspace.
   */
  private createVault(
    props: CrossCloudKeyVaultFederationProps,
    tags: Record<string, string> | undefined,
  ): KeyVault {
    const ranges = props.allowedIpRanges ?? [];
    if (ranges.length === 0) {
      Annotations.of(this).addWarning(
        `The vault has no allowedIpRanges, so its public network access is off: a Google Cloud workload reaches it only through a private connection. Pass the workload's Cloud NAT egress addresses in allowedIpRanges.`,
      );
    }
    const vault = new this.azurerm.KeyVault(this, 'Vault', {
      name: props.vaultName!,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: SOFT_DELETE_DAYS,
      publicNetworkAccessEnabled: ranges.length > 0,
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'None',
        ipRules: ranges.length > 0 ? ranges : undefined,
      },
      tags,
    });
    this.sendAuditEvents(vault.id, props.logAnalyticsWorkspaceId!);
    return vault;
  }

  private sendAuditEvents(vaultId: string, workspaceId: string): void {
    new this.azurerm.MonitorDiagnosticSetting(this, 'AuditEvents', {
      name: 'guardrails-audit-events',
      targetResourceId: vaultId,
      logAnalyticsWorkspaceId: workspaceId,
      enabledLog: [{ category: 'AuditEvent' }],
    });
  }

  /** Returns the vault name of `existingVaultId` when it is a literal. */
  private validate(props: CrossCloudKeyVaultFederationProps): string | undefined {
    validateGuid(this, 'tenantId', props.tenantId, 'the tenant id');
    if ((props.vaultName === undefined) === (props.existingVaultId === undefined)) {
      throw invalidProps(
        this,
        props.vaultName === undefined ? 'vaultName' : 'existingVaultId',
        props.vaultName === undefined
          ? 'and existingVaultId are both missing'
          : 'and vaultName are both set',
        'Set vaultName to create a vault, or existingVaultId to use one; exactly one of the two.',
      );
    }
    if (props.secretNames && !isListToken(props.secretNames)) {
      props.secretNames.forEach((name, i) =>
        validateVaultObjectName(this, `secretNames[${i}]`, name),
      );
    }
    if (props.allowedIpRanges && !isListToken(props.allowedIpRanges)) {
      props.allowedIpRanges.forEach((range, i) =>
        validateIpRange(this, `allowedIpRanges[${i}]`, range),
      );
    }
    if (props.logAnalyticsWorkspaceId !== undefined)
      validateWorkspaceId(this, props.logAnalyticsWorkspaceId);
    if (props.vaultName !== undefined) {
      validateVaultName(this, props.vaultName);
      refuseSecretScopesOnNewVault(this, props.vaultName, props.secretNames);
      if (props.logAnalyticsWorkspaceId === undefined) {
        throw invalidProps(
          this,
          'logAnalyticsWorkspaceId',
          'is required when the construct creates the vault',
          "Pass the workspace that keeps the vault's AuditEvent logs (every secret read is recorded there).",
        );
      }
      return undefined;
    }
    if (props.allowedIpRanges !== undefined) {
      throw invalidProps(
        this,
        'allowedIpRanges',
        'only apply to a vault this construct creates',
        "Change the existing vault's firewall where it is managed, or remove allowedIpRanges.",
      );
    }
    return validateVaultId(this, props.existingVaultId!);
  }
}

/** Tag values with `${` escaped (tags are free text); a tag map token passes as it is. */
function literalTags(tags: Record<string, string>): Record<string, string> {
  if (Token.isUnresolved(tags)) return tags;
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, terraformLiteral(v)]));
}

/** `gcp-<account id>`: recognisable in the Azure portal as the identity of a Google workload. */
function identityNameFor(workload: IServiceIdentity, constructId: string): string {
  return isUnresolved(workload.accountId) ? `gcp-${constructId}` : `gcp-${workload.accountId}`;
}
