// A start-up a publisher can embed: nothing moves while the page loads (layout shifts summed, in
// every width and language, page and embed), no WebGL context until the reader asks for one, and
// the build readers get carries no test handle. Run on the production build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, launch, serveDist } from './harness';
import type { StaticServer } from '../../scripts/lib/static-server';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  server = await serveDist(undefined, { production: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts getContext('webgl…') calls on the page, from before its first script. */
async function countingWebGl(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __webglContexts: number };
    w.__webglContexts = 0;
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl')) w.__webglContexts++;
      return (original as (this: HTMLCanvasElement, type: string, ...r: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
}

/** The page's layout shifts without recent input, summed, until it has settled. */
async function shiftsUntilSettled(page: Page): Promise<{ total: number; shifts: { value: number; sources: string[] }[] }> {
  await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  return page.evaluate(
    () =>
      new Promise<{ total: number; shifts: { value: number; sources: string[] }[] }>((resolve) => {
        const shifts: { value: number; sources: string[] }[] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
            if (e.hadRecentInput) continue;
            shifts.push({ value: e.value, sources: e.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}#${s.node.id}.${s.node.className}` : String(s.node?.nodeName))) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve({ total: shifts.reduce((n, s) => n + s.value, 0), shifts }), 100);
      }),
  );
}

describe('layout shifts while the page loads', () => {
  for (const embed of [false, true]) {
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      it(`stay at or under 0.02 (${embed ? 'embed' : 'page'}, ${lang}, at 360, 412, 1024 and 1280 px)`, async () => {
        for (const width of [360, 412, 1024, 1280]) {
          const page = await browser.newPage({ viewport: { width, height: width < 500 ? 780 : 800 } });
          await page.goto(`${server.url}/?lang=${lang}${embed ? '&embed=1' : ''}`);
          const { total, shifts } = await shiftsUntilSettled(page);
          expect(total, `${width} px: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(0.02);
          await page.close();
        }
      });
    }
  }
});

describe('WebGL only when asked for', () => {
  it('a quiet load of the real data makes no WebGL context; a wheel zoom on the map makes one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await countingWebGl(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined);
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as unknown as { __webglContexts: number }).__webglContexts)).toBe(0);
    // MapLibre's code is not even downloaded.
    expect(scripts.some((u) => /map-view/.test(u))).toBe(false);
    expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __webglContexts: number }).__webglContexts)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('data the build vouched for is not checked again: without a tour, the schema (zod) is never loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.route(/\/data\/story\.json$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined);
    await page.waitForTimeout(1000);
    expect(scripts.some((u) => /\/assets\/index-/.test(u))).toBe(true);
    expect(scripts.filter((u) => /\/assets\/(validate|story)-/.test(u))).toEqual([]);
    await page.close();
  });

  it('while MapLibre starts, the reader\'s wheel still moves the SVG map, and MapLibre takes over where it went', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // MapLibre's worker is held back: MapLibre's box is laid out over the SVG map, not ready.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldBack = false;
    await page.route(/maplibre-gl-worker.*\.mjs$/, async (route) => {
      heldBack = true;
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/?country=IT`);
    await page.waitForFunction(() => document.querySelector('.gl-map:not([hidden])') !== null, undefined, { timeout: 30_000 });
    for (let i = 0; i < 50 && !heldBack; i++) await page.waitForTimeout(100);
    expect(heldBack).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    // The SVG map answered: the reader moved the map, so the URL says where.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('at'), undefined, { timeout: 10_000 });
    const at = () => new URL(page.url()).searchParams.get('at')!.split('/').map(Number);
    const [zoom, lat, lon] = at();
    release();
    await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const [zoom2, lat2, lon2] = at();
    expect(zoom2).toBeCloseTo(zoom, 1);
    expect(lat2).toBeCloseTo(lat, 1);
    expect(lon2).toBeCloseTo(lon, 1);
    await page.close();
  });

  it('the production build exposes no test handle', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined);
    expect(await page.evaluate(() => '__chronomap' in window)).toBe(false);
    await page.close();
  });
});
