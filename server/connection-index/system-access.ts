import type { RequestAccess } from '../auth/access';

/**
 * Who the index's sync is to the gateway: read-only (`viewer`, no CSRF pass, so every write is
 * refused), no session, no user token. Only handed to the index's own gateway instance, which
 * no HTTP route reaches; a request from outside always gets the console middleware's access.
 */
export const INDEX_ACCESS: RequestAccess = {
  session: null,
  user: null,
  role: 'viewer',
  csrfOk: false,
};
