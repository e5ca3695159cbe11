import { describe, expect, it } from 'vitest';
import { providerMessage, scrubSecrets, truncate } from './message';
import { fakeClerkKey } from '../testing/fake-secrets';

describe('audit error messages', () => {
  it('takes the message from each vendor’s error envelope', () => {
    expect(providerMessage('{"errors":[{"message":"short","long_message":"The long one"}]}')).toBe(
      'The long one',
    );
    expect(providerMessage('{"errors":{"code":"NOT_FOUND","message":"No org"}}')).toBe('No org');
    expect(providerMessage('{"error_code":"X","message":"Permit says no"}')).toBe('Permit says no');
    expect(providerMessage('{"detail":[{"loc":["body","key"],"msg":"field required"}]}')).toBe(
      'field required',
    );
    expect(providerMessage('{"error":"invalid_client","error_description":"Bad client"}')).toBe(
      'Bad client',
    );
    expect(providerMessage('<html>oops</html>')).toBeNull();
  });

  it('scrubs known secrets and credential-shaped strings, and truncates to 300 characters', () => {
    const text = `key ${fakeClerkKey('live', 'abcdefghijklmnop')} and Bearer abc.def.ghijklmnop and my-known-secret-value`;
    const scrubbed = scrubSecrets(text, ['my-known-secret-value']);
    expect(scrubbed).not.toMatch(/sk_live_|abc\.def|my-known-secret/);
    expect(scrubbed.match(/\[redacted\]/g)).toHaveLength(3);
    const long = truncate('x'.repeat(1000));
    expect(long).toHaveLength(300);
  });
});
