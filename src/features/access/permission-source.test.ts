import { describe, expect, it } from 'vitest';
import { permissionSourceLabel, permissionSourcesText } from './permission-source';

describe('permission source labels', () => {
  it('names direct grants, roles, and permissions no listed role explains', () => {
    expect(permissionSourceLabel({ kind: 'direct' })).toBe('Granted directly');
    expect(permissionSourceLabel({ kind: 'role', role: { key: 'org:admin', name: 'Admin' } })).toBe(
      'Via Admin',
    );
    expect(permissionSourceLabel({ kind: 'unattributed' })).toBe('Not from a listed role');
  });

  it('never calls an unattributed permission a direct grant', () => {
    const text = permissionSourcesText({
      key: 'org:sys_profile:delete',
      name: 'org:sys_profile:delete',
      sources: [{ kind: 'unattributed' }],
    });
    expect(text).toBe('Not from a listed role');
    expect(text).not.toContain('directly');
  });

  it('joins several sources', () => {
    expect(
      permissionSourcesText({
        key: 'read:logs',
        name: 'Read logs',
        sources: [{ kind: 'direct' }, { kind: 'role', role: { key: 'member', name: 'Member' } }],
      }),
    ).toBe('Granted directly · Via Member');
  });
});
