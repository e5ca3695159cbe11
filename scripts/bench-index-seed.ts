/**
 * For `bench:index` sizes too large to sync member by member on a small machine: the org phase
 * runs as a real sync (adapter → gateway → sandbox, every page), then each org's members and
 * invitations are written through the same `IndexRepository.replaceMembers` /
 * `replaceInvitations` calls the sync makes, from the Kinde sandbox's own seed records (the ones
 * `ORGDECK_SANDBOX_SCALE` generated), without a provider request per org.
 */
import type { Invitation, Member } from '../src/api/people';
import type { ConnectionIndex } from '../server/connection-index/service';
import { DEFAULT_RETRY, Throttle } from '../server/connection-index/retry';
import { runSync } from '../server/connection-index/sync';
import { seedKinde } from '../server/sandbox/providers/kinde/state';

export interface SeedFigures {
  /** Provider requests of the org phase. */
  readonly requests: number;
  readonly orgPhaseMs: number;
  readonly peopleSeedMs: number;
}

export async function seedKindeIndex(
  index: ConnectionIndex,
  connectionId: string,
): Promise<SeedFigures> {
  const connection = index.connection(connectionId);
  if (!connection) throw new Error(`no connection ${connectionId}`);
  const before = index.requestCount(connectionId);
  const started = performance.now();
  const full = await index.source(connection);
  // The org phase only: every page of the org list through the adapter.
  const orgsOnly = { pageSize: full.pageSize, orgPage: full.orgPage, org: full.org };
  await runSync(index.repo, connectionId, orgsOnly, new Throttle(DEFAULT_RETRY));
  const orgPhaseMs = performance.now() - started;
  const requests = index.requestCount(connectionId) - before;

  const seededAt = performance.now();
  const seed = seedKinde();
  const generation = (await index.repo.state(connectionId))?.generation ?? 1;
  const users = new Map(seed.users.map((user) => [user.id, user]));
  const members = new Map<string, Member[]>();
  for (const row of seed.memberships) {
    const user = users.get(row.userId);
    const list = members.get(row.orgCode) ?? [];
    list.push({
      userId: row.userId,
      membershipId: null,
      name: user ? `${user.first_name} ${user.last_name}`.trim() : null,
      email: user?.email ?? null,
      imageUrl: user?.picture ?? null,
      roles: row.roles.map((key) => ({ key, name: key })),
      joinedAt: row.joinedOn,
      details: [],
    });
    members.set(row.orgCode, list);
  }
  const invitations = new Map<string, Invitation[]>();
  for (const row of seed.invites) {
    const list = invitations.get(row.orgCode) ?? [];
    list.push({
      id: row.code,
      email: row.email,
      roles: row.roles.map((key) => ({ key, name: key })),
      status: row.is_revoked ? 'revoked' : row.accepted_on ? 'accepted' : 'pending',
      invitedBy: null,
      createdAt: row.created_on,
      expiresAt: null,
      url: null,
      details: [],
    });
    invitations.set(row.orgCode, list);
  }
  for (const org of seed.orgs) {
    const orgMembers = members.get(org.code);
    if (orgMembers) await index.repo.replaceMembers(connectionId, org.code, orgMembers, generation);
    const orgInvitations = invitations.get(org.code);
    if (orgInvitations)
      await index.repo.replaceInvitations(connectionId, org.code, orgInvitations, generation);
  }
  await index.repo.analyze();
  return { requests, orgPhaseMs, peopleSeedMs: performance.now() - seededAt };
}
