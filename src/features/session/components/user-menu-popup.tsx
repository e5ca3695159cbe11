import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';

export interface UserMenuPopupProps {
  readonly anchor: HTMLElement;
  readonly userName: string;
  readonly onClose: () => void;
  readonly onSignOut: (everywhere: boolean) => void;
}

/** The signed-in user's menu; loaded when first opened, so menu code is not in the first paint. */
export default function UserMenuPopup({
  anchor,
  userName,
  onClose,
  onSignOut,
}: UserMenuPopupProps) {
  return (
    // In the app bar's landmark with its button, not a portal outside every landmark.
    <Menu anchorEl={anchor} open onClose={onClose} disablePortal>
      <MenuItem disabled>{userName}</MenuItem>
      <Divider />
      <MenuItem
        onClick={() => {
          onSignOut(false);
        }}
      >
        Sign out
      </MenuItem>
      <MenuItem
        onClick={() => {
          onSignOut(true);
        }}
      >
        Sign out everywhere
      </MenuItem>
    </Menu>
  );
}
