import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../../http-client';
import forbidden from './__fixtures__/error-forbidden.json';
import formParamUnknown from './__fixtures__/error-form-param-unknown.json';
import { parseClerkFrontendError } from './errors';

function response(status: number, json: unknown): RawResponse {
  return { status, headers: new Headers(), text: JSON.stringify(json), json };
}

describe('parseClerkFrontendError', () => {
  it('reads a 403 (not a member, or not an admin) as forbidden with Clerk’s text', () => {
    const error = parseClerkFrontendError(response(403, forbidden));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('You are not a member of this organization.');
    expect(error.code).toBe('not_allowed_access');
  });

  it('reads an unknown form parameter as a validation error on that parameter', () => {
    const error = parseClerkFrontendError(response(422, formParamUnknown));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual({
      max_allowed_memberships: 'max_allowed_memberships is not a valid parameter for this request.',
    });
  });

  it('expects errors unwrapped: a {response, client} body on an error status says nothing precise', () => {
    const wrapped = { response: forbidden, client: null };
    const error = parseClerkFrontendError(response(403, wrapped));
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBeNull();
  });

  it('reads 401 (no signed-in client) as unauthorized', () => {
    const body = {
      errors: [
        {
          message: 'Invalid authentication',
          long_message: 'You need to be signed in.',
          code: 'authentication_invalid',
        },
      ],
    };
    expect(parseClerkFrontendError(response(401, body)).kind).toBe('unauthorized');
  });
});
