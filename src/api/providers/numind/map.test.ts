import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import createRequest from './__fixtures__/create-organization-request.json';
import organizationList from './__fixtures__/organization-list.json';
import organization from './__fixtures__/organization.json';
import updateRequest from './__fixtures__/update-organization-request.json';
import { fromCreateOrgInput, fromUpdateOrgInput, toOrganization } from './map';
import { NumindOrganizationListWire, NumindOrganizationWire } from './wire';

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
