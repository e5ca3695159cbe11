import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { orgdeckServer } from './server/dev-plugin';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [] : [react(), orgdeckServer()],
  server: { port: 5173, strictPort: false },
  build: isSsrBuild
    ? { outDir: 'dist/server', emptyOutDir: true, target: 'node20' }
    : { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
}));
