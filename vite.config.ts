import { defineConfig } from 'vitest/config';
import { dataPlugin } from './scripts/lib/vite-data-plugin.ts';
import { bootScript } from './scripts/lib/prerender.ts';

// CHRONOMAP_DATA points the build at another story's folder (laid out like data/).
const dataDir = process.env.CHRONOMAP_DATA ?? 'data';

/** The recommended policy for production (README, "Deployment"); `npm run preview` serves with it. */
/** The page's one inline script (src/boot.js) is allowed by its hash. */
export const CONTENT_SECURITY_POLICY = `default-src 'self'; script-src 'self' ${bootScript.hash}; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-ancestors *`;
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=(), browsing-topics=()',
};

export default defineConfig({
  base: './',
  plugins: [dataPlugin(dataDir)],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  preview: { headers: SECURITY_HEADERS },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
