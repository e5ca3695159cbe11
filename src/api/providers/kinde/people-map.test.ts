import { describe, expect, it } from 'vitest';
import { parseWire } from '../../parse';
import addUsersResponse from './__fixtures__/add-organization-users-response.json';
import createInviteRequest from './__fixtures__/create-invite-request.json';
import createInviteResponse from './__fixtures__/create-invite-response.json';
import invites from './__fixtures__/organization-invites.json';
import userRoles from './__fixtures__/organization-user-roles.json';
import organizationUsers from './__fixtures__/organization-users.json';
import roles from './__fixtures__/roles.json';
import searchUsers from './__fixtures__/search-users.json';
import users from './__fixtures__/users.json';
import {
  fromInviteInput,
  invitationStatus,
  kindeDate,
  toInvitation,
  toMember,
  toRole,
  toUser,
} from './people-map';
import {
  KindeAddOrganizationUsersWire,
  KindeCreateInviteWire,
  KindeInvitesWire,
  KindeOrganizationUserRolesWire,
  KindeOrganizationUsersWire,
  KindeRolesWire,
  KindeSearchUsersWire,
  KindeUsersWire,
} from './people-wire';

const names = new Map([['admin', 'Administrator']]);

describe('Kinde org users mapping', () => {
  const wire = parseWire(KindeOrganizationUsersWire, organizationUsers, 'organization users');
  const rows = wire.organization_users ?? [];

  it('maps organization_user: id, full name, e-mail, picture, joined_on and role names', () => {
    expect(toMember(rows[0] ?? {}, names)).toEqual({
      userId: 'kp:97c2ba24217d48e3b96a799b76cf2c74',
      membershipId: null,
      name: 'John Snow',
      email: 'john.snow@example.com',
      imageUrl: 'https://example.com/john_snow.jpg',
      roles: [{ key: 'admin', name: 'Administrator' }],
      joinedAt: '2021-01-01T00:00:00Z',
      details: expect.arrayContaining([
        { key: 'last_accessed_on', value: '2022-01-01T00:00:00Z' },
        { key: 'is_suspended', value: false },
      ]) as unknown,
    });
  });

  it('keeps a member without name or e-mail, naming unknown role keys by their key', () => {
    const member = toMember(rows[1] ?? {}, names);
    expect(member).toMatchObject({ name: null, email: null, imageUrl: null });
    expect(member?.roles).toEqual([
      { key: 'manager', name: 'manager' },
      { key: 'admin', name: 'Administrator' },
    ]);
  });

  it('drops a row without an id, which no call could address', () => {
    expect(toMember(rows[2] ?? {}, names)).toBeNull();
  });

  it('reads the next_token and the bulk add and user-roles answers', () => {
    expect(wire.next_token).toBe('MTo6OmlkX2FzYw==');
    expect(
      parseWire(KindeAddOrganizationUsersWire, addUsersResponse, 'add users').users_added,
    ).toEqual(['kp_057ee6debc624c70947b6ba512908c35']);
    expect(parseWire(KindeOrganizationUserRolesWire, userRoles, 'user roles').roles).toEqual([
      { id: '01929904-316d-bb2c-069f-99dfea4ac394', key: 'admin', name: 'Administrator' },
    ]);
  });
});

describe('Kinde invite mapping', () => {
  it('maps organization_invite: code, roles with names, link, and completes the +11 offsets', () => {
    const wire = parseWire(KindeInvitesWire, invites, 'invites');
    const invitation = toInvitation(wire.invites?.[0] ?? {});
    expect(invitation).toMatchObject({
      id: 'inv_abc123def456',
      email: 'user@example.com',
      roles: [
        { key: 'admin', name: 'Administrator' },
        { key: 'manager', name: 'Manager' },
      ],
      status: 'accepted',
      invitedBy: null,
      createdAt: '2024-11-18T13:32:03+11:00',
      expiresAt: null,
      url: 'https://example.kinde.com/team_invitation?code=inv_abc123def456',
    });
    expect(Number.isNaN(Date.parse(invitation?.createdAt ?? ''))).toBe(false);
    expect(wire.next_token).toBeNull();
  });

  it('reads the 201 create answer as a pending invitation', () => {
    const wire = parseWire(KindeCreateInviteWire, createInviteResponse, 'created invite');
    expect(wire.code).toBe('INVITATION_CREATED');
    expect(toInvitation(wire.invite)).toMatchObject({ id: 'inv_abc123def456', status: 'pending' });
  });

  it('puts revoked before accepted and pending', () => {
    expect(invitationStatus({ is_revoked: true, accepted_on: null })).toBe('revoked');
    expect(invitationStatus({ is_revoked: false, accepted_on: '2024-11-19T10:15:30+11' })).toBe(
      'accepted',
    );
    expect(invitationStatus({})).toBe('pending');
  });

  it('builds the documented create body, leaving out blank names and an unchosen send_email', () => {
    expect(
      fromInviteInput({
        email: ' user@example.com ',
        roles: ['admin', 'manager'],
        firstName: 'John',
        lastName: 'Doe',
        sendEmail: false,
      }),
    ).toEqual(createInviteRequest);
    expect(fromInviteInput({ email: 'a@b.co', roles: ['admin'], firstName: '  ' })).toEqual({
      email: 'a@b.co',
      roles: ['admin'],
    });
  });
});

describe('Kinde users and roles mapping', () => {
  it('maps search_users_response results and users_response rows to picker users', () => {
    const found = parseWire(KindeSearchUsersWire, searchUsers, 'user search').results ?? [];
    expect(found.map(toUser)).toEqual([
      {
        id: 'kp_0ba7c433e5d648cf992621ce99d42817',
        name: 'John Snow',
        email: 'user@domain.com',
        imageUrl: 'https://example.com/john_snow.jpg',
      },
    ]);
    const listed = parseWire(KindeUsersWire, users, 'users').users ?? [];
    expect(listed.map(toUser)[1]).toEqual({
      id: 'kp_057ee6debc624c70947b6ba512908c35',
      name: null,
      email: null,
      imageUrl: null,
    });
  });

  it('maps get_roles_response roles with their ids; a null description stays null', () => {
    const wire = parseWire(KindeRolesWire, roles, 'roles');
    expect((wire.roles ?? []).map(toRole)).toEqual([
      {
        key: 'admin',
        name: 'Administrator',
        description: 'Full access to all resources.',
        id: '01929904-316d-bb2c-069f-99dfea4ac394',
      },
      {
        key: 'viewer',
        name: 'Viewer',
        description: null,
        id: '0192c16a-bb53-b442-77e5-97d31877ba5b',
      },
    ]);
  });

  it('completes only offsets written without minutes', () => {
    expect(kindeDate('2024-11-18T13:32:03+11')).toBe('2024-11-18T13:32:03+11:00');
    expect(kindeDate('2024-11-18T13:32:03-05')).toBe('2024-11-18T13:32:03-05:00');
    expect(kindeDate('2021-01-01T00:00:00Z')).toBe('2021-01-01T00:00:00Z');
    expect(kindeDate('2025-02-12T18:02:23.614638+00:00')).toBe('2025-02-12T18:02:23.614638+00:00');
    expect(kindeDate('2024-11-18')).toBe('2024-11-18');
    expect(kindeDate(null)).toBeNull();
  });
});
