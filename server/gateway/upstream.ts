import { SANDBOX_SCHEME } from '../config';

export type Fetch = (request: Request) => Promise<Response>;

/**
 * Sends a request to a provider: over the network for real connections, or in-process to the
 * embedded sandbox for `sandbox://<mount>` URLs. The sandbox sees the public origin, so URLs it
 * hands out (logo images) resolve in the browser.
 */
export function createUpstreamFetch(options: {
  readonly sandboxFetch: Fetch | null;
  readonly networkFetch?: Fetch;
}): (url: string, init: RequestInit, publicOrigin: string) => Promise<Response> {
  const network = options.networkFetch ?? ((request: Request) => fetch(request));
  return async (url, init, publicOrigin) => {
    if (url.startsWith(SANDBOX_SCHEME)) {
      if (!options.sandboxFetch) throw new Error('The sandbox is disabled on this server.');
      const target = new URL(url);
      const local = `${publicOrigin}/sandbox/${target.host}${target.pathname}${target.search}`;
      return options.sandboxFetch(new Request(local, init));
    }
    return network(new Request(url, { ...init, redirect: 'manual' }));
  };
}
