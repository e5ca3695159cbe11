import { createClerkClient, type ClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server';

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

function unique(): string {
  return Math.random().toString(36).slice(2, 8);
}

async function clerkFailure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isClerkAPIResponseError(error))
    throw new Error(`expected a ClerkAPIResponseError, got ${String(error)}`);
  return error;
}

/** `@clerk/backend`, unchanged, pointed at the sandbox's Backend API. */
describe('@clerk/backend against the Clerk sandbox', () => {
  let server: TestServer;
  let clerk: ClerkClient;

  beforeAll(async () => {
    server = await startTestServer();
    clerk = createClerkClient({
      secretKey: 'sandbox-token',
      apiUrl: `${server.origin}/sandbox/clerk`,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists organizations with limit, offset, query, orderBy and member counts', async () => {
    const first = await clerk.organizations.getOrganizationList({
      limit: 5,
      includeMembersCount: true,
    });
    expect(first.data).toHaveLength(5);
    expect(first.totalCount).toBeGreaterThanOrEqual(250);
    expect(first.data.every((org) => typeof org.membersCount === 'number')).toBe(true);

    const second = await clerk.organizations.getOrganizationList({ limit: 5, offset: 5 });
    const seen = new Set(first.data.map((org) => org.id));
    expect(second.data.some((org) => seen.has(org.id))).toBe(false);

    const byMembers = await clerk.organizations.getOrganizationList({
      limit: 10,
      orderBy: '-members_count',
      includeMembersCount: true,
    });
    const counts = byMembers.data.map((org) => org.membersCount ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThanOrEqual(100);

    const target = byMembers.data[0];
    const found = await clerk.organizations.getOrganizationList({ query: target?.slug ?? '' });
    expect(found.data.map((org) => org.id)).toContain(target?.id);
  });

  it('creates, reads by ID and by slug, updates and deletes an organization', async () => {
    const slug = `sdk-${unique()}`;
    const created = await clerk.organizations.createOrganization({
      name: 'SDK Org',
      slug,
      maxAllowedMemberships: 25,
      publicMetadata: { plan: 'pro' },
    });
    expect(created.slug).toBe(slug);
    expect(created.maxAllowedMemberships).toBe(25);
    expect(created.publicMetadata).toEqual({ plan: 'pro' });
    expect(created.createdAt).toBeGreaterThan(Date.UTC(2024, 0, 1));

    const byId = await clerk.organizations.getOrganization({
      organizationId: created.id,
      includeMembersCount: true,
    });
    expect(byId.membersCount).toBe(0);
    const bySlug = await clerk.organizations.getOrganization({ slug });
    expect(bySlug.id).toBe(created.id);

    const updated = await clerk.organizations.updateOrganization(created.id, {
      name: 'SDK Org Renamed',
      adminDeleteEnabled: false,
    });
    expect(updated.name).toBe('SDK Org Renamed');
    expect(updated.adminDeleteEnabled).toBe(false);

    const deleted = await clerk.organizations.deleteOrganization(created.id);
    expect(deleted).toMatchObject({ object: 'organization', id: created.id, deleted: true });
    const missing = await clerkFailure(
      clerk.organizations.getOrganization({ organizationId: created.id }),
    );
    expect(missing.status).toBe(404);
    expect(missing.errors[0]?.code).toBe('resource_not_found');
  });

  it('merges and replaces metadata', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Meta ${unique()}` });
    await clerk.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { a: { x: 1, y: 2 }, b: 1 },
      privateMetadata: { crm: 'hubspot' },
    });
    const merged = await clerk.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { a: { y: null, z: 3 } },
    });
    expect(merged.publicMetadata).toEqual({ a: { x: 1, z: 3 }, b: 1 });
    expect(merged.privateMetadata).toEqual({ crm: 'hubspot' });

    const replaced = await clerk.organizations.replaceOrganizationMetadata(org.id, {
      publicMetadata: { only: true },
    });
    expect(replaced.publicMetadata).toEqual({ only: true });
    expect(replaced.privateMetadata).toEqual({ crm: 'hubspot' });
  });

  it('uploads a logo from a Blob and deletes it', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Logo ${unique()}` });
    const withLogo = await clerk.organizations.updateOrganizationLogo(org.id, {
      file: new Blob([PNG], { type: 'image/png' }),
    });
    expect(withLogo.hasImage).toBe(true);
    const image = await fetch(withLogo.imageUrl);
    expect(image.headers.get('content-type')).toBe('image/png');

    const withoutLogo = await clerk.organizations.deleteOrganizationLogo(org.id);
    expect(withoutLogo.hasImage).toBe(false);
  });

  it('uploads a logo on behalf of an existing uploader user', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Uploader ${unique()}` });
    const [uploader] = (await clerk.users.getUserList({ limit: 1 })).data;
    expect(uploader?.id).toMatch(/^user_/);
    const withLogo = await clerk.organizations.updateOrganizationLogo(org.id, {
      file: new Blob([PNG], { type: 'image/png' }),
      uploaderUserId: uploader?.id ?? '',
    });
    expect(withLogo.id).toBe(org.id);
    expect(withLogo.hasImage).toBe(true);
    const image = await fetch(withLogo.imageUrl);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
  });

  it('refuses an unknown uploader user with Clerk’s 400 and keeps the logo as it was', async () => {
    const org = await clerk.organizations.createOrganization({ name: `No uploader ${unique()}` });
    const refused = await clerkFailure(
      clerk.organizations.updateOrganizationLogo(org.id, {
        file: new Blob([PNG], { type: 'image/png' }),
        uploaderUserId: 'user_doesnotexist000000000000',
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatchObject({
      code: 'form_param_value_invalid',
      message: 'is invalid',
      meta: { paramName: 'uploader_user_id' },
    });
    expect(refused.errors[0]?.longMessage).toContain('user_doesnotexist000000000000');
    expect((await clerk.organizations.getOrganization({ organizationId: org.id })).hasImage).toBe(
      false,
    );
  });

  it('surfaces Clerk errors: a taken slug with its param, a 429 with Retry-After', async () => {
    const org = await clerk.organizations.createOrganization({ name: `Taken ${unique()}` });
    const taken = await clerkFailure(
      clerk.organizations.createOrganization({ name: 'Again', slug: org.slug }),
    );
    expect(taken.status).toBe(422);
    expect(taken.errors[0]).toMatchObject({
      code: 'form_identifier_exists',
      meta: { paramName: 'slug' },
    });

    await server.addFault({
      vendor: 'clerk',
      path: '/v1/organizations',
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
    });
    const limited = await clerkFailure(clerk.organizations.getOrganizationList());
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe(3);
    expect(limited.errors[0]?.code).toBe('too_many_requests');
  });

  describe('members, invitations, users and roles', () => {
    const globex = () => clerk.organizations.getOrganization({ slug: 'globex-enterprise' });

    it('lists memberships with limit, offset, query, role filters and orderBy', async () => {
      const org = await globex();
      const first = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        limit: 100,
        orderBy: '+email_address',
      });
      expect(first.totalCount).toBe(2000);
      expect(first.data).toHaveLength(100);
      const emails = first.data.map((m) => m.publicUserData?.identifier ?? '');
      expect(emails).toEqual([...emails].sort());
      const second = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        limit: 100,
        offset: 100,
        orderBy: '+email_address',
      });
      const seen = new Set(first.data.map((m) => m.id));
      expect(second.data.some((m) => seen.has(m.id))).toBe(false);

      const admins = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        role: ['org:admin'],
        limit: 500,
      });
      expect(admins.totalCount).toBeGreaterThan(1);
      expect(admins.data.every((m) => m.role === 'org:admin')).toBe(true);
      expect(admins.data[0]?.organization.id).toBe(org.id);

      const target = first.data[0]?.publicUserData;
      const byQuery = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        query: target?.identifier ?? '',
      });
      expect(byQuery.data.map((m) => m.publicUserData?.userId)).toContain(target?.userId);
      const byName = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        nameQuery: target?.lastName ?? '',
        limit: 500,
      });
      expect(byName.data.map((m) => m.publicUserData?.userId)).toContain(target?.userId);
    });

    it('creates, updates and deletes a membership for a user found with getUserList', async () => {
      const org = await clerk.organizations.createOrganization({ name: `Members ${unique()}` });
      const users = await clerk.users.getUserList({ limit: 5, orderBy: '-created_at' });
      expect(users.data).toHaveLength(5);
      expect(users.totalCount).toBeGreaterThanOrEqual(2000);
      const user = users.data[0];
      const email = user?.primaryEmailAddress?.emailAddress ?? '';
      expect(email).toContain('@');
      const found = await clerk.users.getUserList({ query: email });
      expect(found.data.map((candidate) => candidate.id)).toContain(user?.id);
      expect(found.totalCount).toBe(found.data.length);
      const byEmail = await clerk.users.getUserList({ emailAddress: [email] });
      expect(byEmail.data.map((candidate) => candidate.id)).toEqual([user?.id]);

      const created = await clerk.organizations.createOrganizationMembership({
        organizationId: org.id,
        userId: user?.id ?? '',
        role: 'org:member',
      });
      expect(created.role).toBe('org:member');
      expect(created.publicUserData?.userId).toBe(user?.id);
      expect(created.organization.id).toBe(org.id);

      const duplicate = await clerkFailure(
        clerk.organizations.createOrganizationMembership({
          organizationId: org.id,
          userId: user?.id ?? '',
          role: 'org:member',
        }),
      );
      expect(duplicate.status).toBe(400);
      expect(duplicate.errors[0]?.code).toBe('already_a_member_in_organization');

      const updated = await clerk.organizations.updateOrganizationMembership({
        organizationId: org.id,
        userId: user?.id ?? '',
        role: 'org:admin',
      });
      expect(updated.role).toBe('org:admin');
      expect(updated.permissions).toContain('org:sys_memberships:manage');

      const ofUser = await clerk.users.getOrganizationMembershipList({ userId: user?.id ?? '' });
      expect(ofUser.data.map((membership) => membership.organization.id)).toContain(org.id);

      const deleted = await clerk.organizations.deleteOrganizationMembership({
        organizationId: org.id,
        userId: user?.id ?? '',
      });
      expect(deleted.id).toBe(created.id);
      const after = await clerk.organizations.getOrganization({
        organizationId: org.id,
        includeMembersCount: true,
      });
      expect(after.membersCount).toBe(0);
    });

    it('sends bulk invitations in the name of an org admin, and refuses a non-admin inviter', async () => {
      const org = await clerk.organizations.createOrganization({
        name: `Inviters ${unique()}`,
        maxAllowedMemberships: 0,
      });
      const [admin, member] = (await clerk.users.getUserList({ limit: 2, orderBy: '-created_at' }))
        .data;
      for (const [user, role] of [
        [admin, 'org:admin'],
        [member, 'org:member'],
      ] as const) {
        await clerk.organizations.createOrganizationMembership({
          organizationId: org.id,
          userId: user?.id ?? '',
          role,
        });
      }
      const bulk = await clerk.organizations.createOrganizationInvitationBulk(org.id, [
        {
          emailAddress: `by-admin-${unique()}@example.com`,
          role: 'org:member',
          inviterUserId: admin?.id ?? '',
        },
      ]);
      expect(bulk.data.map((item) => item.status)).toEqual(['pending']);
      const refused = await clerkFailure(
        clerk.organizations.createOrganizationInvitationBulk(org.id, [
          { emailAddress: `fine-${unique()}@example.com`, role: 'org:member' },
          {
            emailAddress: `by-member-${unique()}@example.com`,
            role: 'org:member',
            inviterUserId: member?.id ?? '',
          },
        ]),
      );
      expect(refused.status).toBe(403);
      expect(refused.errors[0]?.code).toBe('not_an_admin_in_organization');
      const pending = await clerk.organizations.getOrganizationInvitationList({
        organizationId: org.id,
        status: ['pending'],
      });
      expect(pending.totalCount).toBe(1);
    });

    it('creates invitations one at a time and in bulk, gets, lists by status and revokes them', async () => {
      const org = await clerk.organizations.createOrganization({
        name: `Invites ${unique()}`,
        maxAllowedMemberships: 0,
      });
      const email = `sdk-${unique()}@example.com`;
      const invitation = await clerk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: email,
        role: 'org:member',
        expiresInDays: 14,
        redirectUrl: 'https://app.example.com/welcome',
        publicMetadata: { source: 'sdk' },
      });
      expect(invitation.status).toBe('pending');
      expect(invitation.expiresAt - invitation.createdAt).toBe(14 * 86_400_000);
      expect(invitation.url).toContain('redirect_url=https%3A%2F%2Fapp.example.com%2Fwelcome');
      expect(invitation.publicMetadata).toEqual({ source: 'sdk' });

      const bulk = await clerk.organizations.createOrganizationInvitationBulk(org.id, [
        { emailAddress: `bulk-a-${unique()}@example.com`, role: 'org:member' },
        { emailAddress: `bulk-b-${unique()}@example.com`, role: 'org:admin' },
      ]);
      expect(bulk.data.map((item) => item.role)).toEqual(['org:member', 'org:admin']);
      const tooMany = await clerkFailure(
        clerk.organizations.createOrganizationInvitationBulk(
          org.id,
          Array.from({ length: 11 }, (_, index) => ({
            emailAddress: `many-${index}-${unique()}@example.com`,
            role: 'org:member',
          })),
        ),
      );
      expect(tooMany.status).toBe(422);

      const fetched = await clerk.organizations.getOrganizationInvitation({
        organizationId: org.id,
        invitationId: invitation.id,
      });
      expect(fetched.emailAddress).toBe(email);

      const revoked = await clerk.organizations.revokeOrganizationInvitation({
        organizationId: org.id,
        invitationId: invitation.id,
      });
      expect(revoked.status).toBe('revoked');
      const again = await clerkFailure(
        clerk.organizations.revokeOrganizationInvitation({
          organizationId: org.id,
          invitationId: invitation.id,
        }),
      );
      expect(again.status).toBe(400);
      expect(again.errors[0]?.code).toBe('organization_invitation_not_pending');

      const pending = await clerk.organizations.getOrganizationInvitationList({
        organizationId: org.id,
        status: ['pending'],
      });
      expect(pending.totalCount).toBe(2);
      const both = await clerk.organizations.getOrganizationInvitationList({
        organizationId: org.id,
        status: ['pending', 'revoked'],
      });
      expect(both.totalCount).toBe(3);
      // The SDK's Organization does not map it; the raw body carries the count.
      const counted = await clerk.organizations.getOrganization({ organizationId: org.id });
      expect(counted.raw?.pending_invitations_count).toBe(2);
    });

    it('lists expired seeded invitations as expired', async () => {
      const org = await globex();
      const expired = await clerk.organizations.getOrganizationInvitationList({
        organizationId: org.id,
        status: ['expired'],
      });
      expect(expired.totalCount).toBeGreaterThan(0);
      for (const invitation of expired.data) {
        expect(invitation.status).toBe('expired');
        expect(invitation.expiresAt).toBeLessThan(Date.now());
      }
    });

    it('finds a membership by userId whose permissions are exactly its role’s', async () => {
      const org = await globex();
      const billing = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        role: ['org:billing'],
        limit: 1,
      });
      const userId = billing.data[0]?.publicUserData?.userId ?? '';
      const found = await clerk.organizations.getOrganizationMembershipList({
        organizationId: org.id,
        userId: [userId],
      });
      expect(found.totalCount).toBe(1);
      const [membership] = found.data;
      expect(membership?.publicUserData?.userId).toBe(userId);
      const roles = await clerk.organizationRoles.getOrganizationRoleList({ query: 'org:billing' });
      const granted = roles.data[0]?.permissions.map((permission) => permission.key) ?? [];
      expect(granted).toContain('org:invoices:export');
      expect([...(membership?.permissions ?? [])].sort()).toEqual([...granted].sort());
    });

    it('lists organization roles with their permissions', async () => {
      const roles = await clerk.organizationRoles.getOrganizationRoleList({
        orderBy: '+created_at',
        limit: 10,
      });
      expect(roles.totalCount).toBe(4);
      expect(roles.data.map((role) => role.key)).toEqual([
        'org:admin',
        'org:member',
        'org:billing',
        'org:support',
      ]);
      expect(roles.data[0]?.permissions.map((permission) => permission.key)).toContain(
        'org:sys_memberships:manage',
      );
      const found = await clerk.organizationRoles.getOrganizationRoleList({ query: 'billing' });
      expect(found.data.map((role) => role.name)).toEqual(['Billing manager']);
    });
  });
});
