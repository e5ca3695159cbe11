import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import IconButton from '@mui/material/IconButton';
import { useId, type ChangeEvent } from 'react';
import type { Page } from '../api/domain';
import { formatNumber } from '../lib/format';
import { page as styles } from './page-styles';

export interface ListPaginationProps {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly pageSizes: readonly number[];
  readonly itemsOnPage: number;
  /** Null when the provider does not count. */
  readonly total: number | null;
  readonly hasMore: boolean;
  readonly disabled?: boolean;
  readonly onPageChange: (page: number) => void;
  readonly onPageSizeChange: (pageSize: number) => void;
}

/**
 * Pagination that is honest about what the provider knows: "of 268" with a count, "of more than
 * 50" without one. (Lighter than MUI's TablePagination, which also brings tooltips and a menu along; the page-size
 * picker is a native select for the same reason.)
 */
export function ListPagination(props: ListPaginationProps) {
  const { page, pageSize, itemsOnPage, total, hasMore } = props;
  const labelId = useId();
  const from = itemsOnPage === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + itemsOnPage;
  const of =
    total !== null
      ? formatNumber(total)
      : hasMore
        ? `more than ${formatNumber(to)}`
        : formatNumber(to);
  return (
    <div className={styles.pagination}>
      <div className={styles.paginationGroup}>
        <p id={labelId} className={styles.smallText}>
          Rows per page
        </p>
        <select
          className={styles.nativeSelect}
          aria-labelledby={labelId}
          value={pageSize}
          disabled={props.disabled}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => {
            props.onPageSizeChange(Number(event.target.value));
          }}
        >
          {props.pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.smallText} role="status">
        {formatNumber(from)}–{formatNumber(to)} of {of}
      </p>
      <div className={styles.paginationGroup}>
        <IconButton
          aria-label="Go to previous page"
          disabled={props.disabled === true || page <= 1}
          onClick={() => {
            props.onPageChange(page - 1);
          }}
        >
          <ChevronLeftIcon />
        </IconButton>
        <IconButton
          aria-label="Go to next page"
          disabled={props.disabled === true || !hasMore}
          onClick={() => {
            props.onPageChange(page + 1);
          }}
        >
          <ChevronRightIcon />
        </IconButton>
      </div>
    </div>
  );
}

/** What a paged list's URL state needs for the footer: page and page size. */
interface PagedParams {
  readonly page: number;
  readonly pageSize: number;
}

export interface ParamsPaginationProps<P extends PagedParams> {
  /** The page on screen; nothing is shown until it has rows. */
  readonly data: Pick<Page<unknown>, 'items' | 'total' | 'hasMore'> | undefined;
  readonly params: P;
  readonly setParams: (params: P) => void;
  readonly pageSizes: readonly number[];
  /** True while the rows shown are the previous page's (a new page is loading). */
  readonly stale: boolean;
}

/** The pagination of a list whose page and size live in its URL params (size changes go to page 1). */
export function ParamsPagination<P extends PagedParams>(props: ParamsPaginationProps<P>) {
  const { data, params, setParams } = props;
  if (!data || data.items.length === 0) return null;
  return (
    <ListPagination
      page={params.page}
      pageSize={params.pageSize}
      pageSizes={props.pageSizes}
      itemsOnPage={data.items.length}
      total={data.total}
      hasMore={data.hasMore}
      disabled={props.stale}
      onPageChange={(next) => {
        setParams({ ...params, page: next });
      }}
      onPageSizeChange={(pageSize) => {
        setParams({ ...params, pageSize, page: 1 });
      }}
    />
  );
}
