import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, PASSWORD_HASH_PATTERN, verifyPassword } from './password';

const FAST = { N: 1024, r: 8, p: 1 };

describe('console password hashes (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse', FAST);
    const second = await hashPassword('correct horse', FAST);
    expect(first).toMatch(PASSWORD_HASH_PATTERN);
    expect(first.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it('uses OWASP’s minimum cost by default', async () => {
    expect((await hashPassword('x')).startsWith('scrypt$131072$8$1$')).toBe(true);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse', FAST);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horse ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
  });

  it('refuses malformed or absurdly expensive parameters', () => {
    expect(parsePasswordHash('scrypt$1000$8$1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeNull();
    expect(
      parsePasswordHash('scrypt$4194304$8$1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5'),
    ).toBeNull();
    expect(parsePasswordHash('bcrypt$10$x')).toBeNull();
  });
});
