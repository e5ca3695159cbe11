import { ApiError, defaultMessage } from '../api/errors';

export interface ErrorDescription {
  readonly title: string;
  /** The provider's own text where it gave one. */
  readonly message: string;
  readonly retryable: boolean;
}

const TITLES: Record<ApiError['kind'], string> = {
  unauthorized: 'The provider did not accept the credentials',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  validation: 'The provider rejected the input',
  rate_limited: 'The provider asked to wait (rate limited)',
  unavailable: 'The provider is unavailable',
  bad_response: 'Unexpected response',
  unsupported: 'Not supported',
  aborted: 'Cancelled',
};

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    const wait =
      error.kind === 'rate_limited' && error.retryAfterMs !== null
        ? ` It asked for ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s; use Retry after that.`
        : '';
    return {
      title: TITLES[error.kind],
      message: (error.message || defaultMessage(error.kind)) + wait,
      retryable: ['rate_limited', 'unavailable', 'bad_response', 'aborted'].includes(error.kind),
    };
  }
  return {
    title: 'Something went wrong',
    message: error instanceof Error ? error.message : String(error),
    retryable: true,
  };
}
