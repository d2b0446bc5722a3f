import { defineConfig } from 'vitest/config';
import { dataPlugin } from './scripts/lib/vite-data-plugin.ts';

// CHRONOMAP_DATA points the build at another story's folder (laid out like data/).
const dataDir = process.env.CHRONOMAP_DATA ?? 'data';

export default defineConfig({
  base: './',
  plugins: [dataPlugin(dataDir)],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
