import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { oauthError } from './errors';

/**
 * The M2M token flow (`POST /oauth2/token`, client credentials). Tokens are JWT-shaped and
 * signed with a fixed sandbox key, so they survive a restart without being stored and an
 * expired or forged one is refused. Real Kinde signs with RS256 and publishes a JWKS; the
 * sandbox uses HS256 because nothing outside it verifies these tokens.
 */

export const KINDE_CLIENT_ID = 'sandbox';
export const KINDE_CLIENT_SECRET = 'sandbox-secret';
/** Kinde's documented M2M token lifetime. */
export const KINDE_TOKEN_LIFETIME_S = 86399;
const SIGNING_KEY = 'orgdeck-sandbox-kinde-signing-key';

/** The management API scopes of the endpoints the sandbox serves (the sandbox app has them all). */
export const KINDE_SCOPES = [
  'read:organizations',
  'create:organizations',
  'update:organizations',
  'delete:organizations',
  'delete:organization_handles',
  'read:organization_users',
  'create:organization_users',
  'update:organization_users',
  'delete:organization_users',
  'read:organization_user_roles',
  'create:organization_user_roles',
  'delete:organization_user_roles',
  'read:organization_user_permissions',
  'create:organization_user_permissions',
  'delete:organization_user_permissions',
  'read:organization_feature_flags',
  'update:organization_feature_flags',
  'delete:organization_feature_flags',
  'read:organization_invites',
  'create:organization_invites',
  'delete:organization_invites',
  'read:users',
  'read:roles',
  'read:permissions',
  'read:environment_feature_flags',
] as const;
export type KindeScope = (typeof KINDE_SCOPES)[number];

export interface KindeTokenClaims {
  aud: string[];
  azp: string;
  exp: number;
  gty: string[];
  iat: number;
  iss: string;
  jti: string;
  scope: string;
  scp: string[];
  v: string;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function sign(input: string): Buffer {
  return createHmac('sha256', SIGNING_KEY).update(input).digest();
}

export interface IssueTokenOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Epoch ms. */
  readonly now: number;
  readonly lifetimeSeconds?: number;
}

export function issueToken(options: IssueTokenOptions): string {
  const iat = Math.floor(options.now / 1000);
  const claims: KindeTokenClaims = {
    aud: [options.audience],
    azp: options.clientId,
    exp: iat + (options.lifetimeSeconds ?? KINDE_TOKEN_LIFETIME_S),
    gty: ['client_credentials'],
    iat,
    iss: options.issuer,
    jti: randomUUID(),
    scope: options.scopes.join(' '),
    scp: [...options.scopes],
    v: '2',
  };
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'orgdeck-sandbox' }));
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${base64url(sign(`${header}.${payload}`))}`;
}

export type TokenCheck =
  | { readonly ok: true; readonly scopes: readonly string[] }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** Verifies the signature and expiry of a token this sandbox issued. */
export function verifyToken(token: string, now: number): TokenCheck {
  const [header, payload, signature, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) {
    return { ok: false, reason: 'invalid' };
  }
  const expected = sign(`${header}.${payload}`);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, reason: 'invalid' };
  let claims: Partial<KindeTokenClaims>;
  try {
    claims = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as Partial<KindeTokenClaims>;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, scopes: Array.isArray(claims.scp) ? claims.scp : [] };
}

interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** HTTP Basic client authentication (RFC 6749 §2.3.1: both parts form-urlencoded). */
function basicCredentials(header: string | undefined): ClientCredentials | null {
  const match = /^basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return {
      clientId: decode(decoded.slice(0, colon)),
      clientSecret: decode(decoded.slice(colon + 1)),
    };
  } catch {
    return null;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `POST /oauth2/token`, served outside the bearer check. */
export async function tokenEndpoint(c: Context, issuer: string, now: number): Promise<Response> {
  const contentType = c.req.header('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(
      400,
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded.',
    );
  }
  const form = new URLSearchParams(await c.req.text());
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'The grant_type parameter is missing.');
  if (grantType !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The grant type "${grantType}" is not supported for this client.`,
    );
  }

  const credentials = basicCredentials(c.req.header('authorization')) ?? {
    clientId: form.get('client_id') ?? '',
    clientSecret: form.get('client_secret') ?? '',
  };
  if (
    credentials.clientId !== KINDE_CLIENT_ID ||
    !sameSecret(credentials.clientSecret, KINDE_CLIENT_SECRET)
  ) {
    return oauthError(
      401,
      'invalid_client',
      'Client authentication failed: unknown client or wrong secret.',
    );
  }

  const audience = form.get('audience') || `${issuer}/api`;
  // The management API's audience is `https://<business>.kinde.com/api`; the sandbox is reached
  // at several origins (sandbox://, the server's own), so any `…/api` audience is accepted.
  if (!audience.endsWith('/api')) {
    return oauthError(
      400,
      'invalid_request',
      `The audience "${audience}" is not an API this client is authorized for.`,
    );
  }

  const requested = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  const unknown = requested.filter((scope) => !(KINDE_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    return oauthError(
      400,
      'invalid_scope',
      `Scopes not enabled for this client: ${unknown.join(', ')}.`,
    );
  }
  // No scope asked for: the token carries every scope enabled for the app, and `scope` echoes "".
  const granted = requested.length > 0 ? requested : [...KINDE_SCOPES];
  const token = issueToken({
    issuer,
    audience,
    clientId: credentials.clientId,
    scopes: granted,
    now,
  });
  return Response.json(
    {
      access_token: token,
      expires_in: KINDE_TOKEN_LIFETIME_S,
      scope: requested.join(' '),
      token_type: 'Bearer',
    },
    { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } },
  );
}
