import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv } from '../auth/access';
import { consoleError } from '../auth/console-auth';
import type { SessionStore } from '../auth/sessions';
import type { Connection } from '../config';

/** Printable, no spaces: what an access token looks like, and safe in an Authorization header. */
const UserTokenBody = z.object({
  token: z
    .string()
    .min(8)
    .max(8192)
    .regex(/^[\x21-\x7e]+$/),
});

/**
 * `PUT /api/connections/:id/user-token {token}` keeps the console user's own access token in
 * their session, for connections in user-token mode; `DELETE` forgets it. Never echoed or logged.
 */
export function createUserTokenRoutes(
  connections: readonly Connection[],
  sessions: SessionStore,
): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const byId = new Map(connections.map((connection) => [connection.id, connection]));

  const target = (id: string) => {
    const connection = byId.get(id);
    if (!connection) return { error: 'unknown' as const };
    if (connection.auth.type !== 'user-token') return { error: 'not_user_token' as const };
    return { connection };
  };

  app.on(['PUT', 'DELETE'], '/api/connections/:id/user-token', async (c) => {
    c.header('cache-control', 'no-store');
    const found = target(c.req.param('id'));
    if (found.error === 'unknown') {
      return consoleError(c, 404, 'unknown_connection', 'There is no connection with that id.');
    }
    if (found.error === 'not_user_token') {
      return consoleError(
        c,
        400,
        'not_user_token_connection',
        'This connection uses the server’s credential; it takes no user token.',
      );
    }
    const session = c.get('access').session;
    if (!session) {
      return consoleError(
        c,
        400,
        'no_session',
        'Open a session first (GET /api/session) to keep a token in it.',
      );
    }
    if (c.req.method === 'DELETE') {
      await sessions.setUserToken(session, found.connection.id, null);
      return c.json({ userTokenSet: false });
    }
    const text = await c.req.text().catch(() => '');
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Reported below without repeating what was sent.
    }
    const parsed = UserTokenBody.safeParse(json);
    if (!parsed.success) {
      return consoleError(
        c,
        400,
        'invalid_token',
        'Send {"token": "<your access token>"}: printable characters without spaces, 8 to 8192 long.',
      );
    }
    await sessions.setUserToken(session, found.connection.id, parsed.data.token);
    return c.json({ userTokenSet: true });
  });

  return app;
}
