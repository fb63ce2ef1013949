import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server's React refresh needs an inline script, which the strict CSP in index.html forbids.
 * Only while serving for development is that one meta dropped; every build keeps it.
 */
const relaxCspInDev = (): Plugin => ({
  name: 'dgw-relax-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
});

/**
 * The renderer. The Electron shell loads the build from file://, so every URL is relative (base './')
 * and routing is done in the hash. The web host serves the same files over 127.0.0.1.
 * Screens are split per route with React.lazy, so the data grid and the date pickers load with the
 * screens that use them, not with the first paint.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspInDev()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, strictPort: true },
});
