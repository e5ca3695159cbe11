/**
 * Reading and parsing request bodies within fixed bounds.
 *
 * `readBodyLimited` counts bytes while the body streams in, so a chunked body (no Content-Length)
 * is stopped at the limit instead of being buffered whole; a declared Content-Length over the
 * limit is refused before a byte is read. `parseBoundedJson` checks nesting depth and the number
 * of object keys with one iterative scan before `JSON.parse`, so a document nested 10,000 levels
 * deep is refused without recursion and never reaches code (`JSON.stringify`, structured clone)
 * that would overflow the stack on it.
 */

/** The body is larger than the route accepts. Answer 413 with the route's own error envelope. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(
    /** The route's limit in bytes. */
    readonly limit: number,
    /** The declared Content-Length, when the refusal came from the header. */
    readonly declared?: number,
  ) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

export type JsonLimitKind = 'depth' | 'keys';

/** The JSON text is nested too deeply or has too many keys. */
export class JsonLimitError extends Error {
  override readonly name = 'JsonLimitError';
  constructor(
    readonly kind: JsonLimitKind,
    readonly limit: number,
  ) {
    super(
      kind === 'depth'
        ? `JSON nesting exceeds ${limit} levels`
        : `JSON has more than ${limit} object keys`,
    );
  }
}

export interface JsonLimits {
  /** Most nested objects/arrays allowed; a flat `{}` or `[]` is depth 1, a scalar depth 0. */
  maxDepth: number;
  /** Most object keys allowed across the whole document. */
  maxKeys: number;
}

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/**
 * The request body's bytes, at most `maxBytes` of them. Throws `BodyTooLargeError` when the
 * declared Content-Length is over the limit (nothing is read) or when the streamed bytes pass it
 * (the stream is cancelled at that point, so the rest is never buffered).
 */
export async function readBodyLimited(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes, declared);
  }
  return readStreamLimited(request.body, maxBytes, () => new BodyTooLargeError(maxBytes));
}

/**
 * All bytes of `stream`, counted while they arrive: past `maxBytes` the stream is cancelled (the
 * rest is never buffered) and `tooLarge()` is thrown. One reader for request bodies and for
 * provider answers alike.
 */
export async function readStreamLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `readBodyLimited` decoded as UTF-8 text (invalid sequences become U+FFFD). */
export async function readTextLimited(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyLimited(request, maxBytes));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;

/**
 * Throws `JsonLimitError` when `text` nests deeper than `maxDepth` or holds more than `maxKeys`
 * object keys. One pass, no recursion; strings (with their escapes) are skipped, so brackets and
 * colons inside them do not count. Malformed text is left for `JSON.parse` to refuse.
 */
export function assertJsonWithinLimits(text: string, limits: JsonLimits): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > limits.maxDepth) throw new JsonLimitError('depth', limits.maxDepth);
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
    // Outside strings a colon only ever separates an object key from its value.
    else if (code === COLON) {
      keys++;
      if (keys > limits.maxKeys) throw new JsonLimitError('keys', limits.maxKeys);
    }
  }
}

/**
 * `JSON.parse(text)` once the text is known to be within `limits`. Throws `JsonLimitError` for a
 * document over the limits, and `JSON.parse`'s own `SyntaxError` for malformed text.
 */
export function parseBoundedJson(text: string, limits: JsonLimits): unknown {
  assertJsonWithinLimits(text, limits);
  return JSON.parse(text) as unknown;
}

/** Depth of a parsed JSON value, measured without recursion (0 for a scalar). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.value === null || typeof item.value !== 'object') {
      deepest = Math.max(deepest, item.depth);
      continue;
    }
    const depth = item.depth + 1;
    deepest = Math.max(deepest, depth);
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) stack.push({ value: child, depth });
  }
  return deepest;
}
