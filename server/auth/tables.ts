/** A console session. The cookie's value is never stored: only its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: string | null;
  /** The signed-in user (`SessionUser` as JSON), or null for an anonymous session. */
  user_json: string | null;
  /** AES-256-GCM sealed JSON `{connectionId: token}` (see `server/store/crypto.ts`). */
  user_tokens: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/** Sign-in attempts per key (`user:<name>`, `ip:<address>`) in the current window. */
export interface SignInAttemptsTable {
  key: string;
  window_start: Date;
  attempts: number;
}

export interface AuthTables {
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
}
