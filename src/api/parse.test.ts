import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './errors';
import { parseWire } from './parse';

const OrgWire = z.object({
  object: z.literal('organization'),
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  kind: z.optional(z.enum(['team', 'company'])),
  members: z.optional(z.number().check(z.int(), z.nonnegative())),
  tags: z._default(z.array(z.string()).check(z.maxLength(2)), []),
});
const ListWire = z.object({ data: z.array(OrgWire) });

const org = { object: 'organization', id: 'org_1', name: 'Acme' };

/** The ApiError parseWire throws for `data`. */
function failure(schema: z.core.$ZodType, data: unknown): ApiError {
  try {
    parseWire(schema, data, 'organization');
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected parseWire to throw');
}

function messageFor(data: unknown, schema: z.core.$ZodType = OrgWire): string {
  return failure(schema, data).message;
}

describe('parseWire', () => {
  it('returns the parsed body, defaults applied', () => {
    expect(parseWire(OrgWire, org, 'organization')).toEqual({ ...org, tags: [] });
  });

  it('throws a bad_response ApiError that keeps the zod error as its cause', () => {
    const error = failure(OrgWire, { ...org, name: 7 });
    expect(error.kind).toBe('bad_response');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'Unexpected organization from the provider: field name: expected string, got number.',
    );
  });

  it('says a required field is missing', () => {
    expect(messageFor({ object: 'organization', id: 'org_1' })).toBe(
      'Unexpected organization from the provider: field name: is missing.',
    );
  });

  it('names the received type, null and arrays included', () => {
    expect(messageFor({ ...org, name: null })).toContain('field name: expected string, got null.');
    expect(messageFor([org])).toContain('field (root): expected object, got array.');
  });

  it('names the path through arrays and nested objects', () => {
    expect(messageFor({ data: [org, { ...org, id: 3 }] }, ListWire)).toContain(
      'field data[1].id: expected string, got number.',
    );
  });

  it('says which literal or enum values were expected and what came instead', () => {
    expect(messageFor({ ...org, object: 'user' })).toContain(
      'field object: expected "organization", got "user".',
    );
    expect(messageFor({ ...org, kind: 'club' })).toContain(
      'field kind: expected one of "team", "company", got "club".',
    );
  });

  it('describes integers and bounds', () => {
    expect(messageFor({ ...org, members: 1.5 })).toContain(
      'field members: expected integer, got 1.5.',
    );
    expect(messageFor({ ...org, members: -1 })).toContain('field members: must be at least 0.');
    expect(messageFor({ ...org, id: '' })).toContain('field id: must have at least 1 character.');
    expect(messageFor({ ...org, tags: ['a', 'b', 'c'] })).toContain(
      'field tags: must have at most 2 items.',
    );
  });

  it('says when a value matches none of a union’s shapes', () => {
    const schema = z.object({ errors: z.union([z.array(z.string()), z.string()]) });
    expect(messageFor({ errors: 4 }, schema)).toContain(
      'field errors: matches none of the allowed shapes.',
    );
  });

  it('says the same whether or not a zod locale is loaded (the server loads classic zod’s English)', () => {
    const data = { ...org, name: 7 };
    const without = messageFor(data);
    z.config(z.locales.en());
    try {
      expect(messageFor(data)).toBe(without);
    } finally {
      z.config({ localeError: undefined });
    }
  });

  it('keeps the message of a custom check', () => {
    const schema = z
      .string()
      .check(z.refine((value) => value.startsWith('org_'), 'must start with org_'));
    expect(messageFor('team_1', schema)).toContain('field (root): must start with org_.');
  });
});
