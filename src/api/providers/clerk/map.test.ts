import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import deleted from './__fixtures__/deleted-organization.json';
import organizationList from './__fixtures__/organization-list.json';
import organizationWithLogo from './__fixtures__/organization-with-logo.json';
import organization from './__fixtures__/organization.json';
import {
  fromCreateOrgInput,
  fromMetadataPatch,
  fromUpdateOrgInput,
  toListQuery,
  toOrderBy,
  toOrganization,
} from './map';
import {
  ClerkDeletedObjectWire,
  ClerkOrganizationListWire,
  ClerkOrganizationWire,
  ClerkOrganizationWithLogoWire,
} from './wire';

function parseError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a bad_response');
}

describe('Clerk Backend API organization mapping', () => {
  it('maps the documented Organization: epoch ms to ISO, both metadata objects, the extra fields', () => {
    const org = toOrganization(parseWire(ClerkOrganizationWire, organization, 'organization'));
    expect(org).toEqual({
      id: 'org_2xYz',
      name: 'Acme Inc',
      slug: 'acme-inc',
      createdAt: '2025-01-02T10:00:00.000Z',
      updatedAt: '2025-01-02T10:00:00.000Z',
      memberCount: null,
      pendingInvitationCount: null,
      imageUrl: 'https://img.clerk.com/...',
      hasImage: false,
      imageUrlDark: null,
      metadata: { public: { plan: 'pro' }, private: {} },
      fields: { max_allowed_memberships: 5, admin_delete_enabled: true, created_by: 'user_2abc' },
      details: expect.arrayContaining([
        { key: 'object', value: 'organization' },
        { key: 'created_at', value: 1735812000000 },
        { key: 'created_by', value: 'user_2abc' },
      ]) as unknown,
    });
  });

  it('reads members_count from the list and marks missing private metadata as not sent', () => {
    const list = parseWire(ClerkOrganizationListWire, organizationList, 'organization list');
    expect(list.total_count).toBe(1);
    const first = list.data[0];
    if (!first) throw new Error('the fixture lists one org');
    const org = toOrganization(first);
    expect(org.memberCount).toBe(3);
    expect(org.imageUrl).toBeNull();
    expect(org.metadata).toEqual({ public: {}, private: null });
    expect(org.fields['created_by']).toBeNull();
  });

  it('maps OrganizationWithLogo and keeps the deprecated logo_url in the details', () => {
    const org = toOrganization(
      parseWire(ClerkOrganizationWithLogoWire, organizationWithLogo, 'organization with logo'),
    );
    expect(org.hasImage).toBe(true);
    expect(org.imageUrl).toBe(organizationWithLogo.image_url);
    expect(org.updatedAt).toBe('2025-01-02T10:01:00.000Z');
    expect(org.details).toContainEqual({ key: 'logo_url', value: organizationWithLogo.logo_url });
  });

  it('keeps what the spec requires required, naming the field', () => {
    const withoutSlug = { ...organization, slug: undefined };
    expect(
      parseError(() => parseWire(ClerkOrganizationWire, withoutSlug, 'organization')).message,
    ).toContain('field slug');
    const isoTimes = { ...organization, created_at: '2025-01-02T10:00:00Z' };
    const error = parseError(() => parseWire(ClerkOrganizationWire, isoTimes, 'organization'));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('field created_at');
    const logoWithoutUrl = { ...organizationWithLogo, image_url: undefined };
    expect(
      parseError(() =>
        parseWire(ClerkOrganizationWithLogoWire, logoWithoutUrl, 'organization with logo'),
      ).message,
    ).toContain('field image_url');
  });

  it('parses the documented DeletedObject', () => {
    expect(parseWire(ClerkDeletedObjectWire, deleted, 'deleted object')).toEqual({
      object: 'organization',
      id: 'org_2xYz',
      deleted: true,
    });
  });
});

describe('Clerk Backend API requests', () => {
  it('turns a list page into limit/offset, a trimmed query and member counts', () => {
    expect(toListQuery({ page: 3, pageSize: 25, search: '  acme ', sort: null }, 25)).toEqual({
      limit: 25,
      offset: 50,
      query: 'acme',
      order_by: undefined,
      include_members_count: true,
    });
    expect(
      toListQuery({ page: 1, pageSize: 10, search: ' ', sort: null }, 10).query,
    ).toBeUndefined();
  });

  it('maps each sort onto order_by with a +/- sign, and no sort onto Clerk’s default', () => {
    expect(toOrderBy({ field: 'name', direction: 'asc' })).toBe('+name');
    expect(toOrderBy({ field: 'createdAt', direction: 'desc' })).toBe('-created_at');
    expect(toOrderBy({ field: 'memberCount', direction: 'asc' })).toBe('+members_count');
    expect(toOrderBy(null)).toBeUndefined();
  });

  it('sends slug, limit and creator on create only when they are set', () => {
    expect(
      fromCreateOrgInput({ name: 'Acme Inc', slug: '  ', fields: { created_by: '' } }),
    ).toEqual({
      name: 'Acme Inc',
    });
    expect(
      fromCreateOrgInput({
        name: 'Acme Inc',
        slug: 'acme-inc',
        fields: { max_allowed_memberships: 0, created_by: 'user_2abc' },
      }),
    ).toEqual({
      name: 'Acme Inc',
      slug: 'acme-inc',
      max_allowed_memberships: 0,
      created_by: 'user_2abc',
    });
  });

  it('never sends metadata or the creator on update', () => {
    expect(
      fromUpdateOrgInput({
        name: 'Acme',
        slug: 'acme',
        fields: {
          max_allowed_memberships: 50,
          admin_delete_enabled: false,
          created_by: 'user_2abc',
          public_metadata: {},
        },
      }),
    ).toEqual({
      name: 'Acme',
      slug: 'acme',
      max_allowed_memberships: 50,
      admin_delete_enabled: false,
    });
    expect(fromUpdateOrgInput({ name: 'Only the name' })).toEqual({ name: 'Only the name' });
  });

  it('sends only the metadata objects the patch carries', () => {
    expect(fromMetadataPatch({ public: { a: { y: null } } })).toEqual({
      public_metadata: { a: { y: null } },
    });
    expect(fromMetadataPatch({ public: {}, private: { crm: 1 } })).toEqual({
      public_metadata: {},
      private_metadata: { crm: 1 },
    });
  });
});
