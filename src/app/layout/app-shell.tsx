import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Link as RouterLink,
  Navigate,
  Outlet,
  useLocation,
  useMatch,
  useNavigate,
  useNavigation,
} from 'react-router-dom';
import { paths } from '../../config/paths';
import { GlobalSearchContext } from '../../lib/global-search-context';
import { UserMenu } from '../../features/session/components/user-menu';
import { sessionQuery } from '../../lib/session-queries';
import { ColorModeToggle } from './color-mode-toggle';
import { GlobalSearchButton } from './global-search-button';
import { ConnectionSwitcher } from './connection-switcher';
import { RateLimitNotice } from './rate-limit-notice';
import { RouteFocus } from './route-focus';
import { SideNav } from './side-nav';
import { useContextConnection } from './last-connection';

const MobileNavDrawer = lazy(() => import('./mobile-nav-drawer'));

const DRAWER_WIDTH = 220;

export function AppShell() {
  const match = useMatch('/c/:connectionId/*');
  // Outside a connection's pages (Audit log, Connections, 404) the last connection stays in context.
  const context = useContextConnection(match?.params.connectionId ?? null);
  const connectionId = context.connectionId;
  const navigate = useNavigate();
  const navigation = useNavigation();
  // One connection picker, where the viewport has room for it (each is a whole form control).
  const wide = useMediaQuery((theme) => theme.breakpoints.up('sm'), { noSsr: true });
  const [mobileOpen, setMobileOpen] = useState(false);
  const [mobileNavLoaded, setMobileNavLoaded] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const search = useMemo(() => ({ open: searchOpen, setOpen: setSearchOpen }), [searchOpen]);
  const session = useQuery(sessionQuery());
  const location = useLocation();
  if (session.data?.required && !session.data.signedIn) {
    return <Navigate to={paths.signIn.href(location.pathname + location.search)} replace />;
  }

  return (
    <GlobalSearchContext value={search}>
      <Box sx={{ display: 'flex', minHeight: '100vh' }}>
        <Box
          component="a"
          href="#main"
          sx={{
            position: 'absolute',
            left: -9999,
            '&:focus': { left: 8, top: 8, zIndex: 2000, p: 1, bgcolor: 'background.paper' },
          }}
        >
          Skip to content
        </Box>
        <RouteFocus />
        <AppBar
          position="fixed"
          color="default"
          elevation={0}
          sx={{
            zIndex: (theme) => theme.zIndex.drawer + 1,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Toolbar sx={{ gap: { xs: 1, sm: 2 } }}>
            <IconButton
              edge="start"
              aria-label="Open navigation"
              onClick={() => {
                setMobileNavLoaded(true);
                setMobileOpen(true);
              }}
              sx={{ display: { md: 'none' } }}
            >
              <MenuIcon />
            </IconButton>
            <Link
              component={RouterLink}
              to={paths.home.href()}
              underline="none"
              color="inherit"
              sx={{ display: { xs: 'none', sm: 'inline' } }}
            >
              <Typography
                variant="h6"
                component="span"
                sx={{ fontWeight: 700, letterSpacing: -0.3 }}
              >
                Orgdeck
              </Typography>
            </Link>
            <Box sx={{ flexGrow: 1 }} />
            <GlobalSearchButton
              enabled={connectionId !== null}
              onOpen={
                context.remembered && connectionId !== null
                  ? // The search lives in the connection's pages: go there, then open it.
                    () => void navigate(paths.overview.href(connectionId))
                  : undefined
              }
            />
            {wide ? <ConnectionSwitcher current={connectionId} placement="bar" /> : null}
            <ColorModeToggle />
            <UserMenu />
          </Toolbar>
          {navigation.state === 'loading' ? (
            <LinearProgress
              aria-label="Loading page"
              sx={{ position: 'absolute', bottom: 0, left: 0, right: 0 }}
            />
          ) : null}
        </AppBar>
        {mobileNavLoaded ? (
          <Suspense fallback={null}>
            <MobileNavDrawer
              open={mobileOpen}
              width={DRAWER_WIDTH}
              connectionId={connectionId}
              onClose={() => {
                setMobileOpen(false);
              }}
            />
          </Suspense>
        ) : null}
        <Box
          sx={{
            display: { xs: 'none', md: 'block' },
            width: DRAWER_WIDTH,
            flexShrink: 0,
          }}
        >
          {/* A fixed column rather than MUI's permanent Drawer, whose module brings Modal along. */}
          <Box
            sx={{
              position: 'fixed',
              top: 0,
              bottom: 0,
              width: DRAWER_WIDTH,
              overflowY: 'auto',
              bgcolor: 'background.paper',
              borderRight: 1,
              borderColor: 'divider',
            }}
          >
            <Toolbar />
            <SideNav connectionId={connectionId} />
          </Box>
        </Box>
        <Box
          component="main"
          id="main"
          tabIndex={-1}
          sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}
        >
          <Toolbar />
          <Box sx={{ maxWidth: 1400, mx: 'auto' }}>
            {wide ? null : <ConnectionSwitcher current={connectionId} placement="page" />}
            <RateLimitNotice />
            <Outlet />
          </Box>
        </Box>
      </Box>
    </GlobalSearchContext>
  );
}
