import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../../http-client';
import notFound from './__fixtures__/error-not-found.json';
import invalidInvite from './__fixtures__/error-validation-invite.json';
import { failedInviteError, parsePermitError } from './errors';

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): RawResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, headers: new Headers(headers), text, json: body };
}

describe('parsePermitError for invites', () => {
  it('puts a 422 on an array item’s email on the email field', () => {
    const error = parsePermitError(response(422, invalidInvite));
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(422);
    expect(error.message).toBe('value is not a valid email address');
    expect(error.fieldErrors).toEqual({ email: 'value is not a valid email address' });
  });

  it('puts a refused role on the roles field', () => {
    const error = parsePermitError(
      response(422, {
        detail: [
          {
            loc: ['body', 0, 'role'],
            msg: "value is not a valid enumeration member; permitted: 'admin', 'write', 'read', 'no_access'",
            type: 'type_error.enum',
          },
        ],
      }),
    );
    expect(Object.keys(error.fieldErrors)).toEqual(['roles']);
  });

  it('reads the ErrorDetails of an unknown invite as not_found with its message and code', () => {
    const error = parsePermitError(response(404, notFound));
    expect(error.kind).toBe('not_found');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(notFound.message);
  });
});

describe('failedInviteError', () => {
  it('turns an already-invited reason into a conflict on the email field', () => {
    const error = failedInviteError({ email: 'sam@example.com', reason: 'User already invited' });
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe('User already invited');
    expect(error.fieldErrors).toEqual({ email: 'User already invited' });
  });

  it('turns any other reason into a validation error with the provider’s text', () => {
    const error = failedInviteError({ email: 'x@example.com', reason: 'Email could not be sent' });
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('Email could not be sent');
  });

  it('writes a message of its own when the reason is blank', () => {
    const error = failedInviteError({ email: 'x@example.com', reason: ' ' });
    expect(error.message).toContain('x@example.com');
    expect(error.fieldErrors['email']).toBe(error.message);
  });
});
