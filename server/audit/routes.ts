import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv } from '../auth/access';
import { consoleError } from '../auth/console-auth';
import { auditCsvHeader, auditCsvRow } from './csv';
import { AUDIT_OUTCOMES, type AuditEntry, type AuditFilter } from './entry';
import { withOrgNames, type OrgNameLookup } from './org-names';
import type { AuditStore } from './store';

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
  /** Keyset paging: the `nextBefore` of the previous page. */
  before: z.coerce.number().int().min(1).optional(),
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
  const { page, pageSize, before, ...rest } = parsed.data;
  const filter: AuditFilter = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  return { filter, page: { page, pageSize, ...(before === undefined ? {} : { before }) } };
}

/**
 * The whole filtered log as CSV, streamed as the store pages through it (never capped). Each
 * batch of rows becomes one encoded chunk within the pull that read it: no row object outlives
 * the pull (while the client drains the socket), so rows die young in V8's nursery instead of
 * being promoted and piling up as old-generation garbage, and memory stays flat.
 */
function csvStream(store: AuditStore, filter: AuditFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<readonly AuditEntry[]> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    async pull(controller) {
      iterator ??= store.batches(filter)[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(auditCsvRow).join('')));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}

/**
 * The audit log, readable by every console role (it is read-only). With `orgNames`, each page's
 * entries carry the names of the orgs they name, where the lookup knows them.
 */
export function createAuditRoutes(store: AuditStore, orgNames?: OrgNameLookup): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get('/api/audit', async (c) => {
    const query = parseQuery(c);
    if ('error' in query) return consoleError(c, 400, 'invalid_query', query.error);
    c.header('cache-control', 'no-store');
    const result = await store.query(query.filter, query.page);
    return c.json(orgNames ? await withOrgNames(result, orgNames) : result);
  });

  app.get('/api/audit.csv', (c) => {
    const query = parseQuery(c);
    if ('error' in query) return consoleError(c, 400, 'invalid_query', query.error);
    return new Response(csvStream(store, query.filter), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="orgdeck-audit.csv"',
        'cache-control': 'no-store',
      },
    });
  });

  return app;
}
