import {
  pageOf,
  type Organization,
  type OrgListParams,
  type OrgSort,
  type Page,
} from '../api/domain';

function sortValue(org: Organization, field: OrgSort['field']): string | number | null {
  switch (field) {
    case 'name':
      return org.name.toLocaleLowerCase();
    case 'createdAt':
      return org.createdAt === null ? null : Date.parse(org.createdAt);
    case 'memberCount':
      return org.memberCount;
  }
}

export function compareOrgs(a: Organization, b: Organization, sort: OrgSort): number {
  const va = sortValue(a, sort.field);
  const vb = sortValue(b, sort.field);
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (va === vb) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (va === null) return 1;
  if (vb === null) return -1;
  return (va < vb ? -1 : 1) * sign;
}

export function matchesSearch(org: Organization, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return (
    org.name.toLocaleLowerCase().includes(needle) ||
    (org.slug?.toLocaleLowerCase().includes(needle) ?? false) ||
    org.id.toLocaleLowerCase() === needle
  );
}

/** Search, sort and page a loaded list in the browser, for what the provider cannot do. */
export function applyListParams(
  all: readonly Organization[],
  params: OrgListParams,
): Page<Organization> {
  const filtered = all.filter((org) => matchesSearch(org, params.search));
  const sort = params.sort;
  const sorted = sort ? [...filtered].sort((a, b) => compareOrgs(a, b, sort)) : filtered;
  return pageOf(sorted, params.page, params.pageSize);
}
