import { startTestServer, type TestServer } from '../../../server/testing/test-server';
import type { ProviderKind } from '../domain';
import { ApiError } from '../errors';
import type { OrgAdminApi } from '../org-admin-api';
import type { AdapterOptions } from '../providers/shared';

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

/**
 * A fresh sandbox server and an adapter on it that records every URL it calls (tests clear
 * `calls` to count the requests one step makes).
 */
export async function recordingAdapter(
  connectionId: ProviderKind,
  create: (options: AdapterOptions) => OrgAdminApi,
): Promise<{ server: TestServer; api: OrgAdminApi; calls: string[] }> {
  const server = await startTestServer();
  const calls: string[] = [];
  const api = create({
    baseUrl: server.upstreamUrl(connectionId),
    fetch: (input, init) => {
      calls.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    },
  });
  return { server, api, calls };
}

/**
 * The adapter as it declares itself, built without a server, so a suite can decide at collection
 * which tests apply (`it.skipIf`) and the report lists what was not checked.
 */
export function declaredAdapter(create: (options: AdapterOptions) => OrgAdminApi): OrgAdminApi {
  return create({ baseUrl: 'http://declared.invalid' });
}

/** A test that runs because the adapter declared a capability finds its API group missing. */
export function undeclared(): Error {
  return new Error('The adapter lacks an API group its capabilities declare.');
}
