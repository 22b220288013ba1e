/**
 * Build and test configuration of the disclosure office's web UI (管理端). The built files go to
 * web/dist and the Fastify server serves them at /admin/, so every asset URL starts with /admin/.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on the Fastify server.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    // antd pages render slowly in jsdom on a loaded 2-core machine (CI runs server and UI tests back to back).
    testTimeout: 30_000,
  },
});
