import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { BodyTooLargeError, readBodyLimited } from '../http/bounded-body';
import { sandboxBodyLimit } from './body-limits';
import { FaultRegistry, FaultSpec } from './faults';
import { ImageStore } from './images';
import { createClerkSandboxes } from './providers/clerk/routes';
import { createKindeSandbox } from './providers/kinde/routes';
import { createNumindSandbox } from './providers/numind/routes';
import { createPermitSandbox } from './providers/permit/routes';
import { DbSandboxStore } from './db-store';
import { SandboxStore, type SandboxStateStore } from './store';
import type { CredentialsLike, SandboxContext, SandboxVendor } from './vendor';

export interface SandboxOptions {
  /**
   * Folder for uploaded images, and for the state when no `db` is given (`null` keeps both in
   * memory). With a `db`, a `sandbox-state.json` left there seeds the database once.
   */
  readonly dataDir: string | null;
  /**
   * The store's database: the state lives in its `sandbox_slices` table, durable before each
   * answer and shared by every replica on that database.
   */
  readonly db?: Kysely<Database>;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

export interface Sandbox {
  /** Serves everything under `/sandbox`. */
  readonly app: Hono;
  /**
   * In process (the gateway's calls): `request` is at the vendor's own path (`/v2/orgs`, not
   * `/sandbox/permit/v2/orgs`), on the origin the browser used. The same steps as
   * `/sandbox/<mount>/…` (the vendor's credential check, body limit, faults, the store's lock),
   * without building the request a second time for a call without a body.
   */
  fetchVendor(mount: string, request: Request): Promise<Response>;
  readonly store: SandboxStateStore;
  readonly faults: FaultRegistry;
  readonly vendors: readonly SandboxVendor[];
  /** Writes pending state (call before exit). */
  flush(): Promise<void>;
}

export const SANDBOX_PREFIX = '/sandbox';

/** The sandbox's own routes and the methods each answers (HEAD goes with GET). */
const CONTROL_ROUTES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^\/sandbox$/, ['GET']],
  [/^\/sandbox\/reset$/, ['POST']],
  [/^\/sandbox\/faults$/, ['GET', 'POST', 'DELETE']],
  [/^\/sandbox\/faults\/[^/]+$/, ['DELETE']],
  [/^\/sandbox\/images\/[^/]+$/, ['GET']],
];

/** A JSON 404 for a path under `/sandbox` that is none of its routes (never the SPA's page). */
export function sandboxNotFound(c: Context): Response {
  return c.json({ error: 'Not found', path: new URL(c.req.url).pathname }, 404);
}

/** 405 with `Allow` for a sandbox route called with another method; else a JSON 404. */
function sandboxFallback(c: Context): Response {
  const path = new URL(c.req.url).pathname;
  const route = CONTROL_ROUTES.find(([pattern]) => pattern.test(path));
  if (!route) return sandboxNotFound(c);
  const allow = route[1].includes('GET') ? [...route[1], 'HEAD'] : route[1];
  c.header('allow', allow.join(', '));
  return c.json({ error: 'Method not allowed', allow }, 405);
}

const mountPath = (mount: string) => `${SANDBOX_PREFIX}/${mount}`;

/** The credentials a vendor checks (headers and query parameters) of an in-process request. */
function requestCredentials(request: Request, url: URL): CredentialsLike {
  return {
    req: {
      header: (name) => request.headers.get(name) ?? undefined,
      query: (name) => url.searchParams.get(name) ?? undefined,
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A vendor request's body, read within `sandboxBodyLimit` while it streams (chunked bodies
 * included), or the error when it is over; null for methods without a body.
 */
async function readVendorBody(
  request: Request,
): Promise<Uint8Array<ArrayBuffer> | null | BodyTooLargeError> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  try {
    return await readBodyLimited(
      request,
      sandboxBodyLimit(request.headers.get('content-type') ?? undefined),
    );
  } catch (error) {
    if (error instanceof BodyTooLargeError) return error;
    throw error;
  }
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ? { log: options.log } : {};
  const store: SandboxStateStore = options.db
    ? new DbSandboxStore({ db: options.db, legacyDir: options.dataDir, ...log })
    : new SandboxStore({ dataDir: options.dataDir, ...log });
  const ctx: SandboxContext = {
    store,
    now: options.now ?? (() => Date.now()),
    images: new ImageStore(options.dataDir),
  };
  // The slices each vendor registers are the ones its requests lock (Clerk's two APIs share one).
  const slicesOf = new Map<SandboxVendor, string[]>();
  const add = (create: () => SandboxVendor | SandboxVendor[]) => {
    const before = new Set(store.names());
    const created = create();
    const list = Array.isArray(created) ? created : [created];
    const names = store.names().filter((name) => !before.has(name));
    for (const vendor of list) slicesOf.set(vendor, names);
    return list;
  };
  const vendors: SandboxVendor[] = [
    ...add(() => createPermitSandbox(ctx)),
    ...add(() => createKindeSandbox(ctx)),
    ...add(() => createClerkSandboxes(ctx)),
    ...add(() => createNumindSandbox(ctx)),
  ];
  await store.load();

  const faults = new FaultRegistry();
  const app = new Hono();

  app.get(SANDBOX_PREFIX, (c) =>
    c.json({
      vendors: vendors.map((vendor) => `${SANDBOX_PREFIX}/${vendor.mount}`),
      faults: faults.list(),
    }),
  );

  app.get(`${SANDBOX_PREFIX}/images/:id`, async (c) => {
    const image = await ctx.images.get(c.req.param('id'));
    if (!image) return c.text('Not found', 404);
    return new Response(image.bytes, {
      headers: {
        'content-type': image.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  });

  app.post(`${SANDBOX_PREFIX}/reset`, async (c) => {
    await store.reset();
    faults.clear();
    return c.json({ reset: true });
  });

  app.get(`${SANDBOX_PREFIX}/faults`, (c) => c.json(faults.list()));
  app.post(`${SANDBOX_PREFIX}/faults`, async (c) => {
    const parsed = FaultSpec.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      return c.json({ error: 'Invalid fault', issues: parsed.error.issues }, 400);
    }
    return c.json(faults.add(parsed.data), 201);
  });
  app.delete(`${SANDBOX_PREFIX}/faults`, (c) => {
    faults.clear();
    return c.json({ cleared: true });
  });
  app.delete(`${SANDBOX_PREFIX}/faults/:id`, (c) =>
    faults.remove(c.req.param('id'))
      ? c.json({ removed: true })
      : c.json({ error: 'No such fault' }, 404),
  );

  /**
   * One vendor call: the vendor's credential check first (a fault never answers a request the
   * vendor would refuse), the body within its limit, an injected fault, then the vendor's route
   * under the store's lock. `vendorRequest` builds the request the vendor's app sees, at its own
   * path, with the body as read.
   */
  const callVendor = async (
    vendor: SandboxVendor,
    request: Request,
    vendorPath: string,
    credentials: CredentialsLike,
    vendorRequest: (body: Uint8Array<ArrayBuffer> | null) => Request,
  ): Promise<Response> => {
    const refusal = vendor.authenticate(credentials, vendorPath);
    if (refusal) return refusal;
    const body = await readVendorBody(request);
    if (body instanceof BodyTooLargeError) {
      return vendor.error(413, `The request body exceeds the limit of ${body.limit} bytes.`);
    }
    const fault = faults.take(vendor.mount, request.method, vendorPath);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.status === 429) return vendor.rateLimited(fault.retryAfterSeconds ?? 1);
    if (fault?.status) {
      return vendor.error(
        fault.status,
        fault.message ?? `Injected sandbox fault (${fault.status})`,
      );
    }
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    // Durable before it answers: a write the caller saw succeed survives a crash.
    return store.run(slicesOf.get(vendor) ?? [], write, () =>
      Promise.resolve(vendor.app.fetch(vendorRequest(body))),
    );
  };

  for (const vendor of vendors) {
    const prefix = `${SANDBOX_PREFIX}/${vendor.mount}`;
    app.all(`${prefix}/*`, async (c) => {
      const url = new URL(c.req.url);
      const vendorPath = url.pathname.slice(prefix.length) || '/';
      const forwarded = new URL(vendorPath + url.search, url.origin);
      // Without the incoming request's signal: nothing in a vendor's routes reads it, and a
      // Request made with a signal hangs a listener and a finalizer on it that outlive the call
      // until the finalizer runs (thousands of them held under load).
      return callVendor(
        vendor,
        c.req.raw,
        vendorPath,
        c,
        (body) =>
          new Request(forwarded, {
            method: c.req.method,
            headers: c.req.raw.headers,
            ...(body === null ? {} : { body }),
          }),
      );
    });
  }

  const byMount = new Map(vendors.map((vendor) => [vendor.mount, vendor]));
  const fetchVendor = async (mount: string, request: Request): Promise<Response> => {
    const vendor = byMount.get(mount);
    const url = new URL(request.url);
    if (!vendor) {
      return Response.json(
        { error: 'Not found', path: `${mountPath(mount)}${url.pathname}` },
        { status: 404 },
      );
    }
    return callVendor(vendor, request, url.pathname, requestCredentials(request, url), (body) =>
      body === null
        ? request
        : new Request(request.url, { method: request.method, headers: request.headers, body }),
    );
  };

  app.all(SANDBOX_PREFIX, sandboxFallback);
  app.all(`${SANDBOX_PREFIX}/*`, sandboxFallback);

  return { app, fetchVendor, store, faults, vendors, flush: () => store.flush() };
}
