export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'unavailable'
  | 'bad_response'
  | 'unsupported'
  | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  /** Form field → message, for `validation` (and `conflict` on a unique field). */
  fieldErrors?: Readonly<Record<string, string>>;
  /** For `rate_limited`: how long the provider asked us to wait. */
  retryAfterMs?: number | null;
  /** Provider's own error code, e.g. `form_identifier_exists`, `DUPLICATE_ENTITY`. */
  code?: string | null;
  cause?: unknown;
}

/** The one error type every adapter throws. `message` is the provider's own text where it gave one. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly retryAfterMs: number | null;
  readonly code: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.code = init.code ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Default kind for an HTTP status, used when a provider's body says nothing more precise. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422 || status === 413) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status === 402) return 'forbidden';
  return 'unavailable';
}

/** Parses `Retry-After` (seconds or HTTP date) or `RateLimit-Reset` (seconds) into milliseconds. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | null {
  const raw = headers.get('retry-after') ?? headers.get('ratelimit-reset');
  if (raw === null || raw.trim() === '') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A short human sentence for each kind, used when the provider sent no message of its own. */
export function defaultMessage(kind: ApiErrorKind): string {
  switch (kind) {
    case 'unauthorized':
      return 'The provider did not accept the connection credentials.';
    case 'forbidden':
      return 'The provider refused this action for these credentials.';
    case 'not_found':
      return 'Not found.';
    case 'conflict':
      return 'That conflicts with something that already exists.';
    case 'validation':
      return 'The provider rejected the input.';
    case 'rate_limited':
      return 'Too many requests: the provider asked us to slow down.';
    case 'unavailable':
      return 'The provider could not be reached or failed to answer.';
    case 'bad_response':
      return 'The provider sent a response Orgdeck does not understand.';
    case 'unsupported':
      return 'This provider does not support that.';
    case 'aborted':
      return 'The request was cancelled.';
  }
}
