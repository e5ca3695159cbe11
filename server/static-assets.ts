import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { BOOT_DATA_ID } from '../src/app/boot-data-id';
import { routeDataPreloads } from '../src/app/route-data-preloads';
import { compressFor, negotiateEncoding, type Encoding } from './compression';
import { preloadsFor, readManifest, connectionIdOf, type BuildManifest } from './route-preloads';

/** Hashed build output never changes under its name; everything else is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** The page shell embeds this request's session (with its CSRF token): never stored anywhere. */
export const SHELL_CACHE = 'no-store';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

interface BuiltFile {
  readonly identity: Buffer;
  readonly variants: Partial<Record<Encoding, Buffer>>;
  readonly type: string;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** Maps a URL path to a file of the build; `null` for dotfiles (.vite/manifest) and escapes. */
function fileFor(clientDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) {
    return null;
  }
  const file = normalize(join(clientDir, decoded));
  return file.startsWith(clientDir + sep) ? file : null;
}

function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/** Sets the body for the client's encoding, with `Vary` so caches keep one copy per encoding. */
function sendEncoded(
  c: Context,
  file: BuiltFile,
  headers: Record<string, string>,
  extraVary: readonly string[] = [],
  /** Compressed per request: varies by encoding even when this client gets none. */
  dynamic = false,
): Response {
  const available = (Object.keys(file.variants) as Encoding[]).filter((e) => file.variants[e]);
  const encoding = negotiateEncoding(c.req.header('accept-encoding'), available);
  const body = encoding ? (file.variants[encoding] ?? file.identity) : file.identity;
  const out = new Headers({ 'content-type': file.type, ...headers });
  const vary = [...extraVary, ...(available.length > 0 || dynamic ? ['Accept-Encoding'] : [])];
  if (vary.length > 0) out.set('vary', vary.join(', '));
  if (encoding) out.set('content-encoding', encoding);
  out.set('content-length', String(body.length));
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: out,
  });
}

/**
 * Serves the client build: each file with the `.br` / `.gz` sibling the build wrote when the
 * client accepts it, hashed assets (`/assets/…`) cached for a year as immutable, other files
 * revalidated. Files are read once and kept (the build does not change while the server runs).
 * A missing `/assets/…` file is a 404, never the page shell.
 */
export function builtFiles(clientDir: string): MiddlewareHandler {
  const root = normalize(clientDir);
  const cache = new Map<string, BuiltFile | null>();
  const load = async (file: string): Promise<BuiltFile | null> => {
    if (cache.has(file)) return cache.get(file) ?? null;
    const info = await stat(file).catch(() => null);
    let built: BuiltFile | null = null;
    if (info?.isFile() && !file.endsWith('.br') && !file.endsWith('.gz')) {
      const [identity, br, gzip] = await Promise.all([
        readFile(file),
        readOptional(`${file}.br`),
        readOptional(`${file}.gz`),
      ]);
      built = {
        identity,
        variants: { ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) },
        type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      };
    }
    cache.set(file, built);
    return built;
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const { pathname } = new URL(c.req.url);
    if (pathname === '/' || pathname === '/index.html') return next(); // the page shell
    const file = fileFor(root, pathname);
    const built = file ? await load(file) : null;
    if (!built) {
      if (pathname.startsWith('/assets/')) return c.text('Not found', 404);
      return next();
    }
    return sendEncoded(c, built, { 'cache-control': cacheControlFor(pathname) });
  };
}

/** `<`, `>`, `&` and line separators escaped, so a JSON value cannot close its `<script>`. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export interface BootData {
  /** `GET /api/session` as this request would get it. */
  readonly session: unknown;
  /** `GET /api/connections`, or null when this request may not read it (sign-in required). */
  readonly connections: unknown;
}

async function readApi(
  api: PageShellOptions['api'],
  request: Request,
  path: string,
  cookie: string | null,
): Promise<{ json: unknown; setCookies: string[] }> {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json');
  headers.delete('accept-encoding');
  if (cookie !== null) headers.set('cookie', cookie);
  const response = await api.fetch(new Request(new URL(path, request.url), { headers }));
  const setCookies = response.headers.getSetCookie();
  if (!response.ok) return { json: null, setCookies };
  return { json: await response.json().catch(() => null), setCookies };
}

/** The cookie header the next internal call sends: the new session's when one was just started. */
function cookieAfter(request: Request, setCookies: readonly string[]): string | null {
  const fresh = setCookies.map((line) => line.split(';')[0]).filter(Boolean);
  if (fresh.length === 0) return null;
  const names = new Set(fresh.map((pair) => pair?.split('=')[0]));
  const kept = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !names.has(part.split('=')[0]));
  return [...kept, ...fresh].join('; ');
}

export interface PageShellOptions {
  /** The built index.html. */
  readonly indexHtml: string;
  readonly clientDir: string;
  /** The console API (session, connections), asked in-process exactly as the browser would. */
  readonly api: { fetch: (request: Request) => Response | Promise<Response> };
}

/**
 * The page shell for every client-side route: index.html with this request's session and
 * connection list embedded as a non-executable JSON block (the production CSP allows it; no
 * round trip after boot), `preload` links for the provider calls the route's loader makes (see
 * `routeDataPreloads`: the data downloads with the code instead of after it), and
 * `modulepreload` links for the route's chunk and the connection's adapter so they download with
 * the entry. Never cached (it embeds the session), compressed per
 * request.
 */
export function pageShell(options: PageShellOptions): (c: Context) => Promise<Response> {
  const manifest: BuildManifest | null = readManifest(options.clientDir);
  return async (c) => {
    const request = c.req.raw;
    const session = await readApi(options.api, request, '/api/session', null);
    const connections = await readApi(
      options.api,
      request,
      '/api/connections',
      cookieAfter(request, session.setCookies),
    );
    const boot: BootData = { session: session.json, connections: connections.json };
    const url = new URL(c.req.url);
    const { pathname } = url;
    const dataPreloads = await routeDataPreloads(url, connections.json);
    const connectionId = connectionIdOf(pathname);
    const provider = Array.isArray(connections.json)
      ? (connections.json as { id?: unknown; provider?: unknown }[]).find(
          (connection) => connection.id === connectionId,
        )?.provider
      : undefined;
    const preloads = manifest
      ? preloadsFor(manifest, pathname, typeof provider === 'string' ? provider : null)
      : [];
    const head = [
      // The page's data first: it is what the first row waits for, and it needs no code.
      ...dataPreloads.map(
        (href) => `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(href)}">`,
      ),
      ...preloads.map(
        (href) => `<link rel="modulepreload" crossorigin href="${escapeAttribute(href)}">`,
      ),
      `<script type="application/json" id="${BOOT_DATA_ID}">${jsonForHtml(boot)}</script>`,
    ].join('');
    const html = options.indexHtml.replace('</head>', `${head}</head>`);
    const identity = Buffer.from(html);
    const file: BuiltFile = {
      identity,
      type: TYPES['.html'] ?? 'text/html',
      variants: compressFor(c.req.header('accept-encoding'), identity),
    };
    const response = sendEncoded(c, file, { 'cache-control': SHELL_CACHE }, ['Cookie'], true);
    for (const line of [...session.setCookies, ...connections.setCookies]) {
      response.headers.append('set-cookie', line);
    }
    return response;
  };
}
