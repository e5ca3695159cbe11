/** Largest provider answer the gateway reads (console pages ask for pages of 100 at most). */
export const UPSTREAM_RESPONSE_LIMIT = 32 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** A provider's answer, whole (redaction and the audit need all of it), up to the limit. */
export async function readResponseLimited(
  response: Response,
  limit = UPSTREAM_RESPONSE_LIMIT,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(`The provider's answer is larger than ${limit} bytes.`);
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
