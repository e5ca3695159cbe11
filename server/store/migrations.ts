import { sql, type Kysely, type Migration } from 'kysely';
import { CONNECTION_INDEX_MIGRATION, up as connectionIndexUp } from '../connection-index/schema';
import {
  CONNECTION_INDEX_SEARCH_MIGRATION,
  up as connectionIndexSearchUp,
} from '../connection-index/search-migration';

/**
 * The store's schema, as ordered migrations applied at start (Kysely's Migrator, under a
 * PostgreSQL advisory lock). Names sort in order: `0001_…` to `0099_…` for the core tables,
 * `0100_…` onwards for the connection index. Never edit a migration once merged: add one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_server_keys': {
    async up(db: Kysely<unknown>) {
      await sql`create table server_keys (name text primary key, value text not null)`.execute(db);
    },
  },
  '0002_sessions': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sessions (
          id_hash text primary key,
          user_id text,
          user_json text,
          user_tokens text,
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          expires_at timestamptz not null
        )`.execute(db);
      await sql`create index sessions_user_id on sessions (user_id)`.execute(db);
      await sql`create index sessions_expires_at on sessions (expires_at)`.execute(db);
    },
  },
  '0003_sign_in_attempts': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sign_in_attempts (
          key text primary key,
          window_start timestamptz not null,
          attempts integer not null
        )`.execute(db);
    },
  },
  '0004_audit_entries': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table audit_entries (
          seq bigint generated always as identity primary key,
          id text not null unique,
          at timestamptz not null,
          actor_id text not null,
          actor_name text,
          actor_role text,
          connection_id text not null,
          provider text not null,
          operation_id text not null,
          summary text not null,
          method text not null,
          org_id text,
          target_user_id text,
          email text,
          outcome text not null,
          status integer not null,
          error text
        )`.execute(db);
      // Each filter of the Audit page walks one of these newest first (keyset on seq).
      await sql`create index audit_connection on audit_entries (connection_id, seq)`.execute(db);
      await sql`create index audit_org on audit_entries (org_id, seq)`.execute(db);
      await sql`create index audit_operation on audit_entries (operation_id, seq)`.execute(db);
      await sql`create index audit_outcome on audit_entries (outcome, seq)`.execute(db);
      await sql`create index audit_actor on audit_entries (actor_id, seq)`.execute(db);
      // The distinct actors: the actor filter (a substring of an id or name) is resolved here
      // to ids first, then answered from audit_actor.
      await sql`
        create table audit_actors (
          actor_id text not null,
          actor_name text not null default '',
          primary key (actor_id, actor_name)
        )`.execute(db);
      await sql`create index audit_at on audit_entries (at)`.execute(db);
    },
  },
  '0005_sandbox_slices': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table sandbox_slices (
          name text primary key,
          shape_version integer not null,
          revision bigint not null,
          data text not null
        )`.execute(db);
    },
  },
  '0006_audit_filter_pairs': {
    async up(db: Kysely<unknown>) {
      // Outcome combined with a wide filter (connection: a few values, operation: a handful):
      // without these, the capped total intersected two single-column indexes and read every
      // matching heap row (~100–250 ms at 1M rows); with them it is an index-only walk (~1 ms).
      // Organization and actor are selective enough on their own index.
      await sql`create index audit_connection_outcome on audit_entries (connection_id, outcome, seq)`.execute(
        db,
      );
      await sql`create index audit_operation_outcome on audit_entries (operation_id, outcome, seq)`.execute(
        db,
      );
    },
  },
  [CONNECTION_INDEX_MIGRATION]: { up: connectionIndexUp },
  [CONNECTION_INDEX_SEARCH_MIGRATION]: { up: connectionIndexSearchUp },
};
