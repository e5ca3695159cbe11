import { sql, type Kysely } from 'kysely';

export const CONNECTION_INDEX_SEARCH_MIGRATION = '0101_connection_index_trgm';

interface TrgmState {
  /** Schema the extension is installed in, or null when it is not installed. */
  readonly schema: string | null;
  readonly available: boolean;
  readonly canCreate: boolean;
}

async function trgmState(db: Kysely<unknown>): Promise<TrgmState> {
  const result = await sql<{ schema: string | null; available: boolean; can_create: boolean }>`
    select
      (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'pg_trgm') as schema,
      exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available,
      has_database_privilege(current_database(), 'CREATE') as can_create`.execute(db);
  const row = result.rows[0];
  return {
    schema: row?.schema ?? null,
    available: row?.available ?? false,
    canCreate: row?.can_create ?? false,
  };
}

/**
 * Trigram GIN indexes for the index's substring searches (`LIKE '%…%'` over an org's name, slug
 * and id, and over invitation e-mails), so a search reads the matching rows instead of scanning
 * a connection's whole mirror. `pg_trgm` is a trusted extension on PostgreSQL ≥ 13 (a database
 * owner may create it) and ships with PGlite as `@electric-sql/pglite/contrib/pg_trgm` (the store
 * loads it when it opens PGlite). It is created in `public` so stores that share one database in
 * several schemas (the test suites) share it. Where it is neither installed nor creatable the
 * migration adds nothing: search stays correct, as a scan. New rows wait in the GIN pending list
 * (fast writes); the sync flushes it when it ends (`IndexRepository.analyze`), since PGlite runs
 * no autovacuum to do it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const state = await trgmState(db);
  let schema = state.schema;
  if (schema === null) {
    if (!state.available || !state.canCreate) return;
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    schema = 'public';
  }
  const ops = sql`${sql.id(schema)}.gin_trgm_ops`;
  await sql`create index if not exists connection_index_org_search
    on connection_index_org using gin (search_text ${ops}) `.execute(db);
  await sql`create index if not exists connection_index_invitation_email_search
    on connection_index_invitation using gin (email ${ops}) `.execute(db);
}
