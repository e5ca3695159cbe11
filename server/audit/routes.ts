import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv } from '../auth/access';
import { consoleError } from '../auth/console-auth';
import { auditCsv } from './csv';
import { AUDIT_OUTCOMES, type AuditFilter } from './entry';
import type { AuditStore } from './store';

/** Rows one CSV download holds at most. */
export const CSV_EXPORT_LIMIT = 100_000;

const Text = z.string().trim().min(1).max(200).optional();
const AuditQuery = z.object({
  id: Text,
  actor: Text,
  connection: Text,
  org: Text,
  operation: Text,
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

function parseQuery(c: Context) {
  const raw = Object.fromEntries(
    Object.entries(c.req.query()).filter(([, value]) => value.trim() !== ''),
  );
  const parsed = AuditQuery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}` };
  }
  const { page, pageSize, ...rest } = parsed.data;
  const filter: AuditFilter = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  return { filter, page: { page, pageSize } };
}

/** The audit log, readable by every console role (it is read-only). */
export function createAuditRoutes(store: AuditStore): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get('/api/audit', async (c) => {
    const query = parseQuery(c);
    if ('error' in query) return consoleError(c, 400, 'invalid_query', query.error);
    c.header('cache-control', 'no-store');
    return c.json(await store.query(query.filter, query.page));
  });

  app.get('/api/audit.csv', async (c) => {
    const query = parseQuery(c);
    if ('error' in query) return consoleError(c, 400, 'invalid_query', query.error);
    const { items } = await store.query(query.filter, { page: 1, pageSize: CSV_EXPORT_LIMIT });
    return new Response(auditCsv(items), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="orgdeck-audit.csv"',
        'cache-control': 'no-store',
      },
    });
  });

  return app;
}
