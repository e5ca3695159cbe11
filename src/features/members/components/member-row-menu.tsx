import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { Member } from '../../../api/people';

export interface MemberRowMenuProps {
  readonly member: Member;
  readonly anchor: HTMLElement | null;
  readonly onClose: () => void;
  readonly onChangeRole: ((member: Member) => void) | null;
  readonly onRemove: ((member: Member) => void) | null;
}

/**
 * A member row's actions. Its own chunk (Menu brings Popover, Modal and the focus trap), loaded
 * when a row's actions button is first pointed at, focused or pressed: the first member row does
 * not wait for it.
 */
export function MemberRowMenu({
  member,
  anchor,
  onClose,
  onChangeRole,
  onRemove,
}: MemberRowMenuProps) {
  return (
    // Kept in the row (not a portal at the end of the body), so the menu is inside the page's
    // landmarks like the button that opens it.
    <Menu anchorEl={anchor} open={anchor !== null} onClose={onClose} disablePortal>
      {onChangeRole ? (
        <MenuItem
          onClick={() => {
            onClose();
            onChangeRole(member);
          }}
        >
          Change role…
        </MenuItem>
      ) : null}
      {onRemove ? (
        <MenuItem
          sx={{ color: 'error.main' }}
          onClick={() => {
            onClose();
            onRemove(member);
          }}
        >
          Remove from organization…
        </MenuItem>
      ) : null}
    </Menu>
  );
}
