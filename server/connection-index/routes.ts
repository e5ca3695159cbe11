import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { roleAllows } from '../../src/api/operations';
import type { ConsoleEnv } from '../auth/access';
import { consoleError } from '../auth/console-auth';
import type { PersonRow } from './repository';
import type { ConnectionIndex } from './service';

const Page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
};
const OrgsQuery = z.object({
  search: z.string().max(200).default(''),
  sort: z.enum(['name', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...Page,
});
const InvitationsQuery = z.object({
  search: z.string().max(200).default(''),
  orgId: z.string().max(200).optional(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired', 'failed']).optional(),
  sort: z.enum(['createdAt', 'email', 'org']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...Page,
});
const PeopleQuery = z.object({
  email: z.string().trim().min(1).max(320),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> | { error: string } {
  const raw = Object.fromEntries(
    Object.entries(c.req.query()).filter(([, value]) => value.trim() !== ''),
  );
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}` };
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export interface Person {
  readonly email: string;
  readonly name?: string;
  readonly connections: {
    readonly connectionId: string;
    readonly label: string;
    readonly syncedAt: string | null;
    readonly memberships: {
      readonly orgId: string;
      readonly orgName: string;
      readonly userId: string;
      readonly roles: readonly string[];
    }[];
    readonly invitations: {
      readonly orgId: string;
      readonly orgName: string;
      readonly invitationId: string;
      readonly role?: string;
      readonly status: string;
      readonly createdAt?: string;
    }[];
  }[];
}

/** Groups index rows into people: one per e-mail, one block per connection. */
export function toPeople(
  rows: readonly PersonRow[],
  connections: readonly { readonly id: string; readonly label: string }[],
  syncedAt: ReadonlyMap<string, string | null>,
): Person[] {
  const order = new Map(connections.map((c, index) => [c.id, index]));
  const people = new Map<
    string,
    { name?: string; byConnection: Map<string, Person['connections'][number]> }
  >();
  for (const row of rows) {
    if (!order.has(row.connectionId)) continue;
    let person = people.get(row.email);
    if (!person) {
      person = { byConnection: new Map() };
      people.set(row.email, person);
    }
    if (row.name && !person.name) person.name = row.name;
    let block = person.byConnection.get(row.connectionId);
    if (!block) {
      block = {
        connectionId: row.connectionId,
        label: connections.find((c) => c.id === row.connectionId)?.label ?? row.connectionId,
        syncedAt: syncedAt.get(row.connectionId) ?? null,
        memberships: [],
        invitations: [],
      };
      person.byConnection.set(row.connectionId, block);
    }
    if (row.kind === 'member') {
      block.memberships.push({
        orgId: row.orgId,
        orgName: row.orgName,
        userId: row.id,
        roles: row.roles,
      });
    } else {
      block.invitations.push({
        orgId: row.orgId,
        orgName: row.orgName,
        invitationId: row.id,
        ...(row.roles[0] ? { role: row.roles[0] } : {}),
        status: row.status ?? 'pending',
        ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      });
    }
  }
  return [...people.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([email, person]) => ({
      email,
      ...(person.name ? { name: person.name } : {}),
      connections: [...person.byConnection.values()].sort(
        (a, b) => (order.get(a.connectionId) ?? 0) - (order.get(b.connectionId) ?? 0),
      ),
    }));
}

/** `/api/connections/:id/index…` and `/api/people` (see `/work/briefs/index-api.md`). */
export function createIndexRoutes(index: ConnectionIndex): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/api/connections/:id/index', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  app.use('/api/connections/:id/index/*', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  app.use('/api/people', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  app.use('/api/people/*', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });

  const unknown = (c: Context) =>
    consoleError(c, 404, 'unknown_connection', 'There is no connection with that id.');
  const notIndexed = (c: Context) =>
    consoleError(c, 404, 'not_indexed', 'This connection is not indexed; it is answered live.');

  app.get('/api/connections/:id/index', async (c) => {
    const status = await index.status(c.req.param('id'));
    return status ? c.json(status) : unknown(c);
  });

  app.post('/api/connections/:id/index/refresh', async (c) => {
    const id = c.req.param('id');
    if (!index.connection(id)) return unknown(c);
    const access = c.get('access');
    if (!roleAllows(access.role, 'support')) {
      return consoleError(
        c,
        403,
        'forbidden_role',
        `Your role (${access.role}) cannot refresh the index: it needs the support role.`,
      );
    }
    if (!index.isIndexed(id)) return notIndexed(c);
    void index.refresh(id)?.catch(() => undefined);
    return c.json(await index.status(id), 202);
  });

  app.get('/api/connections/:id/index/orgs', async (c) => {
    const id = c.req.param('id');
    if (!index.connection(id)) return unknown(c);
    if (!index.isIndexed(id)) return notIndexed(c);
    const q = query(c, OrgsQuery);
    if (isError(q)) return consoleError(c, 400, 'invalid_query', q.error);
    const [page, state] = await Promise.all([index.repo.searchOrgs(id, q), index.repo.state(id)]);
    return c.json({
      ...page,
      syncedAt: state?.synced_at ? new Date(state.synced_at).toISOString() : null,
    });
  });

  app.get('/api/connections/:id/index/invitations', async (c) => {
    const id = c.req.param('id');
    if (!index.connection(id)) return unknown(c);
    if (!index.isIndexed(id)) return notIndexed(c);
    const q = query(c, InvitationsQuery);
    if (isError(q)) return consoleError(c, 400, 'invalid_query', q.error);
    const [page, state] = await Promise.all([
      index.repo.searchInvitations(id, {
        ...q,
        orgId: q.orgId ?? null,
        status: q.status ?? null,
      }),
      index.repo.state(id),
    ]);
    return c.json({
      ...page,
      syncedAt: state?.synced_at ? new Date(state.synced_at).toISOString() : null,
    });
  });

  const syncedAtOf = async () => {
    const entries = await Promise.all(
      index.connections.map(async (connection) => {
        const state = await index.repo.state(connection.id);
        return [
          connection.id,
          state?.synced_at ? new Date(state.synced_at).toISOString() : null,
        ] as const;
      }),
    );
    return new Map(entries);
  };

  app.get('/api/people', async (c) => {
    const q = query(c, PeopleQuery);
    if (isError(q)) return consoleError(c, 400, 'invalid_query', q.error);
    const rows = await index.repo.people(q.email, 'prefix', q.limit);
    return c.json({ people: toPeople(rows, index.connections, await syncedAtOf()) });
  });

  app.get('/api/people/:email', async (c) => {
    const email = c.req.param('email');
    const rows = await index.repo.people(email, 'exact', 1);
    const [person] = toPeople(rows, index.connections, await syncedAtOf());
    if (!person)
      return consoleError(
        c,
        404,
        'unknown_person',
        'No indexed connection knows that e-mail address.',
      );
    return c.json(person);
  });

  return app;
}
