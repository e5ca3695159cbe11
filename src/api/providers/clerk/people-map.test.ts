import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import invitationList from './__fixtures__/invitation-list.json';
import invitation from './__fixtures__/invitation.json';
import membershipList from './__fixtures__/membership-list.json';
import roleList from './__fixtures__/role-list.json';
import userList from './__fixtures__/user-list.json';
import {
  fromAddMemberInput,
  fromInviteInput,
  singleRole,
  toInvitation,
  toInvitationStatus,
  toInvitationsQuery,
  toMember,
  toMembersQuery,
  toRole,
  toUser,
} from './people-map';
import {
  ClerkInvitationListWire,
  ClerkInvitationWire,
  ClerkMembershipListWire,
  ClerkRoleListWire,
  ClerkUserListWire,
} from './people-wire';

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const CREATED = 1735812000000;

describe('Clerk Backend API member mapping', () => {
  const list = parseWire(ClerkMembershipListWire, membershipList, 'organization memberships');

  it('maps the documented membership: user id, name, email, avatar, role and join date', () => {
    const [first] = list.data;
    if (!first) throw new Error('the fixture lists two memberships');
    const member = toMember(first);
    expect(member).toEqual({
      userId: 'user_1o4q123qMeCkKKIXcA9h8',
      membershipId: 'orgmem_21Ufcy98STcA11s3QckIwtwHIES',
      name: 'Sarah Connor',
      email: 'sarah@connor.com',
      imageUrl: 'https://images.clerk.dev/uploaded/img_jlkkcq2786n0.jpeg',
      roles: [{ key: 'org:member', name: 'Member' }],
      joinedAt: '2021-11-27T08:11:09.544Z',
      details: expect.arrayContaining([
        { key: 'permissions', value: ['org:sys_memberships:read'] },
      ]) as unknown,
    });
    expect(member.details.map((detail) => detail.key)).not.toContain('organization');
    expect(list.total_count).toBe(2);
  });

  it('falls back to the username for the name and shows no email for a phone identifier', () => {
    const second = list.data[1];
    if (!second) throw new Error('the fixture lists two memberships');
    expect(toMember(second)).toMatchObject({ name: 'jdoe', email: null, userId: 'user_2abc' });
  });

  it('refuses a membership without public_user_data, which member calls need', () => {
    const [first] = list.data;
    if (!first) throw new Error('the fixture lists two memberships');
    const error = thrown(() => toMember({ ...first, public_user_data: undefined }));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('public_user_data.user_id');
  });

  it('keeps required fields required, naming the field', () => {
    const broken = {
      ...membershipList,
      data: [{ ...membershipList.data[0], permissions: undefined }],
    };
    const error = thrown(() =>
      parseWire(ClerkMembershipListWire, broken, 'organization memberships'),
    );
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('data[0].permissions');
  });

  it('builds the list query: offset from the page, role list, order_by from the sort', () => {
    expect(
      toMembersQuery(
        {
          page: 3,
          pageSize: 20,
          search: ' ada ',
          role: 'org:admin',
          sort: { field: 'name', direction: 'desc' },
        },
        20,
      ),
    ).toEqual({
      limit: 20,
      offset: 40,
      query: 'ada',
      role: ['org:admin'],
      order_by: '-first_name',
    });
    expect(
      toMembersQuery(
        {
          page: 1,
          pageSize: 10,
          search: '',
          role: null,
          sort: { field: 'joinedAt', direction: 'asc' },
        },
        10,
      ),
    ).toEqual({ limit: 10, offset: 0, query: undefined, role: undefined, order_by: '+created_at' });
  });

  it('sends one role on add and refuses anything but exactly one on change', () => {
    expect(fromAddMemberInput({ userId: 'user_1', roles: ['org:admin'] })).toEqual({
      user_id: 'user_1',
      role: 'org:admin',
    });
    expect(fromAddMemberInput({ userId: 'user_1', roles: [] })).toEqual({ user_id: 'user_1' });
    expect(singleRole(['org:member'])).toBe('org:member');
    expect(thrown(() => singleRole([])).kind).toBe('validation');
    expect(thrown(() => singleRole(['org:admin', 'org:member'])).fieldErrors).toHaveProperty(
      'roles',
    );
  });
});

describe('Clerk Backend API invitation mapping', () => {
  it('maps the documented invitation with its inviter, link and dates', () => {
    const wire = parseWire(ClerkInvitationWire, invitation, 'invitation');
    expect(toInvitation(wire, CREATED)).toEqual({
      id: 'orginv_2xYzInv',
      email: 'jane@acme.test',
      roles: [{ key: 'org:member', name: 'Member' }],
      status: 'pending',
      invitedBy: 'Sarah Connor',
      createdAt: '2025-01-02T10:00:00.000Z',
      expiresAt: '2025-02-01T10:00:00.000Z',
      url: 'https://accounts.acme.test/v1/tickets/accept?ticket=eyJhbGciOi',
      details: expect.arrayContaining([{ key: 'inviter_id', value: 'user_2abc' }]) as unknown,
    });
  });

  it('reads a pending invitation past its expiry as expired', () => {
    const wire = parseWire(ClerkInvitationWire, invitation, 'invitation');
    expect(toInvitation(wire, invitation.expires_at + 1).status).toBe('expired');
  });

  it('maps the nullable fields of a revoked invitation to null', () => {
    const list = parseWire(ClerkInvitationListWire, invitationList, 'invitations');
    const [revoked] = list.data;
    if (!revoked) throw new Error('the fixture lists one invitation');
    expect(toInvitation(revoked, CREATED)).toMatchObject({
      status: 'revoked',
      invitedBy: null,
      url: null,
      expiresAt: null,
      roles: [{ key: 'org:admin', name: 'Admin' }],
    });
  });

  it('normalises every Clerk status, and reads a missing one from the expiry', () => {
    expect(toInvitationStatus('accepted', null, 0)).toBe('accepted');
    expect(toInvitationStatus('completed', null, 0)).toBe('accepted');
    expect(toInvitationStatus('expired', null, 0)).toBe('expired');
    expect(toInvitationStatus('invalid', null, 0)).toBe('failed');
    expect(toInvitationStatus('something_new', null, 0)).toBe('failed');
    expect(toInvitationStatus(undefined, 10, 5)).toBe('pending');
    expect(toInvitationStatus(undefined, 10, 10)).toBe('expired');
  });

  it('requires the url key even though its value may be null', () => {
    const withoutUrl = Object.fromEntries(
      Object.entries(invitation).filter(([key]) => key !== 'url'),
    );
    const error = thrown(() => parseWire(ClerkInvitationWire, withoutUrl, 'invitation'));
    expect(error.message).toContain('url');
  });

  it('builds the list query with repeated statuses, none meaning every status', () => {
    expect(
      toInvitationsQuery({ page: 2, pageSize: 25, statuses: ['pending', 'expired'] }, 25),
    ).toEqual({ limit: 25, offset: 25, status: ['pending', 'expired'] });
    expect(toInvitationsQuery({ page: 1, pageSize: 25, statuses: [] }, 25).status).toBeUndefined();
  });

  it('sends the role, notify, expires_in_days and inviter_user_id only when given', () => {
    expect(
      fromInviteInput({
        email: ' jane@acme.test ',
        roles: ['org:member'],
        sendEmail: false,
        expiresInDays: 7,
        inviterUserId: 'user_admin',
      }),
    ).toEqual({
      email_address: 'jane@acme.test',
      role: 'org:member',
      notify: false,
      expires_in_days: 7,
      inviter_user_id: 'user_admin',
    });
    expect(fromInviteInput({ email: 'jane@acme.test', roles: [] })).toEqual({
      email_address: 'jane@acme.test',
    });
  });
});

describe('Clerk Backend API users and roles', () => {
  it('maps users with their primary email, whichever position it has', () => {
    const users = parseWire(ClerkUserListWire, userList, 'user list').map(toUser);
    expect(users).toEqual([
      {
        id: 'user_2abc',
        name: 'Sarah Connor',
        email: 'sarah@connor.com',
        imageUrl: 'https://img.clerk.com/...',
      },
      { id: 'user_2noemail', name: 'phoneonly', email: null, imageUrl: null },
    ]);
  });

  it('maps roles with their key, name, description and id', () => {
    const roles = parseWire(ClerkRoleListWire, roleList, 'roles').data.map(toRole);
    expect(roles).toEqual([
      {
        key: 'org:admin',
        name: 'Admin',
        description: 'Full access to the organization.',
        id: 'role_2admin',
      },
      { key: 'org:auditor', name: 'Auditor', description: null, id: 'role_2custom' },
    ]);
  });
});
