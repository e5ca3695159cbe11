import { describe, expect, it } from 'vitest';
import { BodyCheck, queryBoolean, queryInteger } from './validation';

describe('BodyCheck', () => {
  it('requires a name on create and refuses URLs, HTML and more than 256 characters', () => {
    const codes = (body: Record<string, unknown>) => {
      const check = new BodyCheck(body);
      check.name(true);
      return check.issues.map((issue) => [issue.code, issue.meta?.param_name]);
    };
    expect(codes({})).toEqual([['form_param_missing', 'name']]);
    expect(codes({ name: '   ' })).toEqual([['form_param_missing', 'name']]);
    expect(codes({ name: 'Visit https://acme.test' })).toEqual([
      ['form_param_format_invalid', 'name'],
    ]);
    expect(codes({ name: 'www.acme.test' })).toEqual([['form_param_format_invalid', 'name']]);
    expect(codes({ name: 'Acme <b>Inc</b>' })).toEqual([['form_param_format_invalid', 'name']]);
    expect(codes({ name: 'x'.repeat(257) })).toEqual([['form_param_format_invalid', 'name']]);
    expect(codes({ name: 'Acme & Sons <3' })).toEqual([]);
  });

  it('takes slugs of lowercase letters, digits and dashes only', () => {
    const slugIssues = (slug: unknown) => {
      const check = new BodyCheck({ slug });
      return { value: check.slug(), ok: check.ok };
    };
    expect(slugIssues('acme-inc-2')).toEqual({ value: 'acme-inc-2', ok: true });
    expect(slugIssues('Acme')).toMatchObject({ ok: false });
    expect(slugIssues('acme_inc')).toMatchObject({ ok: false });
    expect(slugIssues(null)).toEqual({ value: undefined, ok: true });
    expect(slugIssues('')).toEqual({ value: '', ok: true });
  });

  it('lists every parameter the endpoint does not take', () => {
    const check = new BodyCheck({ name: 'Acme', public_metadata: {}, color: 'red' });
    check.onlyAllowed(['name', 'slug']);
    expect(check.issues.map((issue) => [issue.code, issue.meta?.param_name])).toEqual([
      ['form_param_unknown', 'public_metadata'],
      ['form_param_unknown', 'color'],
    ]);
  });

  it('types numbers, booleans, metadata objects and RFC 3339 times', () => {
    const check = new BodyCheck({
      max_allowed_memberships: -1,
      admin_delete_enabled: 'yes',
      public_metadata: [],
      created_at: '2024-05-01',
    });
    expect(check.nonNegativeInteger('max_allowed_memberships')).toBeUndefined();
    expect(check.boolean('admin_delete_enabled')).toBeUndefined();
    expect(check.metadata('public_metadata', true)).toBeUndefined();
    expect(check.timestamp('created_at')).toBeUndefined();
    expect(check.issues.map((issue) => issue.meta?.param_name)).toEqual([
      'max_allowed_memberships',
      'admin_delete_enabled',
      'public_metadata',
      'created_at',
    ]);
    expect(new BodyCheck({ created_at: '2012-10-20T07:15:20.902Z' }).timestamp('created_at')).toBe(
      Date.UTC(2012, 9, 20, 7, 15, 20, 902),
    );
  });
});

describe('query parameters', () => {
  it('bounds integers and reads Go-style booleans', () => {
    const issues: Parameters<typeof queryInteger>[5] = [];
    expect(queryInteger(undefined, 'limit', 10, 1, 500, issues)).toBe(10);
    expect(queryInteger('500', 'limit', 10, 1, 500, issues)).toBe(500);
    expect(issues).toEqual([]);
    queryInteger('0', 'limit', 10, 1, 500, issues);
    queryInteger('2.5', 'offset', 0, 0, null, issues);
    expect(issues.map((issue) => issue.meta?.param_name)).toEqual(['limit', 'offset']);
    expect(queryBoolean('TRUE', 'paginated', issues)).toBe(true);
    expect(queryBoolean('0', 'paginated', issues)).toBe(false);
  });
});
