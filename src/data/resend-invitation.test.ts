import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { InvitationsApi } from '../api/org-admin-api';
import type { Invitation } from '../api/people';
import { RevokedNotResentError, resendInvitation } from './resend-invitation';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'orginv_1',
    email: 'ann@acme.test',
    roles: [{ key: 'org:member', name: 'Member' }],
    status: 'pending',
    invitedBy: null,
    createdAt: '2026-11-01T00:00:00Z',
    expiresAt: '2026-12-01T00:00:00Z',
    url: null,
    details: [],
    ...overrides,
  };
}

function fakeApi(create: InvitationsApi['create'] = () => Promise.resolve(null)) {
  const revoke = vi.fn<NonNullable<InvitationsApi['revoke']>>(() => Promise.resolve());
  const createSpy = vi.fn(create);
  const api: InvitationsApi = {
    list: () => Promise.reject(new Error('unused')),
    listAll: () => Promise.reject(new Error('unused')),
    create: createSpy,
    revoke,
  };
  return { api, revoke, create: createSpy };
}

const refusal = () =>
  new ApiError({ kind: 'validation', message: 'That email is already a member.' });

describe('resending an invitation by inviting again', () => {
  it('revokes a pending invitation first, then invites with the same role', async () => {
    const { api, revoke, create } = fakeApi();
    await resendInvitation(api, 'org_1', invitation(), NOW);
    expect(revoke).toHaveBeenCalledWith('org_1', 'orginv_1');
    expect(create).toHaveBeenCalledWith('org_1', { email: 'ann@acme.test', roles: ['org:member'] });
    expect(revoke.mock.invocationCallOrder[0]).toBeLessThan(
      create.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('does not revoke an expired invitation (Clerk refuses to): it only invites again', async () => {
    for (const expired of [
      invitation({ status: 'expired' }),
      invitation({ status: 'pending', expiresAt: '2026-11-20T00:00:00Z' }),
    ]) {
      const { api, revoke, create } = fakeApi();
      await resendInvitation(api, 'org_1', expired, NOW);
      expect(revoke).not.toHaveBeenCalled();
      expect(create).toHaveBeenCalledTimes(1);
    }
  });

  it('says the invitation was revoked but not re-sent when inviting again fails', async () => {
    const { api } = fakeApi(() => Promise.reject(refusal()));
    const error = await resendInvitation(api, 'org_1', invitation(), NOW).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RevokedNotResentError);
    expect((error as Error).message).toBe(
      'The invitation to ann@acme.test was revoked but not re-sent: That email is already a member.',
    );
  });

  it('passes the provider’s error on as it is when nothing was revoked', async () => {
    const failure = refusal();
    const { api } = fakeApi(() => Promise.reject(failure));
    await expect(
      resendInvitation(api, 'org_1', invitation({ status: 'expired' }), NOW),
    ).rejects.toBe(failure);
  });

  it('uses the provider’s own resend where it has one', async () => {
    const { api, revoke, create } = fakeApi();
    const resend = vi.fn(() => Promise.resolve(null));
    await resendInvitation({ ...api, resend }, 'org_1', invitation(), NOW);
    expect(resend).toHaveBeenCalledTimes(1);
    expect(revoke).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});
