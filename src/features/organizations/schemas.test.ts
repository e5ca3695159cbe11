import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/domain';
import { clerkCapabilities } from '../../api/providers/clerk/capabilities';
import { kindeCapabilities } from '../../api/providers/kinde/capabilities';
import { permitCapabilities } from '../../api/providers/permit/capabilities';
import { organizationFixture } from '../../testing/organization';
import { defaultFormValues, makeOrgFormSchema, toCreateInput, toUpdateInput } from './schemas';

function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

/** A Kinde org as the adapter returns it, with only what these tests look at. */
function kindeOrg(slug: string, fields: Organization['fields']): Organization {
  return organizationFixture({ id: 'org_1', name: 'Acme', slug, fields });
}

describe('organization form schemas', () => {
  it('requires Permit’s key on create and applies its patterns', () => {
    const schema = makeOrgFormSchema(permitCapabilities, 'create');
    const result = schema.safeParse({ name: 'Acme & Co', slug: '', fields: { settings: '' } });
    const errors = errorsOf(result);
    expect(errors['slug']).toBe('Key is required.');
    expect(errors['name']).toBe('Use only letters, digits, spaces, ".", "-" and "_".');
  });

  it('refuses links and HTML in Clerk names and upper case in Clerk slugs', () => {
    const schema = makeOrgFormSchema(clerkCapabilities, 'create');
    const errors = errorsOf(
      schema.safeParse({
        name: 'Visit https://evil.test',
        slug: 'Acme',
        fields: { max_allowed_memberships: '', created_by: '' },
      }),
    );
    expect(errors['name']).toBe('Name may not contain links or HTML.');
    expect(errors['slug']).toBe('Use only lowercase letters, digits and "-".');
  });

  it('accepts an empty optional slug and checks typed extra fields', () => {
    const schema = makeOrgFormSchema(clerkCapabilities, 'create');
    expect(
      schema.safeParse({
        name: 'Acme',
        slug: '',
        fields: { max_allowed_memberships: '', created_by: '' },
      }).success,
    ).toBe(true);
    const errors = errorsOf(
      schema.safeParse({
        name: 'Acme',
        slug: '',
        fields: { max_allowed_memberships: '-3', created_by: '' },
      }),
    );
    expect(errors['fields.max_allowed_memberships']).toBe('Enter a whole number of at least 0.');
  });

  it('validates JSON settings as an object', () => {
    const schema = makeOrgFormSchema(permitCapabilities, 'edit');
    const errors = errorsOf(
      schema.safeParse({ name: 'Acme', slug: 'acme', fields: { settings: '[1,2]' } }),
    );
    expect(errors['fields.settings']).toBe('Enter a JSON object, e.g. {"region": "eu"}.');
  });

  it('turns create values into a domain input without empty fields', () => {
    const values = {
      name: ' Acme ',
      slug: 'acme',
      fields: { max_allowed_memberships: '25', created_by: '' },
    };
    expect(toCreateInput(values, clerkCapabilities)).toEqual({
      name: 'Acme',
      slug: 'acme',
      fields: { max_allowed_memberships: 25 },
    });
  });

  it('sends only what changed on update, and null for a cleared field', () => {
    const org = kindeOrg('acme', {
      external_id: 'crm-1',
      is_auto_membership_enabled: false,
      allowed_domains: ['acme.test'],
    });
    const initial = defaultFormValues(kindeCapabilities, 'edit', org);
    const values = {
      ...initial,
      fields: {
        ...initial.fields,
        external_id: '',
        is_auto_membership_enabled: true,
        allowed_domains: 'acme.test, acme.io',
      },
    };
    expect(toUpdateInput(values, initial, kindeCapabilities)).toEqual({
      fields: {
        external_id: null,
        is_auto_membership_enabled: true,
        allowed_domains: ['acme.test', 'acme.io'],
      },
    });
  });

  it('sends a cleared handle as null where the provider can remove it (Kinde)', () => {
    const org = kindeOrg('acme_corp', {});
    const initial = defaultFormValues(kindeCapabilities, 'edit', org);
    const values = { ...initial, slug: '' };
    expect(makeOrgFormSchema(kindeCapabilities, 'edit', initial).safeParse(values).success).toBe(
      true,
    );
    expect(toUpdateInput(values, initial, kindeCapabilities)).toEqual({ slug: null });
  });

  it('refuses to empty a slug the provider cannot remove (Clerk), instead of ignoring it', () => {
    const initial = { name: 'Acme', slug: 'acme', fields: {} };
    const result = makeOrgFormSchema(clerkCapabilities, 'edit', initial).safeParse({
      ...initial,
      slug: '',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Clerk cannot remove a slug: enter a new one.');
  });
});
