/**
 * A console session driven from Node (tests, e2e fixtures): keeps the `orgdeck_session` cookie
 * and sends the CSRF token on state-changing calls, as the SPA does in the browser.
 */
export interface SessionState {
  readonly required: boolean;
  readonly signedIn: boolean;
  readonly user: { id: string; name: string; role: string; demo: boolean } | null;
  readonly effectiveRole: 'viewer' | 'support' | 'admin';
  readonly csrfToken: string;
  readonly demoUsers: { id: string; name: string; role: string }[];
  readonly methods: string[];
}

export class ConsoleClient {
  private cookie: string | null = null;
  private csrf: string | null = null;

  constructor(
    readonly origin: string,
    private readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {}

  /** Headers an adapter needs to act in this session (`AdapterOptions.headers`). */
  get headers(): Record<string, string> {
    return {
      ...this.extraHeaders,
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
    };
  }

  get csrfToken(): string | null {
    return this.csrf;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) {
      if (!headers.has(name)) headers.set(name, value);
    }
    const response = await fetch(`${this.origin}${path}`, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const session = /^orgdeck_session=([^;]*)/.exec(cookie);
      if (session) this.cookie = session[1] ? `orgdeck_session=${session[1]}` : null;
    }
    return response;
  }

  private async remember(response: Response): Promise<SessionState> {
    const text = await response.text();
    if (!response.ok) throw new Error(`session call failed: ${response.status} ${text}`);
    const state = JSON.parse(text) as SessionState;
    this.csrf = state.csrfToken;
    return state;
  }

  /** `GET /api/session`: opens a session (cookie) and learns its CSRF token. */
  async open(): Promise<SessionState> {
    return this.remember(await this.fetch('/api/session'));
  }

  /** `POST /api/session`, sent with this origin as `Origin`, as a browser would. */
  async signIn(
    body: { username: string; password: string } | { demoUser: string },
  ): Promise<Response> {
    const response = await this.fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin },
      body: JSON.stringify(body),
    });
    if (response.ok) await this.remember(response.clone());
    return response;
  }

  async signOut(): Promise<SessionState> {
    return this.remember(await this.fetch('/api/session', { method: 'DELETE' }));
  }
}
