import type { MemberCapabilities } from '../../../api/capabilities';
import type { MemberListParams } from '../../../api/people';
import { useMemberList as useMemberListFromData } from '../../../data/members';
import { useActiveConnection } from '../../../lib/connection-context';

export { memberListSource } from '../../../data/members';

/** A page of members of the active connection (the data layer decides who answers it). */
export function useMemberList(orgId: string, params: MemberListParams, caps: MemberCapabilities) {
  return useMemberListFromData(useActiveConnection(), orgId, params, caps);
}
