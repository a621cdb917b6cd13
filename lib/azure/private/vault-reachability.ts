import { IConstruct } from 'constructs';
import type { ValidationError } from '../../core/errors';
import { invalidProps } from '../../core/private/messages';
import { isUnresolved } from '../../core/private/validate';
import type { IServiceIdentity } from '../../core/service-identity';
import { CloudRunVpcEgress } from '../../run/cloud-run-options';
import { servicesRunningAs } from '../../run/private/runtime-services';

/**
 * Role assignments scoped to secrets of a vault this construct creates cannot be made: the
 * secrets do not exist when the vault is created, and Azure refuses an assignment whose scope
 * does not exist. Secret scopes are therefore only for an existing vault.
 */
export function refuseSecretScopesOnNewVault(
  scope: IConstruct,
  vaultName: string | undefined,
  secretNames: string[] | undefined,
): void {
  if (vaultName === undefined || secretNames === undefined) return;
  throw invalidProps(
    scope,
    'secretNames',
    'scope the role assignments to secrets of the vault this construct creates, which do not exist yet when it is created, so Azure refuses the assignments on the first apply',
    "Leave secretNames out (the workload may then read the secrets of the vault made for it), or create the vault and its secrets first and pass existingVaultId with secretNames. Whoever writes the secret values needs 'Key Vault Secrets Officer' and an address the vault firewall admits.",
  );
}

/**
 * Why a Cloud Run service that runs as the workload cannot reach the vault this construct
 * creates, for the first such service (checked at synth, when every service exists).
 *
 * With `allowedIpRanges` the vault admits only those addresses, which for Cloud Run means
 * all traffic through a VPC whose Cloud NAT uses them (Cloud Run's own egress addresses are
 * shared and change: https://cloud.google.com/run/docs/configuring/static-outbound-ip). With
 * none, public network access is off and only a private connection through a VPC reaches it.
 */
export function vaultUnreachableFrom(
  scope: IConstruct,
  workload: IServiceIdentity,
  allowedIpRanges: string[],
): ValidationError | undefined {
  for (const service of servicesRunningAs(workload)) {
    const vpc = service.vpcAccess;
    const egress = vpc?.egress ?? CloudRunVpcEgress.PRIVATE_RANGES_ONLY;
    const name = service.node.id;
    if (allowedIpRanges.length > 0) {
      if (vpc && (isUnresolved(egress) || egress === CloudRunVpcEgress.ALL_TRAFFIC)) continue;
      const how = vpc
        ? 'sends only private ranges through its VPC (egress PRIVATE_RANGES_ONLY)'
        : 'has no vpcAccess';
      return invalidProps(
        scope,
        'allowedIpRanges',
        `admit only those addresses, but the Cloud Run service ${service.node.path}, which runs as the workload, ${how}, so its requests reach Azure from Google's shared addresses and the vault refuses them`,
        `Give ${name} vpcAccess with egress: CloudRunVpcEgress.ALL_TRAFFIC through a subnet whose Cloud NAT uses the addresses in allowedIpRanges.`,
      );
    }
    if (vpc) continue;
    return invalidProps(
      scope,
      'allowedIpRanges',
      `are not given, so the vault's public network access is off, and the Cloud Run service ${service.node.path}, which runs as the workload, has no vpcAccess to reach it privately`,
      `Give ${name} vpcAccess into the VPC connected to the vault's private endpoint, or pass its Cloud NAT addresses in allowedIpRanges.`,
    );
  }
  return undefined;
}
