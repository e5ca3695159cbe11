import { ApiError } from '../errors';

/** The ApiError a call fails with; the test fails if it succeeds or fails any other way. */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A short random token, so each test's data is its own. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}
