import { Fragment } from 'react';
import { Link as RouterLink, useMatches } from 'react-router-dom';
import { useActiveConnection } from '../../lib/connection-context';
import type { Crumb } from '../router';
import { shell } from './shell-styles';

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
    <nav className={shell.crumbs} aria-label="Breadcrumb">
      <ol>
        <li>{connection.label}</li>
        {matches.map((match, index) => {
          const crumb = crumbOf(match.handle);
          const content = crumb ? crumb(match.params) : null;
          const last = index === matches.length - 1;
          return (
            <Fragment key={match.id}>
              <li aria-hidden className={shell.crumbSeparator}>
                /
              </li>
              <li>
                {last ? (
                  <span className={shell.crumbCurrent} aria-current="page">
                    {content}
                  </span>
                ) : (
                  <RouterLink className={shell.crumbLink} to={match.pathname}>
                    {content}
                  </RouterLink>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
