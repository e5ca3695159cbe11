import type { OrgListParams } from '../../../api/domain';
import { useOrgList as useOrgListFromData, type OrgListOrigin } from '../../../data/orgs';
import { useActiveConnection } from '../../../lib/connection-context';

export type { OrgListOrigin };

/** One page of orgs on the active connection; the data layer decides who answers it. */
export function useOrgList(params: OrgListParams) {
  return useOrgListFromData(useActiveConnection(), params);
}
