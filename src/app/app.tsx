import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { ToastProvider } from '../components/toast';
import { seedBootData } from './boot-data';
import { createQueryClient } from './query-client';
import { rateLimitWaits } from './rate-limit-waits';
import { createAppRouter } from './router';
import { theme } from './theme';

export interface AppStart {
  readonly queryClient: QueryClient;
  readonly router: ReturnType<typeof createAppRouter>;
}

/**
 * The query cache (seeded with what the page shell embedded) and the router. Creating the router
 * starts the first route's loaders, so the entry calls this before React's first render: the
 * page's data is requested while React is still rendering the shell, not after.
 */
export function startApp(): AppStart {
  const queryClient = createQueryClient();
  seedBootData(queryClient);
  // Before the router starts the first route's loaders: a 429 on them is said at once.
  rateLimitWaits(queryClient);
  return { queryClient, router: createAppRouter(queryClient) };
}

export function App({ start }: { readonly start: AppStart }) {
  return (
    // No transitions while the scheme changes: every colour switches at once (no flash). The
    // theme's variables and baseline come with the page shell, made at build time
    // (server/theme-css.ts): nothing to generate here.
    <ThemeProvider
      theme={theme}
      defaultMode="system"
      disableTransitionOnChange
      disableStyleSheetGeneration
    >
      <QueryClientProvider client={start.queryClient}>
        <ToastProvider>
          <RouterProvider router={start.router} />
        </ToastProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
