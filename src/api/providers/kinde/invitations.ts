import type { HttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { InvitationsApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { Invitation, InvitationStatus } from '../../people';
import { CursorTrail, walkToPage, type CursorPage } from './cursor-trail';
import { kindeOperations as ops } from './operations';
import { fromInviteInput, toInvitation } from './people-map';
import { KindeCreateInviteWire, KindeInvitesWire } from './people-wire';
import { KindeSuccessWire } from './wire';

/** Newest first, stated so the order does not rest on Kinde's undocumented default. */
const INVITE_SORT = 'created_on_desc';

interface InviteFlags {
  readonly include_revoked: boolean;
  readonly include_accepted: boolean;
}

/** Kinde always lists pending invites, and revoked or accepted ones on request. */
function flagsFor(statuses: readonly InvitationStatus[]): InviteFlags {
  return {
    include_revoked: statuses.includes('revoked'),
    include_accepted: statuses.includes('accepted'),
  };
}

/**
 * Org invites (`/api/v1/organization/{org_code}/invites`, singular), as Kinde answers them: the
 * pending ones always, and the revoked or accepted ones when asked (`statusFilter:
 * 'plus-pending'`; the data layer keeps only the statuses asked). Kinde has no resend; its
 * invites do not expire.
 */
export function createKindeInvitations(
  http: HttpClient,
  limits: { readonly maxPageSize: number },
): InvitationsApi & Required<Pick<InvitationsApi, 'revoke'>> {
  const trail = new CursorTrail();

  async function fetchPage(
    orgId: string,
    pageSize: number,
    flags: InviteFlags,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CursorPage<Invitation>> {
    const raw = await http.call(ops.listOrganizationInvites, {
      params: { org_code: orgId },
      query: { page_size: pageSize, sort: INVITE_SORT, ...flags, next_token: token },
      signal,
    });
    const wire = parseWire(KindeInvitesWire, raw.json, 'invitations');
    return {
      items: (wire.invites ?? []).flatMap((row) => {
        const invitation = toInvitation(row);
        return invitation ? [invitation] : [];
      }),
      next: wire.next_token ? wire.next_token : null,
    };
  }

  async function listAll(
    orgId: string,
    statuses: readonly InvitationStatus[],
    signal?: AbortSignal,
  ) {
    let token: string | null = null;
    const flags = flagsFor(statuses);
    return collectPages(async () => {
      const page = await fetchPage(orgId, limits.maxPageSize, flags, token, signal);
      token = page.next;
      return { items: page.items, hasMore: page.next !== null };
    });
  }

  return {
    async list(orgId, params, { signal } = {}) {
      const pageSize = Math.max(1, Math.min(params.pageSize, limits.maxPageSize));
      const flags = flagsFor(params.statuses);
      return walkToPage(
        trail,
        `${orgId}|${pageSize}|${String(flags.include_revoked)}|${String(flags.include_accepted)}`,
        params.page,
        pageSize,
        (token) => fetchPage(orgId, pageSize, flags, token, signal),
      );
    },

    listAll: (orgId, statuses, { signal } = {}) => listAll(orgId, statuses, signal),

    async create(orgId, input, { signal } = {}) {
      const raw = await http.call(ops.createOrganizationInvite, {
        params: { org_code: orgId },
        body: { json: fromInviteInput(input) },
        signal,
      });
      const wire = parseWire(KindeCreateInviteWire, raw.json, 'created invitation');
      trail.clear();
      return toInvitation(wire.invite);
    },

    async revoke(orgId, invitationId, { signal } = {}) {
      const raw = await http.call(ops.revokeOrganizationInvite, {
        params: { org_code: orgId, invite_code: invitationId },
        signal,
      });
      parseWire(KindeSuccessWire, raw.json, 'revoke result');
      trail.clear();
    },
  };
}
