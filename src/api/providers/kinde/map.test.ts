import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import createRequest from './__fixtures__/create-organization-request.json';
import createResponse from './__fixtures__/create-organization-response.json';
import organizationList from './__fixtures__/organization-list.json';
import organizationMinimal from './__fixtures__/organization-minimal.json';
import organization from './__fixtures__/organization.json';
import successResponse from './__fixtures__/success-response.json';
import {
  fromCreateOrgInput,
  fromUpdateOrgInput,
  toOrganization,
  toOrganizationFromItem,
} from './map';
import {
  KindeCreateOrganizationWire,
  KindeOrganizationListWire,
  KindeOrganizationWire,
  KindeSuccessWire,
} from './wire';

describe('Kinde organization mapping', () => {
  it('maps get_organization_response: code, handle, created_on, both logos and the editable fields', () => {
    const org = toOrganization(parseWire(KindeOrganizationWire, organization, 'organization'));
    expect(org).toMatchObject({
      id: 'org_1ccfb819462',
      name: 'Acme Corp',
      slug: 'acme_corp',
      createdAt: '2021-01-01T00:00:00Z',
      updatedAt: null,
      memberCount: null,
      imageUrl: organization.logo,
      hasImage: true,
      imageUrlDark: organization.logo_dark,
      metadata: null,
    });
    expect(org.fields).toEqual({
      external_id: 'some1234',
      is_auto_membership_enabled: true,
      theme_code: 'light',
      background_color: '#ffffff',
      button_color: '#0056F1',
      button_text_color: '#ffffff',
      link_color: '#0056F1',
      sender_name: 'Acme Corp',
      sender_email: 'hello@acmecorp.com',
      allowed_domains: ['https://acme.kinde.com', 'https://acme.com'],
      is_suspended: false,
    });
  });

  it('keeps every documented key in details, in Kinde’s order and shapes', () => {
    const org = toOrganization(parseWire(KindeOrganizationWire, organization, 'organization'));
    expect(org.details.map((field) => field.key)).toEqual(Object.keys(organization));
    expect(org.details.find((field) => field.key === 'link_color')?.value).toEqual({
      raw: '#0056F1',
      hex: '#0056F1',
      hsl: 'hsl(220, 100%, 50%)',
    });
    expect(org.details.find((field) => field.key === 'billing')?.value).toEqual(
      organization.billing,
    );
  });

  it('maps an org without logo, colours or optional keys to nulls', () => {
    const org = toOrganization(
      parseWire(KindeOrganizationWire, organizationMinimal, 'organization'),
    );
    expect(org).toMatchObject({
      slug: null,
      imageUrl: null,
      hasImage: false,
      imageUrlDark: null,
      createdAt: '2023-02-06T00:00:00Z',
    });
    expect(org.fields).toMatchObject({
      external_id: null,
      theme_code: null,
      button_color: null,
      allowed_domains: [],
      is_suspended: false,
    });
  });

  it('maps the list items (no date, no logo) in the order Kinde sent them', () => {
    const list = parseWire(KindeOrganizationListWire, organizationList, 'organization list');
    const orgs = (list.organizations ?? []).map(toOrganizationFromItem);
    expect(orgs.map((org) => [org.id, org.name, org.slug])).toEqual([
      ['org_7a1b2c3d4e5', 'Acme Corp', 'acme_corp'],
      ['org_0000aaaa111', 'Default Organization', null],
    ]);
    expect(orgs[0]?.createdAt).toBeNull();
    expect(orgs[0]?.hasImage).toBeNull();
    expect(orgs[0]?.fields).toEqual({ external_id: 'crm-991', is_auto_membership_enabled: true });
    expect(list.next_token).toBe('MjoyOm5hbWVfYXNj');
  });

  it('accepts the end of the list as a missing, null or empty next_token', () => {
    for (const end of [{}, { next_token: null }, { next_token: '' }]) {
      const list = parseWire(
        KindeOrganizationListWire,
        { code: 'OK', organizations: [], ...end },
        'list',
      );
      expect(list.next_token ? list.next_token : null).toBeNull();
    }
  });

  it('reads the new code from create_organization_response and parses success_response', () => {
    const created = parseWire(KindeCreateOrganizationWire, createResponse, 'created organization');
    expect(created.organization.code).toBe('org_1ccfb819462');
    expect(parseWire(KindeSuccessWire, successResponse, 'update result')).toEqual({
      message: 'Success',
      code: 'OK',
    });
  });

  it('names the missing field when an org comes back without its code', () => {
    const withoutCode = Object.fromEntries(
      Object.entries(organization).filter(([key]) => key !== 'code'),
    );
    try {
      parseWire(KindeOrganizationWire, withoutCode, 'organization');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).kind).toBe('bad_response');
      expect((error as ApiError).message).toContain('field code');
    }
  });
});

describe('Kinde request bodies', () => {
  it('builds the documented create body: slug → handle, extra fields by key', () => {
    expect(
      fromCreateOrgInput({
        name: 'Acme Corp',
        slug: 'acme_corp',
        fields: { external_id: 'crm-991', is_auto_membership_enabled: true },
      }),
    ).toEqual(createRequest);
  });

  it('sends only set create fields: no empty strings, no update-only or unknown keys', () => {
    expect(
      fromCreateOrgInput({
        name: 'Acme Corp',
        slug: '',
        fields: {
          external_id: '',
          theme_code: 'dark',
          button_color: '#0056F1',
          link_color: null,
          sender_name: '  Acme  ',
          is_auto_membership_enabled: false,
          allowed_domains: ['acme.com'],
          is_suspended: true,
          made_up: 'x',
        },
      }),
    ).toEqual({
      name: 'Acme Corp',
      theme_code: 'dark',
      button_color: '#0056F1',
      sender_name: 'Acme',
      is_auto_membership_enabled: false,
    });
  });

  it('builds an update body with the update-only fields; a typed domain list becomes an array', () => {
    expect(
      fromUpdateOrgInput({
        name: 'Acme',
        slug: 'acme',
        fields: {
          allowed_domains: 'acme.com, , mail.acme.com',
          is_suspended: false,
          sender_email: '',
        },
      }),
    ).toEqual({
      name: 'Acme',
      handle: 'acme',
      allowed_domains: ['acme.com', 'mail.acme.com'],
      is_suspended: false,
    });
    expect(fromUpdateOrgInput({ fields: { allowed_domains: [] } })).toEqual({
      allowed_domains: [],
    });
    expect(fromUpdateOrgInput({})).toEqual({});
  });
});
