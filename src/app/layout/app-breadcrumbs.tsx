import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useMatches } from 'react-router-dom';
import { useActiveConnection } from '../../lib/connection-context';
import type { Crumb } from '../router';

function crumbOf(handle: unknown): Crumb | null {
  if (typeof handle !== 'object' || handle === null || !('crumb' in handle)) return null;
  const { crumb } = handle;
  return typeof crumb === 'function' ? (crumb as Crumb) : null;
}

/** Connection › Organizations › Org, from the matched routes' `handle.crumb`. */
export function AppBreadcrumbs() {
  const { connection } = useActiveConnection();
  const matches = useMatches().filter((match) => crumbOf(match.handle) !== null);
  return (
    <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
      <Typography color="text.secondary">{connection.label}</Typography>
      {matches.map((match, index) => {
        const crumb = crumbOf(match.handle);
        const content = crumb ? crumb(match.params) : null;
        const last = index === matches.length - 1;
        return last ? (
          <Typography key={match.id} color="text.primary" aria-current="page">
            {content}
          </Typography>
        ) : (
          <Link
            key={match.id}
            component={RouterLink}
            to={match.pathname}
            underline="hover"
            color="inherit"
          >
            {content}
          </Link>
        );
      })}
    </Breadcrumbs>
  );
}
