import type { InvitationCapabilities } from '../../api/capabilities';
import { pageSizeChoices } from '../../lib/page-sizes';
import { InvitationStatus, type InvitationListParams } from '../../api/people';

export const INVITATION_PAGE_SIZES = [25, 50, 100] as const;

export function invitationPageSizes(caps: InvitationCapabilities): number[] {
  return pageSizeChoices(INVITATION_PAGE_SIZES, caps);
}

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

/** `?status=pending,revoked&page=2&size=50`; statuses the provider does not keep are dropped. */
export function parseInvitationParams(
  search: URLSearchParams,
  caps: InvitationCapabilities,
): InvitationListParams {
  const statuses = (search.get('status') ?? '')
    .split(',')
    .map((value) => InvitationStatus.safeParse(value))
    .flatMap((result) =>
      result.success && caps.statuses.includes(result.data) ? [result.data] : [],
    );
  const size = positiveInt(search.get('size'));
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize:
      size !== null && invitationPageSizes(caps).includes(size) ? size : caps.defaultPageSize,
    statuses: statuses.length > 0 ? statuses : ['pending'],
  };
}

export function serializeInvitationParams(
  params: InvitationListParams,
  caps: InvitationCapabilities,
): URLSearchParams {
  const search = new URLSearchParams();
  if (!(params.statuses.length === 1 && params.statuses[0] === 'pending'))
    search.set('status', params.statuses.join(','));
  if (params.pageSize !== caps.defaultPageSize) search.set('size', String(params.pageSize));
  if (params.page !== 1) search.set('page', String(params.page));
  return search;
}
