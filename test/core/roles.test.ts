import { Roles } from '../../lib';
import { gcpCatalog } from '../helpers';

const catalog = gcpCatalog();

/** `roles/run.developer` → `run`: roles of the same service are the alternatives a reviewer would consider. */
const serviceOf = (role: string) => role.replace(/^roles\//, '').split('.')[0];

describe('Roles catalog', () => {
  test.each(Roles.all().map((r) => [r.name, r] as const))(
    '%s exists in the IAM catalog as a GA role',
    (name) => {
      expect(catalog.roles[name]).toBeDefined();
      expect(catalog.roles[name].stage).toBe('GA');
    },
  );

  test.each(Roles.all().map((r) => [r.name, r] as const))(
    '%s carries exactly the catalog permissions',
    (name, role) => {
      expect([...role.permissions].sort()).toEqual(catalog.permissions[name]);
    },
  );

  test.each(Roles.all().map((r) => [r.name, r] as const))(
    '%s is the smallest GA role of its service with its key permissions',
    (name, role) => {
      const holdersOfAll = role.keyPermissions
        .map((p) => new Set(catalog.holders[p]))
        .reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
      const candidates = [...holdersOfAll].filter(
        (r) =>
          serviceOf(r) === serviceOf(name) &&
          catalog.roles[r]?.stage === 'GA' &&
          !/serviceagent/i.test(r), // granted by Google to its own agents only
      );
      expect(candidates).toContain(name);
      const smallest = Math.min(
        ...candidates.map((r) => catalog.roles[r].permissionCount ?? Infinity),
      );
      expect(role.permissions.length).toBe(smallest);
    },
  );

  test('no basic role is in the catalog of emitted roles', () => {
    expect(Roles.all().map((r) => r.name)).not.toEqual(expect.arrayContaining(['roles/owner']));
    expect(
      Roles.all()
        .map((r) => r.name)
        .filter((r) => ['roles/owner', 'roles/editor', 'roles/viewer'].includes(r)),
    ).toEqual([]);
  });

  test('run.servicesInvoker is a single permission', () => {
    expect(Roles.RUN_SERVICES_INVOKER.permissions).toEqual(['run.routes.invoke']);
  });
});
