// Shared browser-test setup: Debian's Chromium driven by playwright-core against the built app.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { projectPoint, type Camera } from '../../src/map/camera';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test-results';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

/**
 * SwiftShader emulates the GPU: Skia rasterizing page content through it compiles a pipeline per
 * kind of paint and runs several times slower than Chromium's CPU rasterizer, a cost no phone with
 * a GPU pays (see bench/README.md). WebGL still runs in SwiftShader.
 */
const CPU_RASTER = '--disable-gpu-rasterization';

let built = false;
/**
 * Builds dist/ (what readers get) and dist-test/ (the same with a handle for the tests,
 * src/test-hooks.ts) once per test run, unless CHRONOMAP_SKIP_BUILD is set (`npm test` builds
 * both before).
 */
export function ensureBuilt(): void {
  if (built || process.env.CHRONOMAP_SKIP_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', 'dist-test'], { stdio: 'inherit', env: { ...process.env, VITE_CHRONOMAP_TEST_HOOKS: '1' } });
  built = true;
}

export async function launch(extraArgs: readonly string[] = [], { gpuRaster = false } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...(gpuRaster ? [] : [CPU_RASTER]), ...extraArgs] });
}

/** The test build, or with `production` the build readers get (no test handle). */
export async function serveDist(headers?: Readonly<Record<string, string>>, { production = false } = {}): Promise<StaticServer> {
  const dir = production ? 'dist' : 'dist-test';
  if (!existsSync(`${dir}/index.html`)) ensureBuilt();
  return serveStatic(dir, { headers });
}

/** Records every request the page makes, so tests can assert none leaves our origin. */
export function recordRequests(context: BrowserContext | Page): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:'));
}

/** Waits until the final map (WebGL, or the SVG fallback) and the timeline have drawn the state. */
export async function waitForRendered(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.map !== undefined && document.documentElement.dataset.rendered !== undefined, undefined, { timeout });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** Where a place is on the page: the map's box and camera (test build), projected as the maps do. */
export async function mapPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#map').boundingBox())!;
  const camera = await page.evaluate(() => (window as unknown as { __chronomap: { camera(): Camera } }).__chronomap.camera());
  const [x, y] = projectPoint(camera, { width: box.width, height: box.height }, lon, lat);
  return { x: box.x + x, y: box.y + y };
}
