import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import type { RawResponse } from '../../http-client';
import forbidden from './__fixtures__/error-forbidden.json';
import { NUMIND_FORBIDDEN_MESSAGE, onEmailField, onNameField, parseNumindError } from './errors';

const invalidBody = readFileSync(
  new URL('./__fixtures__/invalid-body.txt', import.meta.url),
  'utf8',
);

function response(status: number, text: string, headers: Record<string, string> = {}): RawResponse {
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status, headers: new Headers(headers), text, json };
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('parseNumindError', () => {
  it('reads the text/plain 400 as a validation error with the provider text', () => {
    const error = parseNumindError(
      response(400, invalidBody, { 'content-type': 'text/plain; charset=UTF-8' }),
    );
    expect(error.kind).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid value for: body');
    expect(error.code).toBeNull();
  });

  it('reads the JSON Error body of a 403 with its message and code', () => {
    const error = parseNumindError(response(403, JSON.stringify(forbidden), JSON_TYPE));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('You do not have permission to change this organization.');
    expect(error.code).toBe('Forbidden');
  });

  it('maps 401 and 404 JSON errors by status', () => {
    const unauthorized = parseNumindError(
      response(401, JSON.stringify({ code: 'Unauthorized', message: 'Invalid token.' }), JSON_TYPE),
    );
    expect(unauthorized.kind).toBe('unauthorized');
    expect(unauthorized.message).toBe('Invalid token.');
    const missing = parseNumindError(
      response(404, JSON.stringify({ code: 'NotFound', message: 'No such org.' }), JSON_TYPE),
    );
    expect(missing.kind).toBe('not_found');
    expect(missing.message).toBe('No such org.');
  });

  it('explains an empty 403: API keys are refused and changes need rights', () => {
    const error = parseNumindError(response(403, ''));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe(NUMIND_FORBIDDEN_MESSAGE);
    expect(error.message).toMatch(/API key/);
  });

  it('falls back to a sentence of its own for other empty bodies', () => {
    const error = parseNumindError(response(401, ''));
    expect(error.kind).toBe('unauthorized');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.code).toBeNull();
  });

  it('does not show an HTML error page as the message', () => {
    const error = parseNumindError(
      response(502, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' }),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.message).not.toContain('<html>');
  });

  it('reads an undocumented 429 as rate_limited with Retry-After', () => {
    const error = parseNumindError(
      response(429, JSON.stringify({ code: 'TooManyRequests', message: 'Slow down.' }), {
        ...JSON_TYPE,
        'retry-after': '12',
      }),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(12_000);
    expect(parseNumindError(response(429, '')).retryAfterMs).toBeNull();
  });
});

describe('onNameField', () => {
  it('puts a validation message on the name field', () => {
    const error = onNameField(
      new ApiError({ kind: 'validation', status: 400, message: 'Invalid value for: body' }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual({ name: 'Invalid value for: body' });
    expect((error as ApiError).status).toBe(400);
  });

  it('leaves other errors alone', () => {
    const forbiddenError = new ApiError({ kind: 'forbidden', status: 403, message: 'No.' });
    expect(onNameField(forbiddenError)).toBe(forbiddenError);
    const plain = new Error('boom');
    expect(onNameField(plain)).toBe(plain);
  });
});

describe('onEmailField', () => {
  it('puts a refused body or a duplicate on the email field, keeping kind and code', () => {
    const refused = onEmailField(
      new ApiError({ kind: 'validation', status: 400, message: 'Invalid value for: body' }),
    ) as ApiError;
    expect(refused.fieldErrors).toEqual({ email: 'Invalid value for: body' });
    const duplicate = onEmailField(
      new ApiError({
        kind: 'conflict',
        status: 409,
        message: 'Already pending.',
        code: 'Conflict',
      }),
    ) as ApiError;
    expect(duplicate).toMatchObject({ kind: 'conflict', status: 409, code: 'Conflict' });
    expect(duplicate.fieldErrors).toEqual({ email: 'Already pending.' });
  });

  it('leaves other errors alone', () => {
    const forbiddenError = new ApiError({ kind: 'forbidden', status: 403, message: 'No.' });
    expect(onEmailField(forbiddenError)).toBe(forbiddenError);
  });
});
