import type { Connection, ResolvedAuth } from '../config';

type UpstreamFetch = (url: string, init: RequestInit, publicOrigin: string) => Promise<Response>;

interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
}

/** Why no credential could be produced: the token endpoint failed, or the user has none set. */
export type CredentialFailure = 'unreachable' | 'refused' | 'malformed' | 'user_token_missing';

export class CredentialError extends Error {
  override name = 'CredentialError';
  constructor(
    readonly failure: CredentialFailure,
    message: string,
    /** The token endpoint's HTTP status, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Produces the Authorization header for a connection. OAuth2 client-credentials tokens are
 * cached until shortly before they expire; `invalidate` forces a fresh one after an answer the provider's catalog lists in
 * `tokenRefusedStatuses` (Kinde: 401 and 403, its spec's "invalid credentials").
 */
export class CredentialProvider {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly upstream: UpstreamFetch,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** `userToken`: the console user's own token, for connections in user-token mode. */
  async authorization(
    connection: Connection,
    publicOrigin: string,
    userToken: string | null = null,
  ): Promise<string> {
    const auth = connection.auth;
    if (auth.type === 'bearer') return `Bearer ${auth.secret}`;
    if (auth.type === 'user-token') {
      if (userToken === null) {
        throw new CredentialError(
          'user_token_missing',
          'This connection acts as you: provide your own access token for it first.',
        );
      }
      return `Bearer ${userToken}`;
    }
    const cached = this.tokens.get(connection.id);
    if (cached && cached.expiresAt > this.now()) return `Bearer ${cached.value}`;
    let pending = this.pending.get(connection.id);
    if (!pending) {
      pending = this.fetchToken(auth, publicOrigin).finally(() =>
        this.pending.delete(connection.id),
      );
      this.pending.set(connection.id, pending);
    }
    const token = await pending;
    this.tokens.set(connection.id, token);
    return `Bearer ${token.value}`;
  }

  invalidate(connectionId: string): void {
    this.tokens.delete(connectionId);
  }

  private async fetchToken(
    auth: Extract<ResolvedAuth, { type: 'oauth2-client-credentials' }>,
    publicOrigin: string,
  ): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
    });
    if (auth.audience) body.set('audience', auth.audience);
    if (auth.scope) body.set('scope', auth.scope);
    let response: Response;
    try {
      response = await this.upstream(
        auth.tokenUrl,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: body.toString(),
          signal: AbortSignal.timeout(15_000),
        },
        publicOrigin,
      );
    } catch {
      throw new CredentialError('unreachable', 'The token endpoint could not be reached.');
    }
    if (!response.ok) {
      await response.body?.cancel();
      // Never echo the token endpoint's body: it may repeat what we sent.
      throw new CredentialError(
        'refused',
        `The token endpoint refused the client credentials (HTTP ${response.status}).`,
        response.status,
      );
    }
    const json = (await response.json().catch(() => null)) as {
      access_token?: unknown;
      expires_in?: unknown;
    } | null;
    if (!json || typeof json.access_token !== 'string' || json.access_token === '') {
      throw new CredentialError(
        'malformed',
        'The token endpoint answered without an access token.',
        response.status,
      );
    }
    const lifetime = typeof json.expires_in === 'number' ? json.expires_in : 300;
    return {
      value: json.access_token,
      // Renew a minute early (or halfway for very short tokens).
      expiresAt: this.now() + Math.max(lifetime * 500, (lifetime - 60) * 1000),
    };
  }
}
