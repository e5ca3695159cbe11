import { describe, expect, it } from 'vitest';
import type { Connection } from '../config';
import { CredentialProvider } from './credentials';

const kinde: Connection = {
  id: 'acme-kinde',
  label: 'Acme (Kinde)',
  provider: 'kinde',
  baseUrl: 'https://acme.kinde.com',
  sandbox: false,
  auth: {
    type: 'oauth2-client-credentials',
    tokenUrl: 'https://acme.kinde.com/oauth2/token',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    audience: 'https://acme.kinde.com/api',
  },
  query: {},
};

/** A token endpoint that hands out `token-1`, `token-2`, … with the given lifetime. */
function tokenEndpoint(expiresIn: number | undefined) {
  const requests: URLSearchParams[] = [];
  const upstream = (_url: string, init: RequestInit) => {
    requests.push(new URLSearchParams(typeof init.body === 'string' ? init.body : ''));
    return Promise.resolve(
      Response.json({
        access_token: `token-${requests.length}`,
        token_type: 'bearer',
        ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
      }),
    );
  };
  return { upstream, requests };
}

describe('CredentialProvider: OAuth2 client-credentials tokens and the clock', () => {
  it('keeps a one-hour token until a minute before it expires, then renews it', async () => {
    let now = Date.UTC(2026, 10, 22, 12);
    const { upstream, requests } = tokenEndpoint(3600);
    const credentials = new CredentialProvider(upstream, () => now);
    const origin = 'https://orgdeck.test';

    expect(await credentials.authorization(kinde, origin)).toBe('Bearer token-1');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.get('grant_type')).toBe('client_credentials');
    expect(requests[0]?.get('audience')).toBe('https://acme.kinde.com/api');

    now += 3539 * 1000;
    expect(await credentials.authorization(kinde, origin)).toBe('Bearer token-1');
    expect(requests).toHaveLength(1);

    now += 1000; // 3540 s: one minute before the token's own expiry.
    expect(await credentials.authorization(kinde, origin)).toBe('Bearer token-2');
    expect(requests).toHaveLength(2);

    // The renewed token counts from when it was issued.
    now += 3539 * 1000;
    expect(await credentials.authorization(kinde, origin)).toBe('Bearer token-2');
    now += 1000;
    expect(await credentials.authorization(kinde, origin)).toBe('Bearer token-3');
    expect(requests).toHaveLength(3);
  });

  it('renews a short-lived token halfway, and assumes five minutes when no lifetime is given', async () => {
    let now = 1_000_000;
    const short = tokenEndpoint(60);
    const shortLived = new CredentialProvider(short.upstream, () => now);
    expect(await shortLived.authorization(kinde, 'https://o.test')).toBe('Bearer token-1');
    now += 29_999;
    expect(await shortLived.authorization(kinde, 'https://o.test')).toBe('Bearer token-1');
    now += 1;
    expect(await shortLived.authorization(kinde, 'https://o.test')).toBe('Bearer token-2');

    now = 1_000_000;
    const unknown = tokenEndpoint(undefined);
    const defaulted = new CredentialProvider(unknown.upstream, () => now);
    await defaulted.authorization(kinde, 'https://o.test');
    now += 239_999;
    await defaulted.authorization(kinde, 'https://o.test');
    expect(unknown.requests).toHaveLength(1);
    now += 1;
    expect(await defaulted.authorization(kinde, 'https://o.test')).toBe('Bearer token-2');
  });

  it('asks once for concurrent callers, and again after invalidate', async () => {
    const { upstream, requests } = tokenEndpoint(3600);
    const credentials = new CredentialProvider(upstream, () => 0);
    const both = await Promise.all([
      credentials.authorization(kinde, 'https://o.test'),
      credentials.authorization(kinde, 'https://o.test'),
    ]);
    expect(both).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(requests).toHaveLength(1);
    credentials.invalidate(kinde.id);
    expect(await credentials.authorization(kinde, 'https://o.test')).toBe('Bearer token-2');
  });
});
