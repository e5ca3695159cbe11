import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  JsonLimitError,
  jsonDepth,
  parseBoundedJson,
  readBodyLimited,
  readTextLimited,
} from './bounded-body';

const encoder = new TextEncoder();

/** A chunked request: a streamed body with no Content-Length, recording how much was pulled. */
function streamedRequest(chunkCount: number, chunkSize: number) {
  const pulled = { chunks: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks >= chunkCount) {
        controller.close();
        return;
      }
      pulled.chunks++;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const request = new Request('http://sandbox.test/v1/x', {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled };
}

const limits = { maxDepth: 32, maxKeys: 100 };

describe('readBodyLimited', () => {
  it('returns the whole body when it fits', async () => {
    const request = new Request('http://sandbox.test/', { method: 'POST', body: 'hello' });
    expect(new TextDecoder().decode(await readBodyLimited(request, 5))).toBe('hello');
  });

  it('returns an empty body for a request without one', async () => {
    expect((await readBodyLimited(new Request('http://sandbox.test/'), 10)).byteLength).toBe(0);
  });

  it('refuses a declared Content-Length over the limit before reading a byte', async () => {
    const { request, pulled } = streamedRequest(1, 10);
    const withLength = new Request(request, {
      headers: { 'content-length': '1000' },
    });
    const error = await readBodyLimited(withLength, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).declared).toBe(1000);
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });

  it('stops a chunked body at the limit instead of buffering it whole', async () => {
    // 1,000 chunks of 64 KiB would be 64 MiB; the limit is 1 MiB.
    const { request, pulled } = streamedRequest(1_000, 64 * 1024);
    const error = await readBodyLimited(request, 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).limit).toBe(1024 * 1024);
    expect(pulled.cancelled).toBe(true);
    expect(pulled.chunks).toBeLessThan(20);
  });

  it('accepts a chunked body exactly at the limit', async () => {
    const { request } = streamedRequest(4, 256);
    expect((await readBodyLimited(request, 1024)).byteLength).toBe(1024);
  });

  it('decodes text as UTF-8', async () => {
    const request = new Request('http://sandbox.test/', {
      method: 'POST',
      body: encoder.encode('Zoë'),
    });
    expect(await readTextLimited(request, 10)).toBe('Zoë');
  });
});

describe('parseBoundedJson', () => {
  it('parses a document within the limits', () => {
    expect(parseBoundedJson('{"a":[1,{"b":"c"}]}', limits)).toEqual({ a: [1, { b: 'c' }] });
  });

  it('refuses a document nested 10,000 levels deep without overflowing the stack', () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const error = (() => {
      try {
        parseBoundedJson(deep, limits);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JsonLimitError);
    expect((error as JsonLimitError).kind).toBe('depth');
  });

  it('refuses deep arrays too, and allows exactly maxDepth levels', () => {
    expect(() => parseBoundedJson('['.repeat(33) + ']'.repeat(33), limits)).toThrow(JsonLimitError);
    expect(parseBoundedJson('['.repeat(32) + ']'.repeat(32), limits)).toBeInstanceOf(Array);
  });

  it('refuses more keys than allowed, counted across the document', () => {
    const many = JSON.stringify(
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])),
    );
    expect(() => parseBoundedJson(many, limits)).toThrow(
      expect.objectContaining({ kind: 'keys', limit: 100 }),
    );
    const nested = JSON.stringify({
      a: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])),
    });
    expect(() => parseBoundedJson(nested, limits)).toThrow(JsonLimitError);
  });

  it('ignores brackets, colons and escaped quotes inside strings', () => {
    const text = JSON.stringify({ note: '[[[[{{{{::::\\"]]]' + ':'.repeat(500) + '['.repeat(100) });
    expect(parseBoundedJson(text, { maxDepth: 1, maxKeys: 1 })).toEqual(JSON.parse(text));
  });

  it('leaves malformed JSON to JSON.parse', () => {
    expect(() => parseBoundedJson('{"a":', limits)).toThrow(SyntaxError);
  });
});

describe('jsonDepth', () => {
  it('measures parsed values without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(jsonDepth(deep)).toBe(20_000);
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [[]] })).toBe(3);
  });
});
