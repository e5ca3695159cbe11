import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchAudit, type AuditFilter } from '../../../api/audit';

export const auditQueries = {
  page: (filter: AuditFilter) =>
    queryOptions({
      queryKey: ['audit', filter] as const,
      queryFn: ({ signal }) => fetchAudit(filter, signal),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    }),
};
