import type { MiddlewareHandler } from 'hono';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { brotliCompressSync, constants, createGzip, gzipSync } from 'node:zlib';

/** Dynamic bodies smaller than this are sent as they are (headers would eat the gain). */
export const MIN_DYNAMIC_COMPRESS_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts among those available (`q=0` refuses one). */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => accepted.get(encoding) ?? accepted.get('*') ?? 0;
  const candidates = available.filter((encoding) => weight(encoding) > 0);
  // Brotli first on a tie: it is smaller for the same text.
  candidates.sort((a, b) => weight(b) - weight(a) || (a === 'br' ? -1 : b === 'br' ? 1 : 0));
  return candidates[0] ?? null;
}

/** A dynamic body in the one encoding this client prefers (none when small or refused). */
export function compressFor(
  acceptEncoding: string | undefined,
  body: Buffer,
): Partial<Record<Encoding, Buffer>> {
  if (body.length < MIN_DYNAMIC_COMPRESS_BYTES) return {};
  const encoding = negotiateEncoding(acceptEncoding, ['br', 'gzip']);
  if (encoding === 'br') {
    // Quality 5: most of brotli's gain at a small fraction of the best quality's time.
    return { br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) };
  }
  if (encoding === 'gzip') return { gzip: gzipSync(body, { level: 6 }) };
  return {};
}

/** JSON and text, but never a stream (it would be held back until it ends). */
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|text\/(?!event-stream|csv))/i;
/** Exports streamed as they are read (the audit CSV): compressed as they stream, never buffered. */
const STREAMED = /^text\/csv\b/i;

/**
 * Compresses the console's and gateway's JSON (and text) answers for clients that accept it:
 * brotli or gzip as negotiated, `Vary: Accept-Encoding` on every compressible answer. Leaves
 * alone what is already encoded, small, empty, a HEAD, or marked `no-transform`.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (STREAMED.test(type) && res.body !== null && c.req.method !== 'HEAD') {
      c.res = compressStream(res, c.req.header('accept-encoding'));
      return;
    }
    // `res.body` is touched only once the answer will be compressed: reading it (even to test
    // for null) turns @hono/node-server's in-memory answer into a stream, and its single write
    // into a streamed one. Every answer left as it is keeps that fast path.
    if (!COMPRESSIBLE.test(type) || c.req.method === 'HEAD') return;
    if (res.headers.has('content-encoding')) return;
    if (/\bno-transform\b/i.test(res.headers.get('cache-control') ?? '')) return;
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    const acceptEncoding = c.req.header('accept-encoding');
    if (
      (Number.isFinite(declared) && declared < MIN_DYNAMIC_COMPRESS_BYTES) ||
      negotiateEncoding(acceptEncoding, ['br', 'gzip']) === null
    ) {
      appendVary(res.headers);
      return;
    }
    if (res.body === null) return;
    const body = Buffer.from(await res.arrayBuffer());
    const variants = compressFor(acceptEncoding, body);
    const [encoding, compressed] = (Object.entries(variants)[0] ?? []) as [
      Encoding | undefined,
      Buffer | undefined,
    ];
    const headers = new Headers(res.headers);
    appendVary(headers);
    if (encoding && compressed) {
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.length));
    } else {
      headers.set('content-length', String(body.length));
    }
    c.res = new Response(new Uint8Array(compressed ?? body), {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}

/** gzip as the body streams (flat memory, backpressure kept), for clients that accept it. */
function compressStream(res: Response, acceptEncoding: string | undefined): Response {
  const headers = new Headers(res.headers);
  appendVary(headers);
  if (res.body === null || headers.has('content-encoding')) return res;
  if (negotiateEncoding(acceptEncoding, ['gzip']) !== 'gzip') {
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  // Node's zlib stream, not the web CompressionStream: the latter (Node 20) kept every output
  // chunk's memory until the stream ended (+15 to 26 MB of ArrayBuffers per million CSV rows).
  const gzip = createGzip({ level: 6 });
  const source = Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>);
  pipeline(source, gzip, () => undefined);
  return new Response(Readable.toWeb(gzip) as ReadableStream<Uint8Array>, {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}

function appendVary(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/\baccept-encoding\b|\*/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}
