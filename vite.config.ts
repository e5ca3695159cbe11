import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { orgdeckServer } from './server/dev-plugin';
import { precompress } from './server/precompress-plugin';
import { inlineThemeCss } from './server/theme-css-plugin';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [] : [react(), inlineThemeCss(), orgdeckServer(), precompress()],
  server: { port: 5173, strictPort: false },
  build: isSsrBuild
    ? { outDir: 'dist/server', emptyOutDir: true, target: 'node20' }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        sourcemap: true,
        // Read by the server (route preloads) and by the initial-graph budget test.
        manifest: true,
        rolldownOptions: {
          output: {
            // Few initial files: shared code under ~120 kB (raw) is copied into the chunks that
            // use it instead of becoming one of dozens of tiny common chunks, each a request
            // (the org list needed 34 scripts before its first row). Routes, dialogs, charts
            // and adapters stay lazy chunks of their own.
            codeSplitting: {
              experimentalInlineCommonChunks: { maxSize: 120_000 },
              groups: [
                // Rolldown's runtime and the libraries the entry needs before it runs, in one
                // file: with the entry, the route and the adapter, four scripts, so that with the
                // page's data call they fit the browser's six connections to one host (a seventh
                // request waited for a connection to free up).
                {
                  name: 'vendor',
                  tags: ['$initial'],
                  test: /node_modules|preload-helper|rolldown[\\/:]runtime/,
                },
              ],
            },
          },
        },
      },
}));
