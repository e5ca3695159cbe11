import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../../http-client';
import alreadyMember from './__fixtures__/error-already-member.json';
import formParams from './__fixtures__/error-form-params.json';
import notAnAdmin from './__fixtures__/error-not-an-admin.json';
import notFound from './__fixtures__/error-not-found.json';
import roleInvalid from './__fixtures__/error-role-invalid.json';
import slugTaken from './__fixtures__/error-slug-taken.json';
import userNotFound from './__fixtures__/error-user-not-found.json';
import { parseClerkError } from './errors';

function response(
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): RawResponse {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return {
    status,
    headers: new Headers(headers),
    text,
    json: typeof json === 'string' ? undefined : json,
  };
}

describe('parseClerkError', () => {
  it('reads the documented 404 as not_found with the long message', () => {
    const error = parseClerkError(response(404, notFound));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.code).toBe('resource_not_found');
    expect(error.message).toBe('Resource not found');
    expect(error.fieldErrors).toEqual({});
  });

  it('reads a taken slug as a conflict on the slug field', () => {
    const error = parseClerkError(response(422, slugTaken));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('form_identifier_exists');
    expect(error.fieldErrors).toEqual({ slug: 'That slug is taken. Please try another.' });
  });

  it('puts every form error on its parameter and joins the messages', () => {
    const error = parseClerkError(response(422, formParams));
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('form_param_missing');
    expect(error.fieldErrors).toEqual({
      name: 'name is missing.',
      max_allowed_memberships:
        'max_allowed_memberships must be an integer greater than or equal to 0.',
    });
    expect(error.message).toBe(
      'name is missing. max_allowed_memberships must be an integer greater than or equal to 0.',
    );
  });

  it('falls back to message when long_message is empty', () => {
    const body = {
      errors: [{ message: 'is invalid', long_message: '', code: 'form_param_format_invalid' }],
    };
    expect(parseClerkError(response(422, body)).message).toBe('is invalid');
  });

  it('reports 402 as forbidden and says it is the plan', () => {
    const body = {
      errors: [
        {
          message: 'limit reached',
          long_message: 'You have reached your limit of organizations.',
          code: 'payment_required',
        },
      ],
    };
    const error = parseClerkError(response(402, body));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/plan/);
    expect(error.message).toContain('You have reached your limit of organizations.');
  });

  it('reads 429 with Retry-After as rate_limited', () => {
    const body = {
      errors: [
        {
          message: 'Too many requests',
          long_message: 'Too many requests',
          code: 'too_many_requests',
        },
      ],
    };
    const error = parseClerkError(response(429, body, { 'retry-after': '12' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(12_000);
  });

  it('reads 401 authentication_invalid as unauthorized', () => {
    const body = {
      errors: [
        {
          message: 'Invalid authentication',
          long_message: 'Unable to authenticate the request.',
          code: 'authentication_invalid',
        },
      ],
    };
    expect(parseClerkError(response(401, body)).kind).toBe('unauthorized');
  });

  it('keeps a short plain-text body, but not an HTML error page', () => {
    expect(parseClerkError(response(502, 'upstream connect error')).message).toBe(
      'upstream connect error',
    );
    const html = parseClerkError(response(503, '<html><body>Service Unavailable</body></html>'));
    expect(html.kind).toBe('unavailable');
    expect(html.message).not.toContain('<html>');
    expect(html.code).toBeNull();
  });

  describe('members and invitations', () => {
    it('reads the documented "already a member" 400 as a conflict with Clerk’s text', () => {
      const error = parseClerkError(response(400, alreadyMember));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('already_a_member_in_organization');
      expect(error.message).toBe('User your_id is already a member of the organization.');
    });

    it('puts the documented invalid role on the roles field', () => {
      const error = parseClerkError(response(422, roleInvalid));
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors).toEqual({ roles: roleInvalid.errors[0]?.long_message });
    });

    it('reads the documented unknown user as not_found and a non-admin as forbidden', () => {
      expect(parseClerkError(response(404, userNotFound))).toMatchObject({
        kind: 'not_found',
        message: 'No user was found with id your_id',
      });
      expect(parseClerkError(response(403, notAnAdmin)).kind).toBe('forbidden');
    });

    it('reads a duplicate invitation as a conflict on the email field', () => {
      const body = {
        errors: [
          {
            code: 'duplicate_record',
            message: 'duplicate invitation',
            long_message:
              'There is already a pending invitation for jane@acme.test in this organization.',
            meta: { param_name: 'email_address' },
          },
        ],
      };
      const error = parseClerkError(response(400, body));
      expect(error.kind).toBe('conflict');
      expect(error.fieldErrors).toEqual({ email: body.errors[0]?.long_message });
    });

    it('puts an invalid email on the email field as a validation error', () => {
      const body = {
        errors: [
          {
            code: 'form_param_format_invalid',
            message: 'is invalid',
            long_message: 'email_address must be a valid email address.',
            meta: { param_name: 'email_address' },
          },
        ],
      };
      const error = parseClerkError(response(422, body));
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors).toEqual({ email: 'email_address must be a valid email address.' });
    });
  });
});
