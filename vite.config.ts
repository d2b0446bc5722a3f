import { defineConfig } from 'vitest/config';
import { dataPlugin, publicUrlFrom } from './scripts/lib/vite-data-plugin.ts';
import { bootScript } from './scripts/lib/prerender.ts';
import { hostingPlugin } from './scripts/lib/hosting.ts';

// CHRONOMAP_DATA points the build at another story's folder (laid out like data/).
const dataDir = process.env.CHRONOMAP_DATA ?? 'data';

/** The recommended policy for production (README, "Deployment"); `npm run preview` serves with it. */
/** The page's one inline script (src/boot.js) is allowed by its hash. */
export const CONTENT_SECURITY_POLICY = `default-src 'self'; script-src 'self' ${bootScript.hash}; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' data:; frame-ancestors *`;
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'geolocation=(), camera=(), microphone=(), interest-cohort=(), browsing-topics=()',
};
/**
 * What a host sends with every file: the policy above, and CORS for any origin, so that the embed
 * also works in a sandboxed iframe without allow-same-origin (WordPress frames embeds so): its
 * opaque origin fetches the module scripts, styles, font and data in CORS mode. The build writes
 * these into header files for static hosts (scripts/lib/hosting.ts); `npm run preview` sends them.
 */
export const HOST_HEADERS = { ...SECURITY_HEADERS, 'Access-Control-Allow-Origin': '*' };

export default defineConfig({
  base: './',
  plugins: [dataPlugin(dataDir, { publicUrl: publicUrlFrom(process.env.CHRONOMAP_PUBLIC_URL) }), hostingPlugin(HOST_HEADERS)],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  preview: { headers: HOST_HEADERS },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
