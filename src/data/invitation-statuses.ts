import type { InvitationStatusFilter } from '../api/capabilities';
import type { Page } from '../api/domain';
import type { InvitationsApi, OrgAdminApi, RequestOptions } from '../api/org-admin-api';
import type { Invitation, InvitationListParams, InvitationStatus } from '../api/people';
import { pageInvitations } from './people-emulation';

/**
 * Invitations by status, once for every provider: adapters answer what the provider answers
 * (`capabilities.people.invitations.statusFilter`), and where that can hold more statuses than
 * were asked, the invitations are loaded and filtered and paged here.
 */

type AllInvitations = Awaited<ReturnType<InvitationsApi['listAll']>>;

/** Whether the provider's answer for `statuses` holds those statuses only (none: its default). */
export function answersExactly(
  filter: InvitationStatusFilter,
  statuses: readonly InvitationStatus[],
): boolean {
  switch (filter) {
    case 'exact':
      return true;
    case 'one':
      return statuses.length <= 1;
    case 'plus-pending':
      return statuses.length === 0 || statuses.includes('pending');
  }
}

function statusFilterOf(api: OrgAdminApi): InvitationStatusFilter {
  return api.capabilities.people.invitations?.statusFilter ?? 'exact';
}

function keepStatuses(all: AllInvitations, statuses: readonly InvitationStatus[]): AllInvitations {
  return { ...all, items: all.items.filter((item) => statuses.includes(item.status)) };
}

/** Every invitation of the org with one of `statuses` (as far as the adapter's `listAll` walks). */
export async function listEveryInvitation(
  api: OrgAdminApi,
  orgId: string,
  statuses: readonly InvitationStatus[],
  options: RequestOptions = {},
): Promise<AllInvitations> {
  if (!api.invitations) return { items: [], complete: true };
  const all = await api.invitations.listAll(orgId, statuses, options);
  return answersExactly(statusFilterOf(api), statuses) ? all : keepStatuses(all, statuses);
}

/**
 * One page of the org's invitations with `params.statuses`: the provider's page where it filters
 * exactly, otherwise a page of the filtered invitations (no total when the list was cut).
 */
export async function listInvitationPage(
  api: OrgAdminApi,
  orgId: string,
  params: InvitationListParams,
  options: RequestOptions = {},
): Promise<Page<Invitation>> {
  const invitations = api.invitations;
  if (!invitations) throw new Error('This provider keeps no invitations.');
  if (answersExactly(statusFilterOf(api), params.statuses)) {
    return invitations.list(orgId, params, options);
  }
  const maxPageSize = api.capabilities.people.invitations?.maxPageSize ?? params.pageSize;
  const pageSize = Math.max(1, Math.min(params.pageSize, maxPageSize));
  const all = await listEveryInvitation(api, orgId, params.statuses, options);
  const page = pageInvitations(all.items, params.page, pageSize);
  return all.complete ? page : { ...page, total: null };
}
