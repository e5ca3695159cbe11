import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for small secrets at rest (user tokens in sessions): `v1.<iv>.<tag>.<ciphertext>`,
 * base64url parts, a fresh 96-bit IV each time. The key never leaves the process.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.key = key;
  }

  /** ORGDECK_SECRET_KEY: 32 bytes as base64/hex, or any passphrase of 32+ characters (hashed). */
  static fromSetting(value: string): SecretBox {
    const text = value.trim();
    if (/^[0-9a-f]{64}$/i.test(text)) return new SecretBox(Buffer.from(text, 'hex'));
    const decoded = Buffer.from(text, 'base64');
    if (decoded.length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(text))
      return new SecretBox(decoded);
    if (text.length < 32) {
      throw new Error(
        'ORGDECK_SECRET_KEY is too short: use 32 random bytes (e.g. `openssl rand -base64 32`).',
      );
    }
    return new SecretBox(createHash('sha256').update(text).digest());
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv, tag, body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plain text, or null when the box was sealed with another key or tampered with. */
  open(sealed: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }
}
