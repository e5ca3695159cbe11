import type { Context, MiddlewareHandler } from 'hono';
import { readJson, type CredentialsLike } from '../../vendor';
import { clerkErrors } from './errors';
import { isJsonObject } from './metadata';

/** Request reading shared by both Clerk APIs: the API version, JSON and form bodies. */

export const CLERK_API_VERSIONS = ['2025-11-10', '2026-05-12'] as const;
export type ClerkApiVersion = (typeof CLERK_API_VERSIONS)[number];

/**
 * Unconfirmed: without a header or query parameter the instance's default version applies.
 * The sandbox instance defaults to the older supported version.
 */
export const DEFAULT_API_VERSION: ClerkApiVersion = '2025-11-10';

function isSupported(version: string): version is ClerkApiVersion {
  return (CLERK_API_VERSIONS as readonly string[]).includes(version);
}

function rawVersion(c: Context): string | undefined {
  return c.req.header('clerk-api-version') ?? c.req.query('__clerk_api_version');
}

/** The version a request asked for (already checked by `apiVersionCheck`). */
export function requestedVersion(c: Context): ClerkApiVersion {
  const version = rawVersion(c)?.trim();
  return version !== undefined && isSupported(version) ? version : DEFAULT_API_VERSION;
}

/** Choice: an unknown version is a 400 with code `api_version_invalid` (the spec lists no code). */
export const apiVersionCheck: MiddlewareHandler = async (c, next) => {
  const version = rawVersion(c)?.trim();
  if (version !== undefined && version !== '' && !isSupported(version)) {
    return clerkErrors(400, [
      {
        code: 'api_version_invalid',
        message: 'Invalid API version',
        long_message: `Clerk-API-Version "${version}" is not a supported version. Use one of: ${CLERK_API_VERSIONS.join(', ')}.`,
      },
    ]);
  }
  await next();
  return undefined;
};

/** One cookie of the request (the FAPI's `__client`). */
export function cookie(c: CredentialsLike, name: string): string | undefined {
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name)
      return part.slice(separator + 1).trim();
  }
  return undefined;
}

export type BodyResult = { body: Record<string, unknown> } | { response: Response };

function malformed(longMessage: string): { response: Response } {
  // Choice: the spec gives 400 `ClerkErrors` for a body that cannot be read; the code is ours.
  return {
    response: clerkErrors(400, [
      { code: 'request_body_invalid', message: 'Invalid request body', long_message: longMessage },
    ]),
  };
}

/** A JSON object body; an empty body reads as `{}`. */
export async function readJsonBody(c: Context): Promise<BodyResult> {
  const parsed = await readJson(c);
  if (!parsed.ok) return malformed(`The request body is not valid JSON: ${parsed.error}`);
  if (parsed.value === undefined) return { body: {} };
  if (!isJsonObject(parsed.value)) return malformed('The request body must be a JSON object.');
  return { body: parsed.value };
}

/** Form fields as a record; a repeated field (`email_address=a&email_address=b`) becomes an array. */
function formRecord(fields: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of new Set(fields.keys())) {
    const values = fields.getAll(key);
    body[key] = values.length === 1 ? values[0] : values;
  }
  return body;
}

/**
 * A Frontend API form body. The FAPI is "a Form Based API": anything but a form (JSON
 * included) is refused with 422, the status its org endpoints list for bad input (choice).
 */
export async function readFormBody(c: Context): Promise<BodyResult> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return { body: formRecord(new URLSearchParams(await c.req.text())) };
  }
  if (type === 'multipart/form-data') {
    const form = await c.req.raw.formData().catch(() => null);
    if (form === null) return malformed('The multipart body could not be read.');
    const fields = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === 'string') fields.append(key, value);
    return { body: formRecord(fields) };
  }
  if ((await c.req.text()).trim() === '') return { body: {} };
  return {
    response: clerkErrors(422, [
      {
        code: 'unsupported_content_type',
        message: 'is not supported',
        long_message: `The Frontend API takes application/x-www-form-urlencoded bodies, not ${type === '' ? 'an untyped body' : type}.`,
      },
    ]),
  };
}
