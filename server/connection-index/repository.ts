import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Organization } from '../../src/api/domain';
import type { Invitation, Member } from '../../src/api/people';
import type { IndexDatabase, IndexStateTable } from './schema';
import { orgNameKey, type OrgRef } from '../audit/org-names';

export type SyncPhase = 'orgs' | 'members' | 'invitations';
export type IndexState = Selectable<IndexStateTable>;

export interface OrgQuery {
  readonly search: string;
  readonly sort: 'name' | 'createdAt';
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

export interface InvitationQuery {
  readonly search: string;
  readonly orgId: string | null;
  readonly status: string | null;
  readonly sort: 'createdAt' | 'email' | 'org';
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

export interface IndexedInvitation extends Invitation {
  readonly orgId: string;
  readonly orgName: string;
}

export interface PersonRow {
  readonly connectionId: string;
  readonly email: string;
  readonly kind: 'member' | 'invitation';
  readonly orgId: string;
  readonly orgName: string;
  readonly id: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly status: string | null;
  readonly createdAt: string | null;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchText(org: Organization): string {
  return [org.name, org.slug ?? '', org.id].join('\n').toLowerCase();
}

function toDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}

const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The index's reads and writes, on Kysely over PGlite or node-postgres. */
export class IndexRepository {
  constructor(private readonly db: Kysely<IndexDatabase>) {}

  /**
   * The names of the given orgs that the index mirrors, keyed by `orgNameKey` (for the audit
   * log); one query per connection, at most CHUNK ids each.
   */
  async orgNames(refs: readonly OrgRef[]): Promise<Map<string, string>> {
    const byConnection = new Map<string, string[]>();
    for (const ref of refs) {
      const ids = byConnection.get(ref.connectionId) ?? [];
      ids.push(ref.orgId);
      byConnection.set(ref.connectionId, ids);
    }
    const names = new Map<string, string>();
    for (const [connectionId, ids] of byConnection) {
      for (const part of chunks(ids)) {
        const rows = await this.db
          .selectFrom('connection_index_org')
          .select(['org_id', 'name'])
          .where('connection_id', '=', connectionId)
          .where('org_id', 'in', part)
          .execute();
        for (const row of rows) names.set(orgNameKey(connectionId, row.org_id), row.name);
      }
    }
    return names;
  }

  async state(connectionId: string): Promise<IndexState | null> {
    const row = await this.db
      .selectFrom('connection_index_state')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .executeTakeFirst();
    return row ?? null;
  }

  async saveState(connectionId: string, patch: Updateable<IndexStateTable>): Promise<void> {
    await this.db
      .insertInto('connection_index_state')
      .values({ connection_id: connectionId, ...patch })
      .onConflict((oc) => oc.column('connection_id').doUpdateSet(patch))
      .execute();
  }

  async addRequests(connectionId: string, count: number): Promise<void> {
    if (count === 0) return;
    await this.db
      .updateTable('connection_index_state')
      .set({ requests: sql`requests + ${count}` })
      .where('connection_id', '=', connectionId)
      .execute();
  }

  async upsertOrgs(
    connectionId: string,
    orgs: readonly Organization[],
    generation: number,
  ): Promise<void> {
    for (const part of chunks(orgs)) {
      if (part.length === 0) continue;
      await this.db
        .insertInto('connection_index_org')
        .values(
          part.map((org) => ({
            connection_id: connectionId,
            org_id: org.id,
            name: org.name,
            slug: org.slug,
            created_at: toDate(org.createdAt),
            search_text: searchText(org),
            data: JSON.stringify(org),
            seen_generation: generation,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['connection_id', 'org_id']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            slug: eb.ref('excluded.slug'),
            created_at: eb.ref('excluded.created_at'),
            search_text: eb.ref('excluded.search_text'),
            data: eb.ref('excluded.data'),
            seen_generation: eb.ref('excluded.seen_generation'),
          })),
        )
        .execute();
    }
  }

  /** Replaces one org's members: upserts those listed, drops the ones not listed any more. */
  async replaceMembers(
    connectionId: string,
    orgId: string,
    members: readonly Member[],
    generation: number,
  ): Promise<void> {
    for (const part of chunks(members)) {
      await this.db
        .insertInto('connection_index_member')
        .values(
          part.map((member) => ({
            connection_id: connectionId,
            org_id: orgId,
            user_id: member.userId,
            email: member.email?.trim().toLowerCase() ?? null,
            name: member.name,
            roles: JSON.stringify(member.roles.map((role) => role.key)),
            seen_generation: generation,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['connection_id', 'org_id', 'user_id']).doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            name: eb.ref('excluded.name'),
            roles: eb.ref('excluded.roles'),
            seen_generation: eb.ref('excluded.seen_generation'),
          })),
        )
        .execute();
    }
    const kept = members.map((member) => member.userId);
    let remove = this.db
      .deleteFrom('connection_index_member')
      .where('connection_id', '=', connectionId)
      .where('org_id', '=', orgId);
    if (kept.length > 0) remove = remove.where('user_id', 'not in', kept);
    await remove.execute();
  }

  /** Replaces one org's invitations, as `replaceMembers` does members. */
  async replaceInvitations(
    connectionId: string,
    orgId: string,
    invitations: readonly Invitation[],
    generation: number,
  ): Promise<void> {
    for (const part of chunks(invitations)) {
      await this.db
        .insertInto('connection_index_invitation')
        .values(
          part.map((invitation) => ({
            connection_id: connectionId,
            org_id: orgId,
            invitation_id: invitation.id,
            email: invitation.email.trim().toLowerCase(),
            status: invitation.status,
            created_at: toDate(invitation.createdAt),
            data: JSON.stringify(invitation),
            seen_generation: generation,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['connection_id', 'org_id', 'invitation_id']).doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            status: eb.ref('excluded.status'),
            created_at: eb.ref('excluded.created_at'),
            data: eb.ref('excluded.data'),
            seen_generation: eb.ref('excluded.seen_generation'),
          })),
        )
        .execute();
    }
    const kept = invitations.map((invitation) => invitation.id);
    let remove = this.db
      .deleteFrom('connection_index_invitation')
      .where('connection_id', '=', connectionId)
      .where('org_id', '=', orgId);
    if (kept.length > 0) remove = remove.where('invitation_id', 'not in', kept);
    await remove.execute();
  }

  /** Drops one org and everything indexed under it. */
  async removeOrg(connectionId: string, orgId: string): Promise<void> {
    for (const table of [
      'connection_index_member',
      'connection_index_invitation',
      'connection_index_org',
    ] as const) {
      await this.db
        .deleteFrom(table)
        .where('connection_id', '=', connectionId)
        .where('org_id', '=', orgId)
        .execute();
    }
  }

  /** After a complete org listing: orgs (and their rows) the run did not see are gone. */
  async sweepOrgs(connectionId: string, generation: number): Promise<void> {
    const stale = this.db
      .selectFrom('connection_index_org')
      .select('org_id')
      .where('connection_id', '=', connectionId)
      .where('seen_generation', '<', generation);
    for (const table of ['connection_index_member', 'connection_index_invitation'] as const) {
      await this.db
        .deleteFrom(table)
        .where('connection_id', '=', connectionId)
        .where('org_id', 'in', stale)
        .execute();
    }
    await this.db
      .deleteFrom('connection_index_org')
      .where('connection_id', '=', connectionId)
      .where('seen_generation', '<', generation)
      .execute();
  }

  /** Org ids after `afterId` in id order: the per-org phases walk them in batches. */
  async orgIdsAfter(connectionId: string, afterId: string | null, limit: number) {
    let query = this.db
      .selectFrom('connection_index_org')
      .select('org_id')
      .where('connection_id', '=', connectionId)
      .orderBy('org_id')
      .limit(limit);
    if (afterId !== null) query = query.where('org_id', '>', afterId);
    return (await query.execute()).map((row) => row.org_id);
  }

  async counts(connectionId: string) {
    const count = async (
      table: 'connection_index_org' | 'connection_index_member' | 'connection_index_invitation',
    ) => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('connection_id', '=', connectionId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    return {
      orgs: await count('connection_index_org'),
      members: await count('connection_index_member'),
      invitations: await count('connection_index_invitation'),
    };
  }

  /** How many orgs a per-org phase has done when its cursor is `afterId` (null: none yet). */
  async countOrgsDone(connectionId: string, afterId: string | null): Promise<number> {
    if (afterId === null) return 0;
    let query = this.db
      .selectFrom('connection_index_org')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('connection_id', '=', connectionId);
    query = query.where('org_id', '<=', afterId);
    const row = await query.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async searchOrgs(
    connectionId: string,
    query: OrgQuery,
  ): Promise<{ items: Organization[]; total: number }> {
    const needle = query.search.trim().toLowerCase();
    // Three characters and more: the trigram index finds the matches. Shorter ones match most
    // orgs; walking the name index in order finds a page of them soonest.
    if (needle.length >= 3) return this.searchMatchingOrgs(connectionId, needle, query);
    let base = this.db.selectFrom('connection_index_org').where('connection_id', '=', connectionId);
    if (needle !== '') base = base.where('search_text', 'like', `%${likeEscape(needle)}%`);
    const direction = query.order === 'desc' ? 'desc' : 'asc';
    const sorted =
      query.sort === 'createdAt'
        ? base.orderBy(sql`created_at ${sql.raw(direction)} nulls last`)
        : base.orderBy(sql`lower(name) ${sql.raw(direction)}`);
    const [rows, total] = await Promise.all([
      sorted
        .orderBy('org_id', direction)
        .select('data')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    ]);
    return {
      items: rows.map((row) => row.data as Organization),
      total: Number(total?.n ?? 0),
    };
  }

  /**
   * A search: the matches are read first (trigram index), then sorted and paged. Left to itself
   * the planner walks the name index in order and filters, which reads most of the table when
   * the matches cluster in name order (a word of org names: "Rainier 2", "Rainier 3", …).
   */
  private async searchMatchingOrgs(
    connectionId: string,
    needle: string,
    query: OrgQuery,
  ): Promise<{ items: Organization[]; total: number }> {
    const direction = sql.raw(query.order === 'desc' ? 'desc' : 'asc');
    const order =
      query.sort === 'createdAt'
        ? sql`created_at ${direction} nulls last, org_id ${direction}`
        : sql`lower(name) ${direction}, org_id ${direction}`;
    const result = await sql<{ data: unknown; total: string }>`
      with m as materialized (
        select data, name, created_at, org_id from connection_index_org
        where connection_id = ${connectionId} and search_text like ${`%${likeEscape(needle)}%`}
      )
      select data, (select count(*) from m) as total from m
      order by ${order}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(this.db);
    const first = result.rows[0];
    let total = first ? Number(first.total) : 0;
    if (!first && query.page > 1) {
      // Past the last page: the total still counts every match.
      const count = await this.db
        .selectFrom('connection_index_org')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('connection_id', '=', connectionId)
        .where('search_text', 'like', `%${likeEscape(needle)}%`)
        .executeTakeFirst();
      total = Number(count?.n ?? 0);
    }
    return { items: result.rows.map((row) => row.data as Organization), total };
  }

  async searchInvitations(
    connectionId: string,
    query: InvitationQuery,
  ): Promise<{ items: IndexedInvitation[]; total: number }> {
    const needle = query.search.trim().toLowerCase();
    let base = this.db
      .selectFrom('connection_index_invitation as i')
      .innerJoin('connection_index_org as o', (join) =>
        join.onRef('o.connection_id', '=', 'i.connection_id').onRef('o.org_id', '=', 'i.org_id'),
      )
      .where('i.connection_id', '=', connectionId);
    if (query.orgId !== null) base = base.where('i.org_id', '=', query.orgId);
    if (query.status !== null) base = base.where('i.status', '=', query.status);
    if (needle !== '') {
      const pattern = `%${likeEscape(needle)}%`;
      base = base.where((eb) =>
        eb.or([eb('i.email', 'like', pattern), eb('o.search_text', 'like', pattern)]),
      );
    }
    const direction = sql.raw(query.order === 'asc' ? 'asc' : 'desc');
    const order =
      query.sort === 'email'
        ? sql`i.email ${direction}`
        : query.sort === 'org'
          ? sql`lower(o.name) ${direction}`
          : sql`i.created_at ${direction} nulls last`;
    const [rows, total] = await Promise.all([
      base
        .select(['i.data', 'i.org_id', 'o.name'])
        .orderBy(order)
        .orderBy('i.invitation_id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    ]);
    return {
      items: rows.map((row) => ({
        ...(row.data as Invitation),
        orgId: row.org_id,
        orgName: row.name,
      })),
      total: Number(total?.n ?? 0),
    };
  }

  /**
   * Members and invitations whose e-mail is `email` (exact) or starts with it (`prefix`), for
   * at most `limit` distinct addresses, across every connection.
   */
  async people(email: string, mode: 'exact' | 'prefix', limit: number): Promise<PersonRow[]> {
    const needle = email.trim().toLowerCase();
    if (needle === '') return [];
    const pattern = mode === 'exact' ? needle : `${likeEscape(needle)}%`;
    const op = mode === 'exact' ? '=' : 'like';
    const emails = await this.db
      .selectFrom(
        this.db
          .selectFrom('connection_index_member')
          .select('email')
          .where('email', op, pattern)
          .union(
            this.db
              .selectFrom('connection_index_invitation')
              .select('email')
              .where('email', op, pattern),
          )
          .as('e'),
      )
      .select('e.email')
      .where('e.email', 'is not', null)
      .orderBy('e.email')
      .limit(limit)
      .execute();
    const wanted = emails.flatMap((row) => (row.email === null ? [] : [row.email]));
    if (wanted.length === 0) return [];
    const [members, invitations] = await Promise.all([
      this.db
        .selectFrom('connection_index_member as m')
        .innerJoin('connection_index_org as o', (join) =>
          join.onRef('o.connection_id', '=', 'm.connection_id').onRef('o.org_id', '=', 'm.org_id'),
        )
        .select(['m.connection_id', 'm.email', 'm.org_id', 'o.name as org_name', 'm.user_id'])
        .select(['m.name', 'm.roles'])
        .where('m.email', 'in', wanted)
        .orderBy('o.name')
        .execute(),
      this.db
        .selectFrom('connection_index_invitation as i')
        .innerJoin('connection_index_org as o', (join) =>
          join.onRef('o.connection_id', '=', 'i.connection_id').onRef('o.org_id', '=', 'i.org_id'),
        )
        .select(['i.connection_id', 'i.email', 'i.org_id', 'o.name as org_name'])
        .select(['i.invitation_id', 'i.status', 'i.data'])
        .where('i.email', 'in', wanted)
        .orderBy('i.created_at', 'desc')
        .execute(),
    ]);
    return [
      ...members.map((row): PersonRow => ({
        connectionId: row.connection_id,
        email: row.email ?? '',
        kind: 'member',
        orgId: row.org_id,
        orgName: row.org_name,
        id: row.user_id,
        name: row.name,
        roles: row.roles as string[],
        status: null,
        createdAt: null,
      })),
      ...invitations.map((row): PersonRow => {
        const data = row.data as Invitation;
        return {
          connectionId: row.connection_id,
          email: row.email,
          kind: 'invitation',
          orgId: row.org_id,
          orgName: row.org_name,
          id: row.invitation_id,
          name: null,
          roles: data.roles.map((role) => role.key),
          status: row.status,
          createdAt: data.createdAt,
        };
      }),
    ];
  }

  /**
   * After a sync: moves the rows waiting in the trigram indexes' pending lists into the indexes
   * and refreshes the planner's statistics. PGlite runs no autovacuum, so without this the
   * pending list every search reads only grows, and a freshly filled mirror has no statistics.
   */
  async analyze(): Promise<void> {
    await sql`
      select gin_clean_pending_list(to_regclass(name))
      from unnest(array['connection_index_org_search', 'connection_index_invitation_email_search']) as name
      where to_regclass(name) is not null`.execute(this.db);
    await sql`analyze connection_index_org, connection_index_member, connection_index_invitation`.execute(
      this.db,
    );
  }

  /** Forgets a connection's mirror (a connection no longer configured). */
  async drop(connectionId: string): Promise<void> {
    for (const table of [
      'connection_index_member',
      'connection_index_invitation',
      'connection_index_org',
      'connection_index_state',
    ] as const) {
      await this.db.deleteFrom(table).where('connection_id', '=', connectionId).execute();
    }
  }
}
