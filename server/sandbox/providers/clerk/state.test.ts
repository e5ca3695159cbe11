import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitations';
import { ADMIN_ROLE, MEMBER_ROLE, roleByKey } from './roles';
import { GLOBEX_MEMBERS, GLOBEX_SLUG, SEED_TO } from './seed-people';
import { DEMO_MEMBER_ONLY, DEMO_MEMBERSHIPS, seedClerk } from './state';

describe('seedClerk', () => {
  const state = seedClerk();

  it('is the same on every run', () => {
    expect(JSON.stringify(seedClerk())).toBe(JSON.stringify(state));
  });

  it('seeds hundreds of orgs with Clerk-shaped ids, unique slugs and 2023–2026 times in ms', () => {
    expect(state.orgs.length).toBeGreaterThanOrEqual(260);
    expect(state.users.length).toBeGreaterThanOrEqual(1000);
    for (const org of state.orgs) {
      expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);
      expect(org.slug).toMatch(/^[a-z0-9-]+$/);
      expect(org.created_at).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
      expect(org.updated_at).toBeGreaterThanOrEqual(org.created_at);
      expect(org.updated_at).toBeLessThan(Date.UTC(2027, 0, 1));
      expect(org.max_allowed_memberships === 0 || org.max_allowed_memberships >= 5).toBe(true);
    }
    expect(new Set(state.orgs.map((org) => org.slug)).size).toBe(state.orgs.length);
    expect(state.orgs.some((org) => Object.keys(org.private_metadata).length > 0)).toBe(true);
  });

  it('keeps memberships consistent: creators are admins, limits hold, nobody joins before signing up', () => {
    const users = new Map(state.users.map((user) => [user.id, user]));
    const perOrg = new Map<string, number>();
    for (const membership of state.memberships) {
      expect(membership.created_at).toBeGreaterThanOrEqual(
        users.get(membership.user_id)?.created_at ?? Infinity,
      );
      perOrg.set(membership.org_id, (perOrg.get(membership.org_id) ?? 0) + 1);
    }
    for (const org of state.orgs) {
      if (org.created_by !== null) {
        const creator = state.memberships.find(
          (m) => m.org_id === org.id && m.user_id === org.created_by,
        );
        expect(creator?.role).toBe(ADMIN_ROLE);
      }
      if (org.max_allowed_memberships > 0) {
        expect(perOrg.get(org.id) ?? 0).toBeLessThanOrEqual(org.max_allowed_memberships);
      }
    }
    expect(Math.max(...perOrg.values())).toBeGreaterThanOrEqual(100);
    expect(state.invitations.some((invitation) => invitation.status === 'pending')).toBe(true);
  });

  it('makes the Frontend API user an admin of most of their orgs and a plain member of a few', () => {
    const globex = state.orgs.find((org) => org.slug === GLOBEX_SLUG);
    const mine = state.memberships.filter(
      (membership) => membership.user_id === state.demo_user_id && membership.org_id !== globex?.id,
    );
    expect(mine).toHaveLength(DEMO_MEMBERSHIPS);
    expect(mine.filter((membership) => membership.role === MEMBER_ROLE)).toHaveLength(
      DEMO_MEMBER_ONLY,
    );
    expect(mine.filter((membership) => membership.role === ADMIN_ROLE)).toHaveLength(
      DEMO_MEMBERSHIPS - DEMO_MEMBER_ONLY,
    );
  });

  it('seeds Globex Enterprise with 2,000 distinct members, the demo user among its admins', () => {
    const globex = state.orgs.find((org) => org.slug === GLOBEX_SLUG);
    expect(globex?.name).toBe('Globex Enterprise');
    const members = state.memberships.filter((membership) => membership.org_id === globex?.id);
    expect(members).toHaveLength(GLOBEX_MEMBERS);
    expect(new Set(members.map((membership) => membership.user_id)).size).toBe(GLOBEX_MEMBERS);
    expect(globex?.max_allowed_memberships).toBe(0);
    const demo = members.find((membership) => membership.user_id === state.demo_user_id);
    expect(demo?.role).toBe(ADMIN_ROLE);
    const roles = new Set(members.map((membership) => membership.role));
    expect(roles).toEqual(new Set([ADMIN_ROLE, MEMBER_ROLE, 'org:billing', 'org:support']));
  });

  it('seeds a role catalogue Clerk would have: system permissions for admins, read ones for members, custom ones for custom roles', () => {
    const permissions = new Map(state.permissions.map((p) => [p.key, p]));
    const rolePermissions = (key: string) => roleByKey(state.roles, key)?.permissions ?? [];
    const system = state.permissions.filter((p) => p.type === 'system').map((p) => p.key);
    expect(system.every((key) => key.startsWith('org:sys_'))).toBe(true);
    expect(rolePermissions(ADMIN_ROLE)).toEqual(system);
    for (const family of ['org:sys_profile:', 'org:sys_memberships:', 'org:sys_domains:'])
      expect(rolePermissions(ADMIN_ROLE).some((key) => key.startsWith(family))).toBe(true);
    expect(rolePermissions(MEMBER_ROLE)).toContain('org:sys_memberships:read');
    expect(rolePermissions(MEMBER_ROLE).every((key) => key.endsWith(':read'))).toBe(true);
    for (const role of state.roles) {
      for (const key of role.permissions) expect(permissions.has(key), key).toBe(true);
      if (role.key === ADMIN_ROLE || role.key === MEMBER_ROLE) continue;
      expect(role.permissions.some((key) => permissions.get(key)?.type === 'user')).toBe(true);
    }
    // Every seeded membership's role is in the catalogue, so its permissions are that role's.
    const keys = new Set(state.roles.map((role) => role.key));
    expect(state.memberships.every((membership) => keys.has(membership.role))).toBe(true);
  });

  it('seeds invitations consistent with the members: accepted ones for members, none pending for one', () => {
    const users = new Map(state.users.map((user) => [user.id, user]));
    const membersByOrg = new Map<string, Set<string>>();
    for (const membership of state.memberships) {
      const set = membersByOrg.get(membership.org_id) ?? new Set<string>();
      const email = users.get(membership.user_id)?.email_address;
      if (email) set.add(email);
      membersByOrg.set(membership.org_id, set);
    }
    const after = SEED_TO + 1;
    for (const invitation of state.invitations) {
      const isMember = membersByOrg.get(invitation.org_id)?.has(invitation.email_address) ?? false;
      expect(isMember).toBe(invitation.status === 'accepted');
      expect(invitation.expires_at).toBeGreaterThan(invitation.created_at);
    }
    const globex = state.orgs.find((org) => org.slug === GLOBEX_SLUG);
    const statuses = state.invitations
      .filter((invitation) => invitation.org_id === globex?.id)
      .map((invitation) => invitationStatus(invitation, after));
    expect(new Set(statuses)).toEqual(new Set(['pending', 'accepted', 'revoked', 'expired']));
  });

  it('keeps seeded pending invitations pending for a year after the last seeded date', () => {
    const later = SEED_TO + 300 * 24 * 60 * 60 * 1000;
    const pending = state.invitations.filter((invitation) => invitation.status === 'pending');
    const stillPending = pending.filter((i) => invitationStatus(i, later) === 'pending');
    const expired = pending.filter((i) => invitationStatus(i, SEED_TO) === 'expired');
    expect(stillPending.length).toBeGreaterThan(20);
    expect(stillPending.length + expired.length).toBe(pending.length);
  });
});
