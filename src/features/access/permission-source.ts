import type { EffectivePermission, PermissionSource } from '../../api/people';

/** How the member drawer names where a permission comes from. */
export function permissionSourceLabel(source: PermissionSource): string {
  switch (source.kind) {
    case 'direct':
      return 'Granted directly';
    case 'role':
      return `Via ${source.role.name}`;
    case 'unattributed':
      return 'Not from a listed role';
  }
}

export function permissionSourcesText(permission: EffectivePermission): string {
  return permission.sources.map(permissionSourceLabel).join(' · ');
}
