// Writes the compact role catalog that ships in the package (lib/analysis/private/role-catalog-data.ts):
// every predefined Google Cloud role with its permission count, stage and the sensitive
// permissions it holds, and every Azure built-in role with its GUID, whether it is privileged
// and how many operations it grants. Called by scripts/derive-iam-fixtures.ts (`npm run derive-roles`).
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

interface GcpRole {
  name: string;
  stage: string;
  includedPermissions?: string[];
}

interface AzureRole {
  name: string;
  roleName: string;
  permissions: Array<{
    actions: string[];
    notActions: string[];
    dataActions: string[];
    notDataActions?: string[];
  }>;
}

/** Flags of a Google role, one letter each (see GCP_FLAG_MEANING in role-catalog.ts). */
function gcpFlags(permissions: readonly string[]): string {
  const has = (test: (p: string) => boolean) => permissions.some(test);
  return [
    has((p) => p.endsWith('.setIamPolicy')) ? 'i' : '',
    has((p) => p === 'iam.serviceAccounts.actAs') ? 'a' : '',
    has((p) =>
      [
        'iam.serviceAccounts.getAccessToken',
        'iam.serviceAccounts.getOpenIdToken',
        'iam.serviceAccounts.signBlob',
        'iam.serviceAccounts.signJwt',
        'iam.serviceAccounts.implicitDelegation',
      ].includes(p),
    )
      ? 't'
      : '',
    has((p) => p === 'iam.serviceAccountKeys.create') ? 'k' : '',
    has((p) => p === 'iam.roles.create' || p === 'iam.roles.update') ? 'r' : '',
  ].join('');
}

/** Flags of an Azure role: `*` every action, `R` writes role assignments, `K` any Key Vault wildcard. */
function azureFlags(role: AzureRole): string {
  const actions = role.permissions.flatMap((p) => p.actions.map((a) => a.toLowerCase()));
  const notActions = role.permissions.flatMap((p) => p.notActions.map((a) => a.toLowerCase()));
  const dataActions = role.permissions.flatMap((p) => p.dataActions.map((a) => a.toLowerCase()));
  const writesAssignments =
    actions.some((a) =>
      [
        'microsoft.authorization/*',
        'microsoft.authorization/*/write',
        'microsoft.authorization/roleassignments/*',
        'microsoft.authorization/roleassignments/write',
      ].includes(a),
    ) &&
    !notActions.some((a) =>
      ['microsoft.authorization/*/write', 'microsoft.authorization/roleassignments/write'].includes(
        a,
      ),
    );
  const keyVaultWildcard = [...actions, ...dataActions].some(
    (a) => a.startsWith('microsoft.keyvault/') && a.endsWith('/*') && a.split('/').length <= 3,
  );
  return [
    actions.includes('*') ? '*' : '',
    writesAssignments ? 'R' : '',
    keyVaultWildcard ? 'K' : '',
  ].join('');
}

/** The concrete (wildcard-free) operations that built-in role definitions name, control and data plane. */
interface AzureOperations {
  readonly control: readonly string[];
  readonly data: readonly string[];
}

function azureOperations(roles: readonly AzureRole[]): AzureOperations {
  const control = new Set<string>();
  const data = new Set<string>();
  for (const p of roles.flatMap((r) => r.permissions)) {
    for (const a of [...p.actions, ...p.notActions])
      if (!a.includes('*')) control.add(a.toLowerCase());
    for (const a of [...p.dataActions, ...(p.notDataActions ?? [])])
      if (!a.includes('*')) data.add(a.toLowerCase());
  }
  return { control: [...control], data: [...data] };
}

/** The operations of `universe` that the Azure action patterns match (`*` matches anything, any case). */
function matching(patterns: readonly string[], universe: readonly string[]): Set<string> {
  const matched = new Set<string>();
  for (const pattern of patterns) {
    const p = pattern.toLowerCase();
    if (!p.includes('*')) {
      matched.add(p);
      continue;
    }
    const re = new RegExp(`^${p.split('*').map(escapeRegExp).join('.*')}$`);
    const hits = universe.filter((op) => re.test(op));
    // A wildcard that names no known operation still grants something: count it once.
    if (hits.length === 0) matched.add(p);
    for (const op of hits) matched.add(op);
  }
  return matched;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The size of an Azure role, comparable with the permission counts of Google roles: the
 * concrete operations named anywhere in the built-in role definitions that its `actions` and
 * `dataActions` match, minus those its `notActions`/`notDataActions` match. Azure publishes no
 * complete operation list in the dataset, so wildcard roles (Owner, Reader...) are measured
 * against the operations the built-in roles name: a lower bound, good for comparing roles.
 */
function azureOperationCount(role: AzureRole, operations: AzureOperations): number {
  let count = 0;
  for (const p of role.permissions) {
    const allowed = matching(p.actions, operations.control);
    for (const op of matching(p.notActions, operations.control)) allowed.delete(op);
    const data = matching(p.dataActions, operations.data);
    for (const op of matching(p.notDataActions ?? [], operations.data)) data.delete(op);
    count += allowed.size + data.size;
  }
  return count;
}

/** Writes the catalog module from the dataset at `source` into `target` (a .ts file). */
export function writeRoleCatalog(source: string, target: string, commit: string): void {
  const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
  const listed = read<GcpRole[]>(join(source, 'gcp', 'predefined_roles.json'));
  const roleFiles = readdirSync(join(source, 'gcp', 'roles')).filter((f) => f.endsWith('.json'));
  const permissionsOf = new Map(
    roleFiles.map((f) => {
      const role = read<GcpRole>(join(source, 'gcp', 'roles', f));
      return [role.name, role.includedPermissions] as const;
    }),
  );
  const gcp = listed
    .map((r) => {
      const permissions = permissionsOf.get(r.name);
      const count = permissions ? String(permissions.length) : '?';
      return [r.name.slice('roles/'.length), count, r.stage, gcpFlags(permissions ?? [])].join(' ');
    })
    .sort();
  const azureRoles = read<AzureRole[]>(join(source, 'azure', 'built-in-roles-raw.json'));
  const operations = azureOperations(azureRoles);
  const azure = azureRoles
    .map((r) =>
      [r.roleName, r.name, azureFlags(r), String(azureOperationCount(r, operations))].join('|'),
    )
    .sort();
  const license = readFileSync(join(source, 'LICENSE'), 'utf8').trim();
  const text = [
    '// Generated by `npm run derive-roles` (scripts/role-catalog.ts). Do not edit.',
    '//',
    `// Derived from the public IAM dataset github.com/iann0036/iam-dataset, commit ${commit}:`,
    '//',
    ...license.split('\n').map((l) => `// ${l}`.trimEnd()),
    '',
    '/** Predefined Google Cloud roles, one a line: `<name without roles/> <permission count or ?> <stage> <flags>`. */',
    `export const GCP_ROLES: string = ${JSON.stringify(gcp.join('\n'))};`,
    '',
    '/** Azure built-in roles, one a line: `<role name>|<GUID>|<flags>|<operation count>`. */',
    `export const AZURE_ROLES: string = ${JSON.stringify(azure.join('\n'))};`,
    '',
  ].join('\n');
  writeFileSync(target, text);
}
