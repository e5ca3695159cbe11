import { describe, expect, it } from 'vitest';
import type { IndexStatus } from '../api/connection-index';
import type { OrgListParams } from '../api/domain';
import { clerkCapabilities } from '../api/providers/clerk/capabilities';
import { kindeCapabilities } from '../api/providers/kinde/capabilities';
import { orgListSource, pendingInvitationsSource } from './list-source';

const plain: OrgListParams = { page: 1, pageSize: 25, search: '', sort: null };
const searching: OrgListParams = { ...plain, search: 'acme' };
const server = { auth: 'server' } as const;
const userToken = { auth: 'user-token' } as const;

function status(overrides: Partial<IndexStatus> = {}): IndexStatus {
  return {
    connectionId: 'kinde',
    indexed: true,
    state: 'ready',
    syncedAt: '2026-12-06T22:00:00Z',
    startedAt: '2026-12-06T21:59:00Z',
    progress: null,
    counts: { orgs: 3270, members: 9000, invitations: 120 },
    ...overrides,
  };
}

describe('who answers an org list', () => {
  it('is the provider when it can search, sort and page itself', () => {
    expect(orgListSource(searching, clerkCapabilities, server, status())).toEqual({
      kind: 'provider',
    });
    // Kinde pages and sorts by name itself: no search, no index needed.
    expect(
      orgListSource(
        { ...plain, sort: { field: 'name', direction: 'asc' } },
        kindeCapabilities,
        server,
        undefined,
      ),
    ).toEqual({ kind: 'provider' });
  });

  it('is the index for a search the provider cannot do, once a sync has completed', () => {
    expect(orgListSource(searching, kindeCapabilities, server, status())).toEqual({
      kind: 'index',
    });
    // A later sync running does not stop the last complete one from answering.
    expect(
      orgListSource(searching, kindeCapabilities, server, status({ state: 'syncing' })),
    ).toEqual({ kind: 'index' });
  });

  it('is the index for a sort by creation date the provider lacks', () => {
    const params = { ...plain, sort: { field: 'createdAt', direction: 'desc' } } as const;
    expect(orgListSource(params, kindeCapabilities, server, status())).toEqual({ kind: 'index' });
  });

  it('falls back to the browser, saying why, during the first sync', () => {
    const first = status({ state: 'syncing', syncedAt: null });
    expect(orgListSource(searching, kindeCapabilities, server, first)).toEqual({
      kind: 'browser',
      why: 'index-syncing',
    });
  });

  it('falls back to the browser where the server has no index for the connection', () => {
    expect(orgListSource(searching, kindeCapabilities, server, undefined)).toEqual({
      kind: 'browser',
      why: 'index-unavailable',
    });
    const notIndexed = status({ indexed: false, syncedAt: null, reason: 'not configured' });
    expect(orgListSource(searching, kindeCapabilities, server, notIndexed)).toEqual({
      kind: 'browser',
      why: 'index-unavailable',
    });
  });

  it('keeps user-token connections in the browser even if a status says indexed', () => {
    expect(orgListSource(searching, kindeCapabilities, userToken, status())).toEqual({
      kind: 'browser',
      why: 'user-token',
    });
  });
});

describe('who answers all pending invitations', () => {
  it('is the index when it has synced, else the browser scan', () => {
    expect(pendingInvitationsSource(server, status())).toEqual({ kind: 'index' });
    expect(pendingInvitationsSource(server, status({ syncedAt: null, state: 'never' }))).toEqual({
      kind: 'browser',
      why: 'index-syncing',
    });
    expect(pendingInvitationsSource(userToken, status())).toEqual({
      kind: 'browser',
      why: 'user-token',
    });
  });
});
