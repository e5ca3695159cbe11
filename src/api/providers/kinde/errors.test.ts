import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../../http-client';
import emailTooLong from './__fixtures__/error-email-too-long.json';
import flagNotFound from './__fixtures__/error-feature-flag-not-found.json';
import invalidFlagValue from './__fixtures__/error-invalid-feature-flag-value.json';
import noFieldsToUpdate from './__fixtures__/error-no-fields-to-update.json';
import organizationNotFound from './__fixtures__/error-organization-not-found.json';
import pageSizeLimit from './__fixtures__/error-page-size-limit.json';
import roleNotFound from './__fixtures__/error-role-not-found.json';
import routeNotFound from './__fixtures__/error-route-not-found.json';
import { parseKindeError } from './errors';

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): RawResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status, headers: new Headers(headers), text, json };
}

describe('parseKindeError', () => {
  it('reads the error_response array: code and message of a 400', () => {
    const error = parseKindeError(response(400, pageSizeLimit));
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.code).toBe('PAGE_SIZE_LIMIT_EXCEEDED');
    expect(error.message).toBe('Page size cannot be greater than 100');
    expect(error.fieldErrors).toEqual({});
  });

  it('reads the 404 not_found_response, whose errors is an object', () => {
    const error = parseKindeError(response(404, routeNotFound));
    expect(error.kind).toBe('not_found');
    expect(error.code).toBe('ROUTE_NOT_FOUND');
    expect(error.message).toBe('The requested API route does not exist');
  });

  it('treats ORGANIZATION_NOT_FOUND as not_found whatever the status, without a form field', () => {
    const error = parseKindeError(response(400, organizationNotFound));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('Organization not found');
    expect(error.fieldErrors).toEqual({});
  });

  it('puts a field error on the form field it names (handle → slug, others by wire key)', () => {
    const error = parseKindeError(
      response(400, {
        errors: [
          { code: 'INVALID_HANDLE', message: 'Handle is not valid', field: 'handle' },
          { code: 'NAME_REQUIRED', message: 'Organization name is required', field: 'name' },
          { code: 'INVALID_COLOR', message: 'Not a colour', field: 'button_color' },
        ],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual({
      slug: 'Handle is not valid',
      name: 'Organization name is required',
      button_color: 'Not a colour',
    });
    expect(error.message).toBe('Handle is not valid; Organization name is required; Not a colour');
  });

  it('reads a taken handle as a conflict on the slug field', () => {
    const error = parseKindeError(
      response(400, {
        errors: [
          {
            code: 'HANDLE_ALREADY_EXISTS',
            message: 'An organization with this handle already exists',
            field: 'handle',
          },
        ],
      }),
    );
    expect(error.kind).toBe('conflict');
    expect(error.fieldErrors).toEqual({ slug: 'An organization with this handle already exists' });
  });

  it('keeps a field the form does not have under its wire name, with the message still in the error', () => {
    const error = parseKindeError(response(400, noFieldsToUpdate));
    expect(error.code).toBe('NO_FIELDS_TO_UPDATE');
    expect(error.fieldErrors).toEqual({
      directory_name: 'At least one field must be provided for update',
    });
    expect(error.message).toBe('At least one field must be provided for update');
  });

  it('tolerates a 403 with an empty body', () => {
    const error = parseKindeError(response(403, ''));
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBeNull();
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('uses a short plain-text body as the message, but not an HTML page', () => {
    expect(parseKindeError(response(403, 'Invalid credentials.')).message).toBe(
      'Invalid credentials.',
    );
    const html = parseKindeError(response(502, '<html><body>Bad gateway</body></html>'));
    expect(html.kind).toBe('unavailable');
    expect(html.message).not.toContain('<html>');
  });

  it('reads a 429 as rate_limited with the RateLimit-Reset delay, with or without a body', () => {
    const withBody = parseKindeError(
      response(
        429,
        { errors: [{ code: 'TOO_MANY_REQUESTS', message: 'Request was throttled.' }] },
        { 'RateLimit-Reset': '12' },
      ),
    );
    expect(withBody.kind).toBe('rate_limited');
    expect(withBody.retryAfterMs).toBe(12_000);
    expect(withBody.message).toBe('Request was throttled.');
    const empty = parseKindeError(response(429, '', { 'RateLimit-Reset': '3' }));
    expect(empty.kind).toBe('rate_limited');
    expect(empty.retryAfterMs).toBe(3000);
  });

  it('reads a 401 error_response as unauthorized', () => {
    const error = parseKindeError(
      response(401, {
        errors: [{ code: 'UNAUTHORIZED', message: 'The access token has expired' }],
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('The access token has expired');
  });

  it('puts a too-long invite e-mail on the email field, and names on the invite form fields', () => {
    const tooLong = parseKindeError(response(400, emailTooLong));
    expect(tooLong.kind).toBe('validation');
    expect(tooLong.code).toBe('EMAIL_TOO_LONG');
    expect(tooLong.fieldErrors).toEqual({ email: 'Email must be 254 characters or fewer' });
    const names = parseKindeError(
      response(400, {
        errors: [
          { code: 'FIRST_NAME_TOO_LONG', message: 'First name is too long', field: 'first_name' },
          { code: 'LAST_NAME_TOO_LONG', message: 'Last name is too long', field: 'last_name' },
        ],
      }),
    );
    expect(names.fieldErrors).toEqual({
      firstName: 'First name is too long',
      lastName: 'Last name is too long',
    });
  });

  it('reads an unknown role as validation, keeping Kinde’s message', () => {
    const error = parseKindeError(response(400, roleNotFound));
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('ROLE_NOT_FOUND');
    expect(error.message).toBe('Role not found');
  });

  it('reads ALREADY codes as conflicts, a member added twice on the userId field', () => {
    const member = parseKindeError(
      response(400, {
        errors: [
          {
            code: 'USER_ALREADY_IN_ORGANIZATION',
            message: 'User kp_1 is already a member of this organization',
            field: 'users',
          },
        ],
      }),
    );
    expect(member.kind).toBe('conflict');
    expect(member.fieldErrors).toEqual({
      userId: 'User kp_1 is already a member of this organization',
    });
    const revoked = parseKindeError(
      response(400, {
        errors: [{ code: 'INVITATION_ALREADY_REVOKED', message: 'Already revoked' }],
      }),
    );
    expect(revoked.kind).toBe('conflict');
  });

  it('reads a missing invite as not_found, without a field for the path parameter', () => {
    const error = parseKindeError(
      response(400, {
        errors: [
          { code: 'INVITATION_NOT_FOUND', message: 'Invitation not found', field: 'invite_code' },
        ],
      }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.fieldErrors).toEqual({});
  });

  it('keeps a 429 rate_limited even when its code names a cap, with the reset delay', () => {
    const error = parseKindeError(
      response(
        429,
        {
          errors: [
            {
              code: 'INVITE_RATE_LIMIT_EXCEEDED',
              message: 'This organization has reached its limit of invitations in 24 hours',
            },
          ],
        },
        { 'RateLimit-Reset': '3600' },
      ),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(3_600_000);
  });

  it('reads a mistyped override value as a validation error on the value', () => {
    const error = parseKindeError(response(400, invalidFlagValue));
    expect(error).toMatchObject({
      kind: 'validation',
      code: 'INVALID_FEATURE_FLAG_VALUE',
      message: 'Feature flag max_seats expects a whole number',
    });
    expect(error.fieldErrors).toEqual({ value: 'Feature flag max_seats expects a whole number' });
  });

  it('reads an unknown flag key as not_found, without a form field for the path parameter', () => {
    const error = parseKindeError(response(400, flagNotFound));
    expect(error.kind).toBe('not_found');
    expect(error.code).toBe('FEATURE_FLAG_NOT_FOUND');
    expect(error.fieldErrors).toEqual({});
  });

  it('keeps permission ids and logo types out of the form fields', () => {
    for (const field of ['permission_id', 'type', 'id']) {
      const error = parseKindeError(
        response(400, { errors: [{ code: 'X_NOT_FOUND', message: 'Not here', field }] }),
      );
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors).toEqual({});
    }
  });
});
