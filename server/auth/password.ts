import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Console passwords: scrypt (node:crypto) with a per-user random salt, stored as
 * `scrypt$N$r$p$salt$hash` (salt and hash in base64). Verification is constant-time.
 */

export const PASSWORD_HASH_PATTERN =
  /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;

/** OWASP's minimum for scrypt: N=2^17, r=8, p=1 (128 MB, a few hundred ms). */
const DEFAULT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Refuses parameters that would make one sign-in cost more than this much memory. */
const MAX_MEMORY = 256 * 1024 * 1024;
/** Derivations at once: each holds 128·N·r bytes, so a burst of sign-ins cannot exhaust memory. */
const MAX_CONCURRENT = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number) {
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 1024 * 1024 };
  return withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) => {
          if (error) reject(error);
          else resolve(key);
        });
      }),
  );
}

export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = DEFAULT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params.N, params.r, params.p, KEY_LENGTH);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

interface ParsedHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  if (!PASSWORD_HASH_PATTERN.test(stored)) return null;
  const [, n, r, p, salt, key] = stored.split('$');
  const parsed = {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? '', 'base64'),
    key: Buffer.from(key ?? '', 'base64'),
  };
  const powerOfTwo = parsed.N > 1 && (parsed.N & (parsed.N - 1)) === 0;
  if (!powerOfTwo || parsed.r < 1 || 128 * parsed.N * parsed.r > MAX_MEMORY) return null;
  if (parsed.p < 1 || parsed.p > 16 || parsed.salt.length < 8 || parsed.key.length < 16)
    return null;
  return parsed;
}

/** A hash to verify against when the username is unknown, so both cases take as long. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  decoy ??= hashPassword('orgdeck-decoy-password');
  const target = stored ?? (await decoy);
  const parsed = parsePasswordHash(target);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.key.length);
  return timingSafeEqual(key, parsed.key) && stored !== null;
}
