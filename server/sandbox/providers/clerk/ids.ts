import { randomBytes } from 'node:crypto';
import { BASE62, type Random } from '../../random';

/** Clerk ids: a prefix (`org_`, `user_`, `orgmem_`, `orginv_`…) and 27 base62 characters. */
const ID_LENGTH = 27;

export function seededClerkId(random: Random, prefix: string): string {
  return `${prefix}${random.string(BASE62, ID_LENGTH)}`;
}

export function newClerkId(prefix: string): string {
  const bytes = randomBytes(ID_LENGTH);
  let out = '';
  for (const byte of bytes) out += BASE62.charAt(byte % BASE62.length);
  return `${prefix}${out}`;
}

export function traceId(): string {
  return randomBytes(16).toString('hex');
}
