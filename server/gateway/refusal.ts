import type { Context } from 'hono';
import { GATEWAY_HEADER } from '../../src/api/http-client';

export type RefusalStatus = 400 | 401 | 403 | 404 | 413 | 500 | 502 | 504;

/** Why the gateway answers itself instead of the provider. */
export interface Refusal {
  readonly status: RefusalStatus;
  readonly code: string;
  readonly message: string;
}

/** The gateway's own answer: `{error: {code, message}}`, marked so adapters never read it as the provider's. */
export function refuse(c: Context, refusal: Refusal): Response {
  c.header(GATEWAY_HEADER, 'refused');
  c.header('cache-control', 'no-store');
  return c.json({ error: { code: refusal.code, message: refusal.message } }, refusal.status);
}
