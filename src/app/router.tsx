import LinearProgress from '@mui/material/LinearProgress';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppShell } from './layout/app-shell';
import { ConnectionRoute } from './routes/connection-route';
import { HomeRedirect } from './routes/home-redirect';
import { NotFoundPage } from './routes/not-found-page';
import { orgDetailLoader, orgListLoader } from './route-loaders';
import { RouteError } from './routes/route-error';

export type Crumb = (params: Readonly<Record<string, string | undefined>>) => React.ReactNode;

/** `client`: the app's query cache, which the route loaders fill while route code loads. */
export function createAppRouter(client: QueryClient) {
  return createBrowserRouter([
    {
      path: '/sign-in',
      lazy: () => import('./routes/sign-in-route').then((m) => ({ Component: m.default })),
    },
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <LinearProgress aria-label="Loading Orgdeck" />,
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          path: 'audit',
          lazy: () => import('./routes/audit-route').then((m) => ({ Component: m.default })),
        },
        {
          path: 'connections',
          lazy: () => import('./routes/connections-route').then((m) => ({ Component: m.default })),
        },
        {
          path: 'c/:connectionId',
          element: <ConnectionRoute />,
          children: [
            { index: true, element: <Navigate to="overview" replace /> },
            {
              path: 'overview',
              handle: { crumb: (() => 'Overview') satisfies Crumb },
              lazy: () => import('./routes/overview-route').then((m) => ({ Component: m.default })),
            },
            {
              path: 'flags',
              handle: { crumb: (() => 'Feature flags') satisfies Crumb },
              lazy: () =>
                import('./routes/flag-matrix-route').then((m) => ({ Component: m.default })),
            },
            {
              path: 'invitations',
              handle: { crumb: (() => 'Pending invitations') satisfies Crumb },
              lazy: () =>
                import('./routes/pending-invitations-route').then((m) => ({
                  Component: m.default,
                })),
            },
            {
              path: 'orgs',
              handle: { crumb: (() => 'Organizations') satisfies Crumb },
              children: [
                {
                  index: true,
                  loader: orgListLoader(client),
                  lazy: () =>
                    import('./routes/org-list-route').then((m) => ({ Component: m.default })),
                },
                { path: ':orgId', element: <Navigate to="overview" replace /> },
                {
                  path: ':orgId/:tab',
                  loader: orgDetailLoader(client),
                  lazy: () =>
                    import('./routes/org-detail-route').then((m) => ({
                      Component: m.default,
                      handle: { crumb: m.crumb },
                    })),
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
