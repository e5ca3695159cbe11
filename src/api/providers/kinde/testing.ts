import { createHttpClient, type HttpClient } from '../../http-client';
import { parseKindeError } from './errors';

export type KindeRoute = (url: URL, init: RequestInit | undefined) => Response;

/** A Kinde stand-in for unit tests: answers by `METHOD /path`, recording each call it gets. */
export function kindeStub(routes: Record<string, KindeRoute>): {
  readonly http: HttpClient;
  readonly seen: string[];
} {
  const seen: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    seen.push(key);
    const route = routes[key];
    return Promise.resolve(route ? route(url, init) : new Response('', { status: 404 }));
  };
  const http = createHttpClient({
    baseUrl: 'https://acme.kinde.test',
    parseError: parseKindeError,
    fetch,
  });
  return { http, seen };
}
