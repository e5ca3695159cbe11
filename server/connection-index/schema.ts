import { sql, type Generated, type Kysely } from 'kysely';

/**
 * Tables of the connection index (migration `0100_connection_index`). Every row is keyed by
 * connection first, so one connection's mirror is read, swept and dropped on its own.
 * `seen_generation` is the sync run that last saw a row: rows an earlier run saw and the
 * current one did not are gone at the provider and are swept.
 */
export interface IndexStateTable {
  connection_id: string;
  state: Generated<'never' | 'syncing' | 'ready' | 'error'>;
  /** Phase of the running (or interrupted) sync. */
  phase: 'orgs' | 'members' | 'invitations' | null;
  /** Where the phase resumes: the next page number (orgs) or the last org id done (per-org phases). */
  cursor: string | null;
  done: Generated<number>;
  total: number | null;
  generation: Generated<number>;
  started_at: Date | null;
  synced_at: Date | null;
  error: string | null;
  next_retry_at: Date | null;
  /** Provider requests made by the running (or last) sync. */
  requests: Generated<number>;
}

export interface IndexOrgTable {
  connection_id: string;
  org_id: string;
  name: string;
  slug: string | null;
  created_at: Date | null;
  /** lower(name, slug, id) joined, for case-insensitive substring search. */
  search_text: string;
  /** The `Organization` as the adapter mapped it. */
  data: unknown;
  seen_generation: number;
}

export interface IndexMemberTable {
  connection_id: string;
  org_id: string;
  user_id: string;
  /** Lower-cased; null where the provider has none for the member. */
  email: string | null;
  name: string | null;
  roles: unknown;
  seen_generation: number;
}

export interface IndexInvitationTable {
  connection_id: string;
  org_id: string;
  invitation_id: string;
  email: string;
  status: string;
  created_at: Date | null;
  /** The `Invitation` as the adapter mapped it. */
  data: unknown;
  seen_generation: number;
}

export interface IndexDatabase {
  connection_index_state: IndexStateTable;
  connection_index_org: IndexOrgTable;
  connection_index_member: IndexMemberTable;
  connection_index_invitation: IndexInvitationTable;
}

export const CONNECTION_INDEX_MIGRATION = '0100_connection_index';

/**
 * Creates the index tables. Search is `LIKE '%…%'` over `search_text` (a sequential scan of one
 * connection's rows: PGlite ships `pg_trgm` only as an extension loaded when the database is
 * opened, so nothing here depends on it); paging, sorting and the people lookup use btree
 * indexes both engines have (`text_pattern_ops` for e-mail prefixes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table if not exists connection_index_state (
      connection_id text primary key,
      state text not null default 'never',
      phase text,
      cursor text,
      done integer not null default 0,
      total integer,
      generation integer not null default 0,
      started_at timestamptz,
      synced_at timestamptz,
      error text,
      next_retry_at timestamptz,
      requests integer not null default 0
    )`.execute(db);
  await sql`
    create table if not exists connection_index_org (
      connection_id text not null,
      org_id text not null,
      name text not null,
      slug text,
      created_at timestamptz,
      search_text text not null,
      data jsonb not null,
      seen_generation integer not null,
      primary key (connection_id, org_id)
    )`.execute(db);
  await sql`create index if not exists connection_index_org_name
    on connection_index_org (connection_id, lower(name), org_id)`.execute(db);
  await sql`create index if not exists connection_index_org_created
    on connection_index_org (connection_id, created_at, org_id)`.execute(db);
  await sql`
    create table if not exists connection_index_member (
      connection_id text not null,
      org_id text not null,
      user_id text not null,
      email text,
      name text,
      roles jsonb not null,
      seen_generation integer not null,
      primary key (connection_id, org_id, user_id)
    )`.execute(db);
  await sql`create index if not exists connection_index_member_email
    on connection_index_member (email text_pattern_ops)`.execute(db);
  await sql`
    create table if not exists connection_index_invitation (
      connection_id text not null,
      org_id text not null,
      invitation_id text not null,
      email text not null,
      status text not null,
      created_at timestamptz,
      data jsonb not null,
      seen_generation integer not null,
      primary key (connection_id, org_id, invitation_id)
    )`.execute(db);
  await sql`create index if not exists connection_index_invitation_email
    on connection_index_invitation (email text_pattern_ops)`.execute(db);
  await sql`create index if not exists connection_index_invitation_status
    on connection_index_invitation (connection_id, status, created_at)`.execute(db);
}
