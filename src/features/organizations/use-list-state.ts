import { useSearchParams } from 'react-router-dom';
import type { OrgListParams } from '../../api/domain';
import { useActiveConnection } from '../../lib/connection-context';
import { useDebouncedSearch } from '../../lib/use-debounced-search';
import { parseListParams, serializeListParams } from './list-params';

/**
 * The org list's state (search, sort, page, size) kept in the URL, with a debounced search box:
 * the organizations page and the flag matrix share it, so one link shows the same orgs on both.
 */
export function useOrgListState() {
  const caps = useActiveConnection().api.capabilities;
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseListParams(searchParams, caps);
  const setParams = (next: OrgListParams, replace = false) => {
    setSearchParams(serializeListParams(next, caps), { replace });
  };
  const search = useDebouncedSearch(params.search, (value) => {
    setSearchParams(
      (current) =>
        serializeListParams({ ...parseListParams(current, caps), search: value, page: 1 }, caps),
      { replace: true },
    );
  });
  return { params, setParams, search, query: searchParams.toString() };
}
