import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import createRequest from './__fixtures__/create-organization-request.json';
import invitationList from './__fixtures__/invitation-list.json';
import inviteRequest from './__fixtures__/invite-member-request.json';
import memberList from './__fixtures__/member-list.json';
import organizationList from './__fixtures__/organization-list.json';
import organization from './__fixtures__/organization.json';
import updateRequest from './__fixtures__/update-organization-request.json';
import {
  fromCreateOrgInput,
  fromInviteInput,
  fromUpdateOrgInput,
  toInvitation,
  toMember,
  toOrganization,
  toRoleRef,
} from './map';
import {
  NumindInvitationListWire,
  NumindMemberListWire,
  NumindOrganizationListWire,
  NumindOrganizationWire,
} from './wire';

describe('NuMind organization mapping', () => {
  it('maps the documented OrganizationResponse: id and name, nothing else invented', () => {
    const org = toOrganization(parseWire(NumindOrganizationWire, organization, 'organization'));
    expect(org).toEqual({
      id: '3f0c9b7e-2d4a-4b1e-9d55-6c2f8a1e0b11',
      name: 'Research Team',
      slug: null,
      createdAt: null,
      updatedAt: null,
      memberCount: null,
      pendingInvitationCount: null,
      imageUrl: null,
      hasImage: null,
      imageUrlDark: null,
      metadata: null,
      fields: {},
      details: [
        { key: 'id', value: '3f0c9b7e-2d4a-4b1e-9d55-6c2f8a1e0b11' },
        { key: 'name', value: 'Research Team' },
      ],
    });
  });

  it('parses the list as a bare array, in the order NuMind sent it', () => {
    const orgs = parseWire(NumindOrganizationListWire, organizationList, 'organization list').map(
      toOrganization,
    );
    expect(orgs.map((org) => org.name)).toEqual(['Research Team', 'example organization']);
  });

  it('keeps only the documented keys in details when NuMind adds new ones', () => {
    const org = toOrganization(
      parseWire(NumindOrganizationWire, { ...organization, plan: 'pro' }, 'organization'),
    );
    expect(org.details.map((field) => field.key)).toEqual(['id', 'name']);
  });

  it('rejects an org without a name as a bad response naming the field', () => {
    const { id } = organization;
    expect(() => parseWire(NumindOrganizationWire, { id }, 'organization')).toThrow(ApiError);
    expect(() => parseWire(NumindOrganizationWire, { id }, 'organization')).toThrow(/field name/);
  });

  it('rejects a paginated envelope where a bare array is documented', () => {
    const envelope = { totalCount: 2, skip: 0, perPage: 10, items: organizationList };
    expect(() => parseWire(NumindOrganizationListWire, envelope, 'organization list')).toThrow(
      ApiError,
    );
  });

  it('builds CreateOrganizationRequest from the name only', () => {
    expect(
      fromCreateOrgInput({ name: 'example organization', slug: 'ignored', fields: { x: 1 } }),
    ).toEqual(createRequest);
  });

  it('builds UpdateOrganizationRequest as the whole record', () => {
    expect(fromUpdateOrgInput({ name: 'new name', fields: {} })).toEqual(updateRequest);
  });
});

describe('NuMind member and invitation mapping', () => {
  it('maps MemberResponse: camelCase displayName, roles shown as sent, nothing invented', () => {
    const [ada, bob] = parseWire(NumindMemberListWire, memberList, 'member list').map(toMember);
    expect(ada).toEqual({
      userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      membershipId: null,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      imageUrl: null,
      roles: [{ key: 'owner', name: 'Owner' }],
      joinedAt: null,
      details: [
        { key: 'id', value: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
        { key: 'displayName', value: 'Ada Lovelace' },
        { key: 'email', value: 'ada@example.com' },
        { key: 'roles', value: ['owner'] },
      ],
    });
    expect(bob?.roles).toEqual([]);
    expect(bob?.details.map((field) => field.key)).toEqual(['id', 'displayName', 'email']);
  });

  it('rejects a member sent with snake_case display_name as a bad response naming the field', () => {
    const { displayName, ...rest } = memberList[0] ?? { displayName: '' };
    const snake = [{ ...rest, display_name: displayName }];
    expect(() => parseWire(NumindMemberListWire, snake, 'member list')).toThrow(ApiError);
    expect(() => parseWire(NumindMemberListWire, snake, 'member list')).toThrow(
      /field \[0\]\.displayName/,
    );
  });

  it('maps InvitationResponse as pending, without dates, inviter or link', () => {
    const [invitation] = parseWire(NumindInvitationListWire, invitationList, 'invitations').map(
      toInvitation,
    );
    expect(invitation).toEqual({
      id: 'inv-1b2c3d4e',
      email: 'bob@example.com',
      roles: [],
      status: 'pending',
      invitedBy: null,
      createdAt: null,
      expiresAt: null,
      url: null,
      details: [
        { key: 'id', value: 'inv-1b2c3d4e' },
        { key: 'email', value: 'bob@example.com' },
        { key: 'roles', value: [] },
      ],
    });
  });

  it('names free-form role strings readably while keeping the key as sent', () => {
    expect(toRoleRef('admin')).toEqual({ key: 'admin', name: 'Admin' });
    expect(toRoleRef('billing_manager')).toEqual({
      key: 'billing_manager',
      name: 'Billing manager',
    });
  });

  it('builds InviteMemberRequest from the email alone', () => {
    expect(
      fromInviteInput({
        email: ' user@example.com ',
        roles: ['admin'],
        firstName: 'Ignored',
        sendEmail: false,
      }),
    ).toEqual(inviteRequest);
  });
});
