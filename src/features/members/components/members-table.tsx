import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { lazy, memo, Suspense, useRef, useState } from 'react';
import type { MemberCapabilities } from '../../../api/capabilities';
import type { Member, MemberListParams, MemberSortField } from '../../../api/people';
import { lean, leanCheckboxIcons, leanTableSx } from '../../../components/lean-table';
import { visuallyHidden } from '../../../components/visually-hidden';
import { formatDate } from '../../../lib/format';
import { useWindowRows } from '../../../lib/use-window-rows';
import { MemberIdentity, memberLabel } from './member-identity';

const loadRowMenu = () => import('./member-row-menu');
const MemberRowMenu = lazy(() => loadRowMenu().then((m) => ({ default: m.MemberRowMenu })));

/** MUI's MoreVert icon. */
const MORE_VERT =
  'M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2';

const ROW_HEIGHT = 57;
/** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
const OVERSCAN = 10;
/** The join date steps aside on a phone, so the roles and the row's actions stay on screen. */
const SECONDARY = { display: { xs: 'none', sm: 'table-cell' } } as const;

export interface MembersTableProps {
  readonly caps: MemberCapabilities;
  readonly members: readonly Member[] | null;
  readonly sort: MemberListParams['sort'];
  readonly onSort: (sort: MemberListParams['sort']) => void;
  readonly selected: ReadonlyMap<string, Member>;
  readonly onSelect: (members: readonly Member[], selected: boolean) => void;
  readonly onChangeRole: ((member: Member) => void) | null;
  readonly onRemove: ((member: Member) => void) | null;
  readonly busy: boolean;
}

function RowActions({
  member,
  onChangeRole,
  onRemove,
}: Pick<MembersTableProps, 'onChangeRole' | 'onRemove'> & { readonly member: Member }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // The menu joins the row the first time it opens (a closed menu per row is a lot of first render).
  const [menuMounted, setMenuMounted] = useState(false);
  if (!onChangeRole && !onRemove) return null;
  const label = memberLabel(member);
  const close = () => {
    setAnchor(null);
  };
  return (
    <>
      {/* A plain button styled like MUI's small IconButton: one per row, rendered at once. */}
      <button
        type="button"
        className={lean.iconButton}
        aria-label={`Actions for ${label}`}
        // The menu's code starts loading as the pointer or focus reaches the button; a press
        // before it arrives opens the menu as soon as it does.
        onPointerEnter={() => void loadRowMenu()}
        onFocus={() => void loadRowMenu()}
        onClick={(event) => {
          setMenuMounted(true);
          setAnchor(event.currentTarget);
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden focusable="false">
          <path d={MORE_VERT} />
        </svg>
      </button>
      {menuMounted ? (
        <Suspense fallback={null}>
          <MemberRowMenu
            member={member}
            anchor={anchor}
            onClose={close}
            onChangeRole={onChangeRole}
            onRemove={onRemove}
          />
        </Suspense>
      ) : null}
    </>
  );
}

interface MemberRowProps extends Pick<MembersTableProps, 'onSelect' | 'onChangeRole' | 'onRemove'> {
  readonly member: Member;
  readonly rowIndex: number;
  readonly selectable: boolean;
  readonly selected: boolean;
}

/** One row, memoized: while scrolling only the rows that come into view render. */
const MemberRow = memo(function MemberRow({
  member,
  rowIndex,
  selectable,
  selected,
  onSelect,
  onChangeRole,
  onRemove,
}: MemberRowProps) {
  const label = memberLabel(member);
  return (
    <tr className={lean.row} style={{ height: ROW_HEIGHT }} aria-rowindex={rowIndex}>
      {selectable ? (
        <td className={lean.checkbox}>
          {/* A native checkbox drawn like MUI's: one per row, rendered at once. */}
          <span className={lean.check}>
            <input
              type="checkbox"
              checked={selected}
              onChange={(event) => {
                onSelect([member], event.target.checked);
              }}
              aria-label={`Select ${label}`}
            />
            <svg viewBox="0 0 24 24" aria-hidden focusable="false">
              <path d={selected ? leanCheckboxIcons.checked : leanCheckboxIcons.blank} />
            </svg>
          </span>
        </td>
      ) : null}
      <td style={{ maxWidth: 360 }}>
        <MemberIdentity member={member} />
      </td>
      <td>
        <div className={lean.chips}>
          {member.roles.length === 0 ? (
            <span className={lean.secondaryText}>—</span>
          ) : (
            member.roles.map((role) => (
              <span key={role.key} className={lean.chip}>
                {role.name}
              </span>
            ))
          )}
        </div>
      </td>
      <td className={lean.phoneHidden}>{formatDate(member.joinedAt)}</td>
      {onChangeRole || onRemove ? (
        <td className={lean.alignRight}>
          <RowActions member={member} onChangeRole={onChangeRole} onRemove={onRemove} />
        </td>
      ) : null}
    </tr>
  );
});

/**
 * Members with their roles; long pages (hundreds of rows) are virtualized against the window so
 * scrolling stays smooth (only the rows in view are in the DOM) and the page keeps one scrollbar:
 * no inner scroll box that cuts rows in half.
 */
export function MembersTable(props: MembersTableProps) {
  const { caps, members, sort, onSort, selected } = props;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const count = members?.length ?? 0;
  const { start, end } = useWindowRows(bodyRef, count, ROW_HEIGHT, OVERSCAN);
  const selectable = props.onRemove !== null;
  const paddingTop = start * ROW_HEIGHT;
  const paddingBottom = (count - end) * ROW_HEIGHT;
  const ids = members?.map((member) => member.userId) ?? [];
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const columns = 3 + (selectable ? 1 : 0) + (props.onChangeRole || props.onRemove ? 1 : 0);

  const header = (field: MemberSortField, label: string) =>
    caps.sortFields.includes(field) ? (
      <TableSortLabel
        active={sort?.field === field}
        direction={sort?.field === field ? sort.direction : 'asc'}
        onClick={() => {
          onSort(
            sort?.field !== field
              ? { field, direction: field === 'joinedAt' ? 'desc' : 'asc' }
              : { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' },
          );
        }}
      >
        {label}
      </TableSortLabel>
    ) : (
      label
    );

  return (
    // Scrolls sideways only where the columns do not fit (a phone); never up and down.
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        // Narrower cell padding on a phone: the four columns fit without a sideways scroll.
        sx={[
          leanTableSx,
          {
            '& .MuiTableCell-root:not(.MuiTableCell-paddingCheckbox), & tbody td:not(.lean-checkbox)':
              {
                px: { xs: 1, sm: 2 },
              },
          },
        ]}
        aria-label="Members"
        aria-busy={props.busy}
        aria-rowcount={members ? members.length + 1 : -1}
      >
        <TableHead>
          <TableRow>
            {selectable ? (
              <TableCell padding="checkbox">
                <Checkbox
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  disabled={ids.length === 0}
                  onChange={(event) => {
                    props.onSelect(members ?? [], event.target.checked);
                  }}
                  slotProps={{ input: { 'aria-label': 'Select all members on this page' } }}
                />
              </TableCell>
            ) : null}
            <TableCell>
              {header(caps.sortFields.includes('name') ? 'name' : 'email', 'Member')}
            </TableCell>
            <TableCell>Roles</TableCell>
            <TableCell sx={SECONDARY}>{header('joinedAt', 'Joined')}</TableCell>
            {props.onChangeRole || props.onRemove ? (
              <TableCell align="right">
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody ref={bodyRef}>
          {members === null ? (
            Array.from({ length: 8 }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={columns}>
                  <Skeleton variant="text" aria-hidden />
                </TableCell>
              </TableRow>
            ))
          ) : (
            <>
              {paddingTop > 0 ? (
                <TableRow aria-hidden>
                  <TableCell colSpan={columns} sx={{ height: paddingTop, p: 0, border: 0 }} />
                </TableRow>
              ) : null}
              {members.slice(start, end).map((member, offset) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  rowIndex={start + offset + 2}
                  selectable={selectable}
                  selected={selected.has(member.userId)}
                  onSelect={props.onSelect}
                  onChangeRole={props.onChangeRole}
                  onRemove={props.onRemove}
                />
              ))}
              {paddingBottom > 0 ? (
                <TableRow aria-hidden>
                  <TableCell colSpan={columns} sx={{ height: paddingBottom, p: 0, border: 0 }} />
                </TableRow>
              ) : null}
            </>
          )}
        </TableBody>
      </Table>
    </Box>
  );
}
