import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import { SideNav } from './side-nav';

export interface MobileNavDrawerProps {
  readonly open: boolean;
  readonly width: number;
  readonly connectionId: string | null;
  readonly onClose: () => void;
}

/** The navigation as a modal drawer on narrow screens; loaded the first time it is opened. */
export default function MobileNavDrawer({
  open,
  width,
  connectionId,
  onClose,
}: MobileNavDrawerProps) {
  return (
    <Drawer
      variant="temporary"
      open={open}
      onClose={onClose}
      sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width } }}
    >
      <Toolbar />
      <SideNav connectionId={connectionId} onNavigate={onClose} />
    </Drawer>
  );
}
