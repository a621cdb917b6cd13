import { azureRole } from '../../lib/analysis/role-catalog';
import { azureCatalog } from '../helpers';

describe('Azure role sizes in the shipped catalog', () => {
  const azure = azureCatalog();
  const size = (name: string) => azureRole(name)?.operationCount;

  test('a role without wildcards counts its actions and data actions', () => {
    for (const name of ['Key Vault Secrets User', 'Key Vault Crypto User']) {
      const listed = azure.details[name].permissions.flatMap((p) => [
        ...p.actions,
        ...p.dataActions,
      ]);
      expect(listed.some((a) => a.includes('*'))).toBe(false);
      expect({ name, size: size(name) }).toEqual({ name, size: listed.length });
    }
    expect(size('Key Vault Secrets User')).toBe(2);
  });

  test('wildcards are expanded, so wider roles are larger', () => {
    expect(size('Key Vault Secrets Officer')).toBeGreaterThan(size('Key Vault Secrets User')!);
    expect(size('Key Vault Administrator')).toBeGreaterThan(size('Key Vault Secrets Officer')!);
    expect(size('Contributor')).toBeGreaterThan(size('Key Vault Administrator')!);
    // Contributor is Owner without role assignments and a few other actions.
    expect(size('Owner')).toBeGreaterThan(size('Contributor')!);
    expect(size('Owner')).toBeGreaterThan(size('Reader')!);
  });
});
