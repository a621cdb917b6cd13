import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import {
  CrossCloudKeyVaultFederation,
  CrossCloudKeyVaultFederationProps,
  Grant,
  KeyVaultAccess,
  ServiceIdentity,
} from '../../lib';
import { azureCatalog, bodiesOf, resolve, synth, testStack, warningsOf } from '../helpers';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SUB = '00000000-1111-2222-3333-444444444444';
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/observability/providers/Microsoft.OperationalInsights/workspaces/security`;
const EXISTING = `/subscriptions/${SUB}/resourceGroups/shared/providers/Microsoft.KeyVault/vaults/acme-shared-kv`;

function federation(stack: TerraformStack, props: Partial<CrossCloudKeyVaultFederationProps> = {}) {
  const workload = new ServiceIdentity(stack, 'api', {
    project: 'acme-prod',
    accountId: 'orders-api-run',
  });
  return new CrossCloudKeyVaultFederation(stack, 'vault', {
    workload,
    resourceGroupName: 'orders',
    location: 'westeurope',
    tenantId: TENANT,
    vaultName: 'acme-orders-kv',
    logAnalyticsWorkspaceId: WORKSPACE,
    allowedIpRanges: ['203.0.113.10/32'],
    ...props,
  });
}

/** The federation with an existing vault, whose secrets exist before the apply. */
function existing(stack: TerraformStack, props: Partial<CrossCloudKeyVaultFederationProps> = {}) {
  return federation(stack, {
    vaultName: undefined,
    existingVaultId: EXISTING,
    logAnalyticsWorkspaceId: undefined,
    allowedIpRanges: undefined,
    secretNames: ['partner-api-key'],
    ...props,
  });
}

describe('CrossCloudKeyVaultFederation', () => {
  test('identity and federated credential trust exactly the Google service account', () => {
    const stack = testStack();
    const f = federation(stack);
    const json = synth(stack);
    expect(json).toMatchSnapshot();
    expect(bodiesOf(json, 'azurerm_user_assigned_identity')).toEqual([
      { name: 'gcp-orders-api-run', resource_group_name: 'orders', location: 'westeurope' },
    ]);
    expect(bodiesOf(json, 'azurerm_federated_identity_credential')).toEqual([
      {
        name: 'google-service-account',
        resource_group_name: 'orders',
        parent_id: expect.stringMatching(
          /^\$\{azurerm_user_assigned_identity\.vault_Identity_[A-Z0-9]+\.id\}$/,
        ),
        issuer: 'https://accounts.google.com',
        subject: expect.stringMatching(/^\$\{google_service_account\.api_[A-Z0-9]+\.unique_id\}$/),
        audience: ['api://AzureADTokenExchange'],
      },
    ]);
    expect(resolve(stack, f.clientId)).toMatch(
      /azurerm_user_assigned_identity\.vault_Identity_[A-Z0-9]+\.client_id/,
    );
    expect(f.tenantId).toBe(TENANT);
    expect(resolve(stack, f.vaultUri)).toMatch(
      /azurerm_key_vault\.vault_Vault_[A-Z0-9]+\.vault_uri/,
    );
  });

  test('a created vault: RBAC, purge protection, 90 days soft delete, deny by default, audit events', () => {
    const stack = testStack();
    federation(stack);
    const json = synth(stack);
    expect(bodiesOf(json, 'azurerm_key_vault')).toEqual([
      {
        name: 'acme-orders-kv',
        resource_group_name: 'orders',
        location: 'westeurope',
        tenant_id: TENANT,
        sku_name: 'standard',
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: true,
        network_acls: { default_action: 'Deny', bypass: 'None', ip_rules: ['203.0.113.10/32'] },
      },
    ]);
    expect(bodiesOf(json, 'azurerm_monitor_diagnostic_setting')).toEqual([
      {
        name: 'guardrails-audit-events',
        target_resource_id: expect.stringMatching(/azurerm_key_vault\.vault_Vault_[A-Z0-9]+\.id/),
        log_analytics_workspace_id: WORKSPACE,
        enabled_log: [{ category: 'AuditEvent' }],
      },
    ]);
    expect(JSON.stringify(json)).not.toContain('enable_rbac_authorization');
  });

  test('without allowed ranges, public network access is off and a warning says so', () => {
    const stack = testStack();
    federation(stack, { allowedIpRanges: undefined });
    const [vault] = bodiesOf(synth(stack), 'azurerm_key_vault');
    expect(vault.public_network_access_enabled).toBe(false);
    expect(vault.network_acls).toEqual({ default_action: 'Deny', bypass: 'None' });
    expect(warningsOf(stack)).toEqual([
      expect.stringContaining('its public network access is off'),
    ]);
  });

  test('one role assignment per named secret, scoped to that secret', () => {
    const stack = testStack();
    existing(stack, { secretNames: ['partner-api-key', 'webhook-signing-key'] });
    const assignments = bodiesOf(synth(stack), 'azurerm_role_assignment');
    expect(assignments).toHaveLength(2);
    for (const a of assignments) {
      expect(a.role_definition_name).toBe('Key Vault Secrets User');
      expect(a.principal_type).toBe('ServicePrincipal');
      expect(a.principal_id).toMatch(
        /azurerm_user_assigned_identity\.vault_Identity_[A-Z0-9]+\.principal_id/,
      );
    }
    expect(assignments.map((a) => a.scope).sort()).toEqual([
      `${EXISTING}/secrets/partner-api-key`,
      `${EXISTING}/secrets/webhook-signing-key`,
    ]);
  });

  test('without secretNames the assignment is on the vault', () => {
    const stack = testStack();
    federation(stack, { secretNames: undefined });
    const [a] = bodiesOf(synth(stack), 'azurerm_role_assignment');
    expect(a.scope).toMatch(/^\$\{azurerm_key_vault\.vault_Vault_[A-Z0-9]+\.id\}$/);
  });

  test('an existing vault: no vault is created, scopes and URI come from its id', () => {
    const stack = testStack();
    const f = existing(stack);
    const json = synth(stack);
    expect(json.resource.azurerm_key_vault).toBeUndefined();
    expect(json.resource.azurerm_monitor_diagnostic_setting).toBeUndefined();
    expect(bodiesOf(json, 'azurerm_role_assignment').map((a) => a.scope)).toEqual([
      `${EXISTING}/secrets/partner-api-key`,
    ]);
    expect(f.vaultUri).toBe('https://acme-shared-kv.vault.azure.net/');
    expect(f.grant.resource).toBe('azure-key-vault:acme-shared-kv/secrets/partner-api-key');
  });

  test('an existing vault with a workspace gets the audit diagnostic setting', () => {
    const stack = testStack();
    existing(stack, { logAnalyticsWorkspaceId: WORKSPACE });
    expect(bodiesOf(synth(stack), 'azurerm_monitor_diagnostic_setting')[0].target_resource_id).toBe(
      EXISTING,
    );
  });

  test.each([
    [KeyVaultAccess.KEYS_CRYPTO, 'Key Vault Crypto User', 'keys'],
    [KeyVaultAccess.CERTIFICATES_READ, 'Key Vault Certificate User', 'certificates'],
  ])('%s uses its role and object path', (access, role, segment) => {
    const stack = testStack();
    existing(stack, { access, secretNames: ['orders'] });
    const [a] = bodiesOf(synth(stack), 'azurerm_role_assignment');
    expect(a.role_definition_name).toBe(role);
    expect(a.scope).toMatch(new RegExp(`/${segment}/orders$`));
  });

  test('the grant is in the registry', () => {
    const stack = testStack();
    const f = federation(stack);
    const [listed] = Grant.of(stack);
    expect(Grant.of(stack)).toHaveLength(1);
    expect([listed.role, listed.resource, listed.resources]).toEqual([
      f.grant.role,
      f.grant.resource,
      f.grant.resources,
    ]);
    expect(listed.principal.member).toBe(
      'serviceAccount:orders-api-run@acme-prod.iam.gserviceaccount.com',
    );
    expect(f.grant.role).toBe('Key Vault Secrets User');
    expect(f.grant.resource).toBe('azure-key-vault:acme-orders-kv');
    expect(f.grant.resources).toEqual(f.roleAssignments);
  });

  test('role assignment addresses do not depend on the order of secrets', () => {
    const names = (secretNames: string[]) => {
      const stack = testStack();
      existing(stack, { secretNames });
      return Object.keys(synth(stack).resource.azurerm_role_assignment).sort();
    };
    expect(names(['b', 'a'])).toEqual(names(['a', 'b']));
  });
});

describe('Azure roles (from the catalog)', () => {
  const catalog = azureCatalog();
  const FORBIDDEN = [
    'Owner',
    'Contributor',
    'User Access Administrator',
    'Key Vault Administrator',
  ];

  test.each(Object.values(KeyVaultAccess))(
    '%s is a built-in role with data actions only on Key Vault',
    (role) => {
      expect(catalog.roles[role]).toMatch(/^[0-9a-f-]{36}$/);
      const [permissions] = catalog.details[role].permissions;
      expect(permissions.actions).toEqual([]);
      expect(permissions.dataActions.every((a) => a.startsWith('Microsoft.KeyVault/vaults/'))).toBe(
        true,
      );
      expect(FORBIDDEN).not.toContain(role);
    },
  );

  test('Key Vault Secrets User reads secrets and nothing else', () => {
    expect(catalog.roles['Key Vault Secrets User']).toBe('4633458b-17de-408a-b874-0445c86b69e6');
    expect(catalog.details['Key Vault Secrets User'].permissions[0].dataActions.sort()).toEqual([
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
    ]);
  });
});

describe('CrossCloudKeyVaultFederation bad input', () => {
  test.each([
    [{ tenantId: 'acme.onmicrosoft.com' }, /test\/vault: 'tenantId' must be the tenant id: a GUID/],
    [{ vaultName: 'kv' }, /'vaultName' must be 3-24 characters/],
    [{ vaultName: 'acme--orders' }, /'vaultName' must be 3-24 characters .* without '--'/],
    [{ vaultName: '1-orders-kv' }, /'vaultName' must be 3-24/],
    [{ vaultName: 'a'.repeat(25) }, /'vaultName' must be 3-24/],
    [
      { existingVaultId: EXISTING },
      "test/vault: 'existingVaultId' and vaultName are both set. Set vaultName to create a vault, or existingVaultId to use one; exactly one of the two.",
    ],
    [{ vaultName: undefined }, /'vaultName' and existingVaultId are both missing/],
    [
      { vaultName: undefined, existingVaultId: 'acme-shared-kv', allowedIpRanges: undefined },
      /'existingVaultId' must be the resource id of a Key Vault .*az keyvault show --query id/,
    ],
    [
      { vaultName: undefined, existingVaultId: EXISTING },
      /'allowedIpRanges' only apply to a vault this construct creates/,
    ],
    [
      { logAnalyticsWorkspaceId: undefined },
      /'logAnalyticsWorkspaceId' is required when the construct creates the vault/,
    ],
    [
      { logAnalyticsWorkspaceId: 'security' },
      /'logAnalyticsWorkspaceId' must be the resource id of a Log Analytics workspace/,
    ],
    [{ secretNames: ['partner_api_key'] }, /'secretNames\[0\]' must be a Key Vault object name/],
    [
      { secretNames: ['https://acme-orders-kv.vault.azure.net/secrets/x'] },
      /'secretNames\[0\]' must be a Key Vault object name/,
    ],
    [
      { allowedIpRanges: ['10.0.0.0/33'] },
      /'allowedIpRanges\[0\]' must be a public IPv4 address or CIDR range/,
    ],
    [{ allowedIpRanges: ['300.1.1.1'] }, /'allowedIpRanges\[0\]'/],
  ] as Array<[Partial<CrossCloudKeyVaultFederationProps>, string | RegExp]>)(
    'fails on %j',
    (props, message) => {
      expect(() => federation(testStack(), props)).toThrow(message);
    },
  );

  test('tokens are never rejected', () => {
    expect(() =>
      federation(testStack(), {
        tenantId: Token.asString({ Ref: 't' }),
        vaultName: Token.asString({ Ref: 'v' }),
        logAnalyticsWorkspaceId: Token.asString({ Ref: 'w' }),
      }),
    ).not.toThrow();
    expect(() =>
      existing(testStack(), {
        existingVaultId: Token.asString({ Ref: 'id' }),
        secretNames: [Token.asString({ Ref: 's' })],
      }),
    ).not.toThrow();
  });
});

describe('CrossCloudKeyVaultFederation with a vault id given by reference', () => {
  test('the vault URI takes the name from the id at apply time', () => {
    const stack = testStack();
    const f = federation(stack, {
      vaultName: undefined,
      existingVaultId: new TerraformVariable(stack, 'vault_id', { type: 'string' }).stringValue,
      logAnalyticsWorkspaceId: undefined,
      allowedIpRanges: undefined,
    });
    expect(resolve(stack, f.vaultUri)).toBe(
      'https://${element(split("/", var.vault_id), 8)}.vault.azure.net/',
    );
  });
});

describe('CrossCloudKeyVaultFederation role assignment description', () => {
  test('names the workload by its email, never by a path a stack rename would change', () => {
    const stack = testStack();
    federation(stack);
    const [assignment] = bodiesOf(synth(stack), 'azurerm_role_assignment');
    expect(assignment.description).toBe(
      'orders-api-run@acme-prod.iam.gserviceaccount.com (Google Cloud) through workload identity federation. Managed by cdktf-guardrails.',
    );
  });
});
