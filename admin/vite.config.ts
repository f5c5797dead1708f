import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server hands the hub's own routes to a hub running on :4000 (`pnpm start`), so the portal talks to the
// same endpoints in development as when the hub serves its build.
const hub = process.env.HUB_URL ?? 'http://127.0.0.1:4000';
const hubRoutes = [
  '/graphql',
  '/oauth',
  '/comparisons',
  '/datasets',
  '/regions',
  '/verification-requests',
  '/healthz',
  '/readyz',
];

export default defineConfig({
  plugins: [react()],
  server: { proxy: Object.fromEntries(hubRoutes.map((route) => [route, { target: hub, changeOrigin: false }])) },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
