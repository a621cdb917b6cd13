import { plural } from '../../core/private/plural';

/** `5 permissions`, or `? permissions` when the role catalog does not know the role. */
export function permissionCount(permissions: number | undefined): string {
  return permissions === undefined ? '? permissions' : plural(permissions, 'permission');
}
