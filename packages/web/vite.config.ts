import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const apiOrigin = 'http://127.0.0.1:3000';
const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // Point at core's source so the web build does not wait for `tsc -b` to emit core/dist.
    alias: { '@redress/core': fromHere('../core/src/index.ts') },
  },
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  server: {
    proxy: { '/api': apiOrigin, '/healthz': apiOrigin, '/readyz': apiOrigin },
  },
  preview: {
    proxy: { '/api': apiOrigin, '/healthz': apiOrigin, '/readyz': apiOrigin },
  },
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
