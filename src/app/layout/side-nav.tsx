import ApartmentIcon from '@mui/icons-material/Apartment';
import DashboardOutlinedIcon from '@mui/icons-material/DashboardOutlined';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import HistoryIcon from '@mui/icons-material/History';
import HubIcon from '@mui/icons-material/Hub';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import type { Capabilities } from '../../api/capabilities';
import { paths } from '../../config/paths';
import { connectionQueries } from '../../data/connections';
import { shell } from './shell-styles';

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly icon: ReactNode;
}

/** The navigation is data: later areas add items here. */
function navItems(connectionId: string | null, caps: Capabilities | null): NavItem[] {
  return [
    ...(connectionId
      ? [
          {
            label: 'Overview',
            href: paths.overview.href(connectionId),
            icon: <DashboardOutlinedIcon />,
          },
          {
            label: 'Organizations',
            href: paths.orgs.list.href(connectionId),
            icon: <ApartmentIcon />,
          },
        ]
      : []),
    ...(connectionId && caps?.people.invitations
      ? [
          {
            label: 'Pending invitations',
            href: paths.pendingInvitations.href(connectionId),
            icon: <MailOutlinedIcon />,
          },
        ]
      : []),
    ...(connectionId && caps?.featureFlags
      ? [
          {
            label: 'Feature flags',
            href: paths.flagMatrix.href(connectionId),
            icon: <FlagOutlinedIcon />,
          },
        ]
      : []),
    { label: 'Connections', href: paths.connections.href(), icon: <HubIcon /> },
    { label: 'Audit log', href: paths.audit.href(), icon: <HistoryIcon /> },
  ];
}

export function SideNav({
  connectionId,
  onNavigate,
}: {
  readonly connectionId: string | null;
  readonly onNavigate?: () => void;
}) {
  const connections = useQuery(connectionQueries.list());
  const caps =
    connections.data?.find((connection) => connection.id === connectionId)?.capabilities ?? null;
  return (
    <nav className={shell.nav} aria-label="Main">
      {navItems(connectionId, caps).map((item) => (
        <NavLink key={item.label} className={shell.navItem} to={item.href} onClick={onNavigate}>
          <span className={shell.navIcon}>{item.icon}</span>
          <span className={shell.navText}>{item.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
