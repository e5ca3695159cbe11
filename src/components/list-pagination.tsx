import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { formatNumber } from '../lib/format';

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
 * 50" without one. (Lighter than MUI's TablePagination, which also brings tooltips along.)
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
    <Stack
      direction="row"
      spacing={2}
      sx={{ alignItems: 'center', justifyContent: 'flex-end', px: 2, py: 1, flexWrap: 'wrap' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography id={labelId} variant="body2">
          Rows per page
        </Typography>
        <Select
          size="small"
          variant="standard"
          disableUnderline
          value={pageSize}
          onChange={(event) => {
            props.onPageSizeChange(event.target.value);
          }}
          labelId={labelId}
        >
          {props.pageSizes.map((size) => (
            <MenuItem key={size} value={size}>
              {size}
            </MenuItem>
          ))}
        </Select>
      </Stack>
      <Typography variant="body2" role="status">
        {formatNumber(from)}–{formatNumber(to)} of {of}
      </Typography>
      <Stack direction="row">
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
      </Stack>
    </Stack>
  );
}
