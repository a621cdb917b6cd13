// Derives the compact IAM catalog copy that the tests use as their oracle, from the public
// dataset at $IAM_DATA (default ../shared/iam-data; github.com/iann0036/iam-dataset, MIT).
//
//   npm run derive-roles
//
// Writes test/fixtures/iam/{gcp-roles.json, azure-roles.json, LICENSE}. Run it again when
// a construct starts emitting a new role or permission, and commit the result.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Roles } from '../lib/core/roles';
import { writeRoleCatalog } from './role-catalog';

const source = process.env.IAM_DATA ?? join(__dirname, '..', '..', 'shared', 'iam-data');
const target = join(__dirname, '..', 'test', 'fixtures', 'iam');

/** Permissions the library puts in custom roles (Vertex AI endpoint callers). */
const CUSTOM_ROLE_PERMISSIONS = ['aiplatform.endpoints.predict', 'aiplatform.endpoints.explain'];
/** Azure built-in roles the library may assign, and the ones it must never assign. */
const AZURE_ROLES_IN_DETAIL = [
  'Key Vault Secrets User',
  'Key Vault Crypto User',
  'Key Vault Certificate User',
  'Key Vault Administrator',
  'Owner',
  'Contributor',
  'User Access Administrator',
];

interface GcpRole {
  name: string;
  stage: string;
  includedPermissions?: string[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const roleFiles = readdirSync(join(source, 'gcp', 'roles')).filter((f) => f.endsWith('.json'));
const roles = roleFiles.map((f) => readJson<GcpRole>(join(source, 'gcp', 'roles', f)));
const catalog = readJson<GcpRole[]>(join(source, 'gcp', 'predefined_roles.json'));

const roleByName = new Map(roles.map((r) => [r.name, r]));
const emitted = new Set(Roles.all().map((r) => r.name));
const watched = new Set([
  ...Roles.all().flatMap((r) => r.keyPermissions),
  ...CUSTOM_ROLE_PERMISSIONS,
]);

const gcp = {
  source: 'github.com/iann0036/iam-dataset (MIT), see LICENSE',
  /** Every predefined role: stage and permission count. */
  roles: Object.fromEntries(
    catalog
      .map((r) => {
        const full = roleByName.get(r.name);
        return [
          r.name,
          { stage: r.stage, permissionCount: full?.includedPermissions?.length ?? null },
        ];
      })
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  ),
  /** Full permission lists of the roles the library emits. */
  permissions: Object.fromEntries(
    roles
      .filter((r) => emitted.has(r.name))
      .map((r) => [r.name, [...(r.includedPermissions ?? [])].sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  ),
  /** For each permission the library relies on, every role that holds it. */
  holders: Object.fromEntries(
    [...watched].sort().map((p) => [
      p,
      roles
        .filter((r) => r.includedPermissions?.includes(p))
        .map((r) => r.name)
        .sort(),
    ]),
  ),
};

interface AzureRole {
  name: string;
  roleName: string;
  permissions: Array<{
    actions: string[];
    dataActions: string[];
    notActions: string[];
    notDataActions: string[];
  }>;
}
const azureRoles = readJson<AzureRole[]>(join(source, 'azure', 'built-in-roles-raw.json'));
const azure = {
  source: 'github.com/iann0036/iam-dataset (MIT), see LICENSE',
  /** Every built-in role name with its GUID. */
  roles: Object.fromEntries(
    azureRoles.map((r) => [r.roleName, r.name]).sort(([a], [b]) => a.localeCompare(b)),
  ),
  /** Actions and data actions of the roles the library cares about. */
  details: Object.fromEntries(
    azureRoles
      .filter((r) => AZURE_ROLES_IN_DETAIL.includes(r.roleName))
      .map((r) => [r.roleName, { id: r.name, permissions: r.permissions }]),
  ),
};

mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'gcp-roles.json'), JSON.stringify(gcp, null, 1) + '\n');
writeFileSync(join(target, 'azure-roles.json'), JSON.stringify(azure, null, 1) + '\n');
copyFileSync(join(source, 'LICENSE'), join(target, 'LICENSE'));
console.log(
  `wrote ${Object.keys(gcp.roles).length} Google roles and ${azureRoles.length} Azure roles to ${target}`,
);

// The compact catalog the package ships, for the stack-wide rules and the access report.
const DATASET_COMMIT = '2073fa52ac008a45477aa0b1b4580cd99135bf60';
writeRoleCatalog(
  source,
  join(__dirname, '..', 'lib', 'analysis', 'private', 'role-catalog-data.ts'),
  DATASET_COMMIT,
);
