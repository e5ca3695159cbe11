import type { Connection } from '../config';

/** A real (non-sandbox) Clerk connection with a bearer secret, for the gateway's own tests. */
export function clerkConnection(secret: string): Connection {
  return {
    id: 'acme-clerk',
    label: 'Acme (Clerk)',
    provider: 'clerk',
    baseUrl: 'https://api.clerk.test',
    sandbox: false,
    auth: { type: 'bearer', secret },
    query: {},
  };
}
