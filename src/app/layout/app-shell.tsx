import MenuIcon from '@mui/icons-material/Menu';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
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
import { shell } from './shell-styles';
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
      <div className={shell.frame}>
        <a className={shell.skipLink} href="#main">
          Skip to content
        </a>
        <RouteFocus />
        <header className={shell.bar}>
          <div className={shell.toolbar}>
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
            <RouterLink className={shell.logo} to={paths.home.href()}>
              <span className={shell.logoText}>Orgdeck</span>
            </RouterLink>
            <div className={shell.grow} />
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
          </div>
          {navigation.state === 'loading' ? (
            <LinearProgress
              aria-label="Loading page"
              sx={{ position: 'absolute', bottom: 0, left: 0, right: 0 }}
            />
          ) : null}
        </header>
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
        {/* A fixed column rather than MUI's permanent Drawer, whose module brings Modal along. */}
        <div className={shell.side}>
          <div className={shell.sideInner}>
            <div className={shell.barSpace} />
            <SideNav connectionId={connectionId} />
          </div>
        </div>
        <main className={shell.main} id="main" tabIndex={-1}>
          <div className={shell.barSpace} />
          <div className={shell.page}>
            {wide ? null : <ConnectionSwitcher current={connectionId} placement="page" />}
            <RateLimitNotice />
            <Outlet />
          </div>
        </main>
      </div>
    </GlobalSearchContext>
  );
}
