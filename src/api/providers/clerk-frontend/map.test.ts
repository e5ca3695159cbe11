import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import deleted from './__fixtures__/deleted-organization.json';
import membershipsArray from './__fixtures__/memberships-array.json';
import membershipsPaginated from './__fixtures__/memberships-paginated.json';
import wrappedOrganization from './__fixtures__/wrapped-organization.json';
import {
  fromCreateOrgInput,
  fromUpdateOrgInput,
  toMembershipOrganizations,
  toOrganization,
} from './map';
import {
  ClerkFrontendWrappedDeletedObjectWire,
  ClerkFrontendWrappedMembershipsWire,
  ClerkFrontendWrappedOrganizationWire,
} from './wire';

function badResponse(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a bad_response');
}

describe('Clerk Frontend API organization mapping', () => {
  it('unwraps {response, client} and maps the FAPI Organization without private metadata', () => {
    const wire = parseWire(
      ClerkFrontendWrappedOrganizationWire,
      wrappedOrganization,
      'organization',
    );
    expect(toOrganization(wire.response)).toEqual({
      id: 'org_2xYz',
      name: 'Acme Inc',
      slug: 'acme-inc',
      createdAt: '2025-01-02T10:00:00.000Z',
      updatedAt: '2025-01-02T10:00:00.000Z',
      memberCount: 1,
      pendingInvitationCount: 0,
      imageUrl: 'https://img.clerk.com/...',
      hasImage: false,
      imageUrlDark: null,
      metadata: { public: {}, private: null },
      fields: {},
      details: expect.arrayContaining([{ key: 'members_count', value: 1 }]) as unknown,
    });
  });

  it('needs the client beside the response', () => {
    const bare = { response: wrappedOrganization.response };
    const error = badResponse(() =>
      parseWire(ClerkFrontendWrappedOrganizationWire, bare, 'organization'),
    );
    expect(error.message).toContain('field client');
  });

  it('reads the paginated memberships branch as orgs with a total', () => {
    const wire = parseWire(
      ClerkFrontendWrappedMembershipsWire,
      membershipsPaginated,
      'memberships',
    );
    const { items, total } = toMembershipOrganizations(wire.response);
    expect(total).toBe(7);
    expect(items.map((org) => [org.id, org.name, org.memberCount])).toEqual([
      ['org_2xYz', 'Acme Inc', 3],
      ['org_2pQr', 'Globex', 12],
    ]);
    expect(items[0]?.metadata).toEqual({ public: { plan: 'pro' }, private: null });
  });

  it('reads the bare-array memberships branch as orgs without a total', () => {
    const wire = parseWire(ClerkFrontendWrappedMembershipsWire, membershipsArray, 'memberships');
    const { items, total } = toMembershipOrganizations(wire.response);
    expect(total).toBeNull();
    expect(items.map((org) => org.slug)).toEqual(['acme-inc', 'globex']);
  });

  it('refuses a membership without its embedded organization', () => {
    const broken = structuredClone(membershipsArray) as { response: { organization?: unknown }[] };
    delete broken.response[1]?.organization;
    const error = badResponse(() =>
      parseWire(ClerkFrontendWrappedMembershipsWire, broken, 'memberships'),
    );
    expect(error.kind).toBe('bad_response');
  });

  it('parses the delete answer, whose client is null', () => {
    const wire = parseWire(ClerkFrontendWrappedDeletedObjectWire, deleted, 'deleted object');
    expect(wire).toEqual({
      response: { object: 'organization', id: 'org_2xYz', deleted: true },
      client: null,
    });
  });
});

describe('Clerk Frontend API form bodies', () => {
  it('sends name and a non-empty slug on create', () => {
    expect(
      fromCreateOrgInput({ name: 'Acme Inc', slug: 'acme-inc', fields: { anything: 1 } }),
    ).toEqual({
      name: 'Acme Inc',
      slug: 'acme-inc',
    });
    expect(fromCreateOrgInput({ name: 'Acme Inc', slug: '', fields: {} })).toEqual({
      name: 'Acme Inc',
    });
  });

  it('sends only the changed name or slug on update, never other fields', () => {
    expect(fromUpdateOrgInput({ slug: 'acme', fields: { max_allowed_memberships: 3 } })).toEqual({
      slug: 'acme',
    });
    expect(fromUpdateOrgInput({ name: 'Acme' })).toEqual({ name: 'Acme' });
  });
});
