import type { Context, Hono } from 'hono';
import { JsonLimitError, parseBoundedJson, type JsonLimits } from '../http/bounded-body';
import type { OperationTable } from '../../src/api/operations';
import { toRoutePath } from '../../src/api/operations';
import type { ImageStore } from './images';
import type { SandboxStateStore } from './store';

export type Handler = (c: Context) => Response | Promise<Response>;

/** What every emulated provider gives the sandbox. */
export interface SandboxVendor {
  /** Mount under `/sandbox/<mount>`. */
  readonly mount: string;
  /** Routes at the vendor's own paths (`/v2/orgs`, `/api/v1/organizations`, …). */
  readonly app: Hono;
  /** The vendor's own error envelope for a status, used by faults. */
  error(status: number, message: string): Response;
  /** The vendor's 429, with its own retry header. */
  rateLimited(retryAfterSeconds: number): Response;
  /**
   * The vendor's own refusal of a request it would not authenticate (its 401, or Kinde's 403),
   * or null when the credentials pass. The sandbox asks this before injecting a fault, so a
   * fault never answers a request the vendor would refuse. `vendorPath` lets public routes
   * (Kinde's token endpoint) pass.
   */
  authenticate(c: CredentialsLike, vendorPath: string): Response | null;
}

export interface SandboxContext {
  readonly store: SandboxStateStore;
  /** Current time in epoch ms (overridable in tests). */
  readonly now: () => number;
  /** Uploaded images, served at `/sandbox/images/<id>`; prefix `ImageStore.path(id)` with the request origin. */
  readonly images: ImageStore;
}

/**
 * Registers one handler per operation of a provider's table. The mapped type makes a missing
 * handler a compile error, so the sandbox serves exactly what the adapter and gateway know.
 */
export function routeOperations<T extends OperationTable>(
  app: Hono,
  table: T,
  handlers: { readonly [K in keyof T]: Handler },
): void {
  const entries = Object.entries(table).sort(
    ([, a], [, b]) => literalSegments(b.path) - literalSegments(a.path),
  );
  for (const [id, op] of entries) {
    const handler = handlers[id as keyof T];
    app.on(op.method, toRoutePath(op), (c) => handler(c));
  }
}

function literalSegments(path: string): number {
  return path.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
}

/**
 * Depth and key-count bounds for every JSON body the sandbox parses. No vendor documents a
 * nesting limit; 32 levels and 2,000 keys are far above what any of their org, member or
 * metadata bodies need (Clerk's 8 KB of metadata holds at most ~1,300 keys), and low enough that
 * nothing stored can overflow the stack when the store serialises it.
 */
export const SANDBOX_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxKeys: 2_000 };

export type ReadJsonResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: string;
      /** Set when the body broke a depth or key limit. */ limit?: JsonLimitError;
    };

/**
 * Reads a JSON body; `undefined` body when empty, `{ok:false}` when it is not JSON or breaks
 * `SANDBOX_JSON_LIMITS` (checked before `JSON.parse`, without recursion). The body's size is
 * bounded earlier, while it streams in (see `sandbox.ts`).
 */
export async function readJson(c: RequestLike): Promise<ReadJsonResult> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseBoundedJson(text, SANDBOX_JSON_LIMITS) };
  } catch (error) {
    if (error instanceof JsonLimitError) return { ok: false, error: error.message, limit: error };
    return { ok: false, error: error instanceof Error ? error.message : 'Invalid JSON' };
  }
}

/** The bearer token of a request, or null. */
export function bearerToken(c: CredentialsLike): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() ?? null;
}

export const SANDBOX_TOKEN = 'sandbox-token';

/** The origin a request reached the sandbox at, for absolute URLs it hands out. */
export function requestOrigin(c: { req: { url: string } }): string {
  return new URL(c.req.url).origin;
}

/** The part of a request a credential check reads: headers and query parameters. */
export interface CredentialsLike {
  readonly req: {
    header(name: string): string | undefined;
    query(name: string): string | undefined;
  };
}

/** The part of a Hono context the helpers read (keeps Hono's `any` generics out of them). */
export interface RequestLike {
  readonly req: {
    header(name: string): string | undefined;
    text(): Promise<string>;
  };
}
