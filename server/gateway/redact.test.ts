import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeClerkKey } from '../testing/fake-secrets';
import { redactBody, redactBytes, redactText, secretPattern } from './redact';

const SECRET = fakeClerkKey('test', 'abcdef123456');
const OTHER = 'tok/en-with-slash';
const SECRETS = [SECRET, OTHER];

/** What redaction must produce: the pattern applied to every byte (the scan before the fast paths). */
function reference(bytes: Uint8Array, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  const text = Buffer.from(bytes).toString('latin1');
  if (pattern === null) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, '[redacted]');
}

const latin1 = (bytes: Uint8Array | string) =>
  typeof bytes === 'string'
    ? Buffer.from(bytes, 'utf8').toString('latin1')
    : Buffer.from(bytes).toString('latin1');

/** A secret as a provider might echo it: as is, or some of its bytes `\u`-escaped or `\/`. */
const echo = (secret: string) =>
  fc.array(fc.boolean(), { minLength: secret.length, maxLength: secret.length }).map((escape) =>
    Array.from(secret)
      .map((char, i) =>
        escape[i]
          ? char === '/'
            ? '\\/'
            : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
          : char,
      )
      .join(''),
  );

const fragment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('\\', '\\u00', '"', 'sk_test_', 'tok/', '€', '\u{1F600}'),
  echo(SECRET),
  echo(OTHER),
);
const body = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

describe('redaction', () => {
  it('replaces every echo of a secret, as is or escaped, the same way on text and on bytes', () => {
    fc.assert(
      fc.property(body, (text) => {
        const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
        const expected = reference(bytes, SECRETS);
        expect(latin1(redactBytes(bytes, SECRETS))).toBe(expected);
        expect(latin1(redactBody(text, SECRETS))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('hands back a body that holds no secret as it was: no copy, no re-encoding', () => {
    const text = JSON.stringify({ data: [{ id: 'org_1', name: 'Acme € ✓' }], total: 1 });
    expect(redactBody(text, SECRETS)).toBe(text);
    const bytes = new Uint8Array(Buffer.from(text));
    expect(redactBytes(bytes, SECRETS)).toBe(bytes);
    expect(redactText('application/json', SECRETS)).toBe('application/json');
  });

  it('redacts an echo in a body with other escapes, and a secret that is not ASCII', () => {
    const escaped = `{"note":"a \\"quote\\"","echo":"sk\\u005ftest_abcdef123456"}`;
    expect(latin1(redactBody(escaped, SECRETS))).toBe(
      `{"note":"a \\"quote\\"","echo":"[redacted]"}`,
    );
    const accented = 'clé-secrète-1234';
    expect(Buffer.from(redactBody(`x ${accented} y`, [accented])).toString('utf8')).toBe(
      'x [redacted] y',
    );
  });
});
