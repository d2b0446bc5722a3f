// The slowest interaction as INP counts it (Event Timing: input to the next paint), at 412 px with
// the CPU throttled 4x, as on a phone: taps on the map (a touch screen: no hover before them) and
// the range's slider keys, measured once the page has settled after what the first interaction
// started (MapLibre, on our page).
import type { Browser, Page } from 'playwright-core';
import { projectPoint, type Camera } from '../../src/map/camera.ts';

export interface InpResult {
  /** The slowest interaction after the page settled, in ms. */
  readonly inpMs: number;
  /** Every interaction measured: what it was, its duration and where the time went. */
  readonly interactions: readonly { readonly what: string; readonly ms: number; readonly parts: string }[];
}

async function interactions(page: Page): Promise<Map<number, number>> {
  return new Map(await page.evaluate(() => (window as unknown as { __inp: [number, number][] }).__inp));
}

/** `url` is our page (test build: it reads the camera to aim its clicks). */
export async function measureInp(browser: Browser, url: string): Promise<InpResult> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __inp: [number, number][]; __inpParts: Record<number, string> };
    w.__inp = [];
    w.__inpParts = {};
    const longest = new Map<number, number>();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { interactionId: number; processingStart: number; processingEnd: number })[]) {
        if (!e.interactionId) continue;
        if (e.duration >= (longest.get(e.interactionId) ?? 0)) {
          // Input delay, handlers, and the wait for the next paint: what the slowest one spent.
          w.__inpParts[e.interactionId] = `${e.name}: delay ${Math.round(e.processingStart - e.startTime)}, handlers ${Math.round(e.processingEnd - e.processingStart)}, paint ${Math.round(e.startTime + e.duration - e.processingEnd)}`;
        }
        longest.set(e.interactionId, Math.max(longest.get(e.interactionId) ?? 0, e.duration));
      }
      w.__inp = [...longest];
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 60_000 });
  await page.waitForTimeout(3000);
  const at = async (lon: number, lat: number) => {
    // Measured each time: a selection's panel can move the map on a phone.
    const box = (await page.locator('#map').boundingBox())!;
    const camera = await page.evaluate(() => (window as unknown as { __chronomap: { camera(): Camera } }).__chronomap.camera());
    const [x, y] = projectPoint(camera, { width: box.width, height: box.height }, lon, lat);
    return { x: box.x + x, y: box.y + y };
  };
  const settle = async () => {
    // Until the map has stopped moving and any WebGL start-up is over.
    for (let i = 0; i < 100; i++) {
      const a = await page.evaluate(() => JSON.stringify((window as unknown as { __chronomap: { camera(): Camera } }).__chronomap.camera()));
      await page.waitForTimeout(400);
      const b = await page.evaluate(() => JSON.stringify((window as unknown as { __chronomap: { camera(): Camera } }).__chronomap.camera()));
      if (a === b) break;
    }
    // Then until MapLibre has drawn nothing for a second (the finer borders arriving after a
    // zoom, say): what a reader's tap meets on a page at rest.
    const frames = () => page.evaluate(() => (window as unknown as { __chronomap: { mapFrames(): number | null } }).__chronomap.mapFrames());
    for (let i = 0; i < 30; i++) {
      const a = await frames();
      await page.waitForTimeout(1000);
      if ((await frames()) === a) break;
    }
    await page.waitForTimeout(500);
  };
  // The first interaction: a country, which starts MapLibre. Not counted.
  const italy = await at(12.8, 43.2);
  await page.touchscreen.tap(italy.x, italy.y);
  await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 120_000 }).catch(() => undefined);
  await settle();
  const before = new Set((await interactions(page)).keys());
  const steps: { what: string; run: () => Promise<void> }[] = [];
  for (const [what, lon, lat] of [
    ['tap: Milan', 9.19, 45.46],
    ['tap: Rome', 12.5, 41.9],
    ['tap: the sea', 10.5, 40.5],
    ['tap: Austria', 14.5, 47.5],
  ] as const) {
    steps.push({
      what,
      run: async () => {
        const p = await at(lon, lat);
        await page.touchscreen.tap(p.x, p.y);
      },
    });
  }
  for (let i = 0; i < 4; i++) {
    steps.push({
      what: `key: end handle PageDown ${i + 1}`,
      run: async () => {
        await page.locator('.handle-to').focus();
        await page.keyboard.press('PageDown');
      },
    });
  }
  const measured: { what: string; ms: number; parts: string }[] = [];
  for (const step of steps) {
    const known = new Set((await interactions(page)).keys());
    await step.run();
    await page.waitForTimeout(400);
    const fresh = [...(await interactions(page))].filter(([id]) => !known.has(id) && !before.has(id)).sort((a, b) => b[1] - a[1]);
    const parts = fresh.length > 0 ? await page.evaluate((id) => (window as unknown as { __inpParts: Record<number, string> }).__inpParts[id], fresh[0][0]) : '';
    measured.push({ what: step.what, ms: Math.round(fresh[0]?.[1] ?? 0), parts });
    await settle();
  }
  await context.close();
  return { inpMs: Math.max(...measured.map((m) => m.ms)), interactions: measured };
}
