import { describe, expect, it } from 'vitest';
import { parseWire } from '../../parse';
import { toInvitation, toMember, toRole } from '../clerk/people-map';
import membershipsArray from './__fixtures__/memberships-array.json';
import membershipsPaginated from './__fixtures__/memberships-paginated.json';
import wrappedInvitations from './__fixtures__/wrapped-invitations.json';
import wrappedRoles from './__fixtures__/wrapped-roles.json';
import { fromAddMemberInput, fromBulkInviteInput, fromInviteInput, listItems } from './people-map';
import {
  ClerkFrontendWrappedInvitationsWire,
  ClerkFrontendWrappedOrgMembershipsWire,
  ClerkFrontendWrappedRolesWire,
} from './people-wire';

const CREATED = 1735812000000;

describe('Clerk Frontend API member mapping', () => {
  it('maps both list shapes of the documented memberships to members', () => {
    const paginated = parseWire(
      ClerkFrontendWrappedOrgMembershipsWire,
      membershipsPaginated,
      'organization members',
    );
    const { items, total } = listItems(paginated.response);
    expect(total).toBe(7);
    expect(items.map(toMember)[0]).toEqual({
      userId: 'user_2abc',
      membershipId: 'orgmem_2aaa',
      name: 'Jane Doe',
      email: 'jane@acme.test',
      imageUrl: 'https://img.clerk.com/...',
      roles: [{ key: 'org:admin', name: 'Admin' }],
      joinedAt: '2025-01-02T10:00:00.000Z',
      details: expect.arrayContaining([{ key: 'role', value: 'org:admin' }]) as unknown,
    });
    const bare = parseWire(ClerkFrontendWrappedOrgMembershipsWire, membershipsArray, 'members');
    expect(listItems(bare.response).total).toBeNull();
    expect(listItems(bare.response).items.map(toMember)).toHaveLength(
      membershipsArray.response.length,
    );
  });

  it('sends a form with the user and one role', () => {
    expect(fromAddMemberInput({ userId: 'user_1', roles: ['org:admin'] })).toEqual({
      user_id: 'user_1',
      role: 'org:admin',
    });
  });
});

describe('Clerk Frontend API invitations and roles', () => {
  const wire = parseWire(ClerkFrontendWrappedInvitationsWire, wrappedInvitations, 'invitations');
  const invitations = listItems(wire.response).items.map((item) => toInvitation(item, CREATED));

  it('maps the documented invitations: no inviter on the Frontend API, completed as accepted', () => {
    expect(invitations[0]).toMatchObject({
      id: 'orginv_2pending',
      email: 'jane@acme.test',
      status: 'pending',
      roles: [{ key: 'org:basic_member', name: 'Member' }],
      invitedBy: null,
      url: null,
      expiresAt: '2025-02-01T10:00:00.000Z',
    });
    expect(invitations[1]).toMatchObject({ status: 'accepted', expiresAt: null });
  });

  it('sends no expiry: the Frontend API does not take one', () => {
    expect(
      fromInviteInput({
        email: 'jane@acme.test',
        roles: ['org:admin'],
        expiresInDays: 3,
        sendEmail: true,
      }),
    ).toEqual({ email_address: 'jane@acme.test', role: 'org:admin', notify: true });
  });

  it('maps the documented roles', () => {
    const roles = parseWire(ClerkFrontendWrappedRolesWire, wrappedRoles, 'roles').response.data;
    expect(roles.map(toRole)).toEqual([
      {
        key: 'org:admin',
        name: 'Admin',
        description: 'Full access to the organization.',
        id: 'role_2admin',
      },
      { key: 'org:basic_member', name: 'Member', description: '', id: 'role_2member' },
    ]);
  });
});

describe('Clerk Frontend API bulk invitations', () => {
  it('repeats email_address with the one role and notify they share', () => {
    expect(
      fromBulkInviteInput([
        { email: ' a@acme.test', roles: ['org:member'], sendEmail: false },
        { email: 'b@acme.test ', roles: ['org:member'], sendEmail: false },
      ]),
    ).toEqual({ email_address: ['a@acme.test', 'b@acme.test'], role: 'org:member', notify: false });
  });

  it('refuses inputs that differ in role, since the form takes one for all', () => {
    expect(() =>
      fromBulkInviteInput([
        { email: 'a@acme.test', roles: ['org:member'] },
        { email: 'b@acme.test', roles: ['org:admin'] },
      ]),
    ).toThrow('only with the same role');
    expect(() => fromBulkInviteInput([])).toThrow();
  });
});
