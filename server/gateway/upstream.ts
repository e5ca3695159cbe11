import { SANDBOX_SCHEME } from '../config';

export type Fetch = (request: Request) => Promise<Response>;
/** The embedded sandbox in process: `request` at the vendor's own path (see `Sandbox.fetchVendor`). */
export type SandboxFetch = (mount: string, request: Request) => Promise<Response>;
export type UpstreamFetch = (
  url: string,
  init: RequestInit,
  publicOrigin: string,
) => Promise<Response>;

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Sends a request to a provider: over the network for real connections, or in-process to the
 * embedded sandbox for `sandbox://<mount>` URLs. The sandbox sees the public origin, so URLs it
 * hands out (logo images) resolve in the browser. The request's signal (timeout, cancellation)
 * applies to both: an in-process call that has not answered when it aborts is abandoned.
 */
export function createUpstreamFetch(options: {
  readonly sandboxFetch: SandboxFetch | null;
  readonly networkFetch?: Fetch;
}): UpstreamFetch {
  const network = options.networkFetch ?? ((request: Request) => fetch(request));
  return async (url, init, publicOrigin) => {
    if (url.startsWith(SANDBOX_SCHEME)) {
      if (!options.sandboxFetch) throw new Error('The sandbox is disabled on this server.');
      const target = new URL(url);
      // At the vendor's own path on the public origin, as the vendor's routes see it.
      const local = `${publicOrigin}${target.pathname || '/'}${target.search}`;
      // The signal stays out of the in-process Request: a Request made with a signal follows
      // it with a signal, listener and finalizer of its own (most of its construction cost),
      // and nothing in the sandbox reads it. `untilAborted` applies timeout and cancellation.
      const { signal, ...unsignalled } = init;
      return untilAborted(
        options.sandboxFetch(target.host, new Request(local, unsignalled)),
        signal,
      );
    }
    return network(new Request(url, { ...init, redirect: 'manual' }));
  };
}
