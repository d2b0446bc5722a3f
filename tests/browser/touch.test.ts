// Touch on the WebGL map, as on a phone: a tap is the overlay's alone (MapLibre neither handles it
// nor repaints for it), while a drag, a pinch and a double tap still reach MapLibre's gestures.
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { mapPoint, waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import type { Camera } from '../../src/map/camera';

const suite = useBuiltApp();

interface Handle {
  getState(): { selection: { kind: string; id: string } | null };
  camera(): Camera;
  mapFrames(): number | null;
}

const handle = <T>(page: Page, read: (h: Handle) => T) => page.evaluate(`(${read.toString()})(window.__chronomap)`) as Promise<T>;

/** Waits until the camera stops moving, and returns it. */
async function settled(page: Page): Promise<Camera> {
  let last = await handle(page, (h) => h.camera());
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(150);
    const now = await handle(page, (h) => h.camera());
    if (Math.abs(now.zoom - last.zoom) < 1e-6 && Math.abs(now.lon - last.lon) < 1e-6 && Math.abs(now.lat - last.lat) < 1e-6) return now;
    last = now;
  }
  return last;
}

type Point = { x: number; y: number };
const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: readonly Point[]) =>
  cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });

async function openOnPhone(): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await suite.browser.newContext({ viewport: { width: 412, height: 915 }, hasTouch: true });
  const page = await context.newPage();
  // A camera in the link starts the WebGL map after the load.
  await page.goto(`${suite.server.url}/?at=4/46/10`);
  await waitForRendered(page);
  await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 60_000 });
  await settled(page);
  await page.waitForTimeout(500);
  return { page, cdp: await context.newCDPSession(page) };
}

describe('touch on the WebGL map', () => {
  it('a tap is answered without a MapLibre frame; a drag pans, a pinch and a double tap zoom', async () => {
    const { page, cdp } = await openOnPhone();
    const box = (await page.locator('#map').boundingBox())!;
    // A tap on a country selects it (the overlay's click), and the camera frames it.
    const italy = await mapPoint(page, 12.8, 43.2);
    await page.touchscreen.tap(italy.x, italy.y);
    await page.waitForFunction(() => (window as unknown as { __chronomap: Handle }).__chronomap.getState().selection?.id === 'IT');
    await settled(page);
    await page.waitForTimeout(500);
    // Tapped again, it stays selected: nothing changes, and MapLibre draws nothing.
    for (let i = 0; i < 3; i++) {
      const frames = await handle(page, (h) => h.mapFrames());
      const again = await mapPoint(page, 12.8, 43.2);
      await page.touchscreen.tap(again.x, again.y);
      await page.waitForTimeout(700);
      expect(await handle(page, (h) => h.mapFrames()), `tap ${i + 1}`).toBe(frames);
    }
    expect(await handle(page, (h) => h.getState().selection?.id)).toBe('IT');
    const framed = await settled(page);

    // One finger dragged 90 px down: the map follows the finger.
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await touch(cdp, 'touchStart', [from]);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: from.x, y: from.y + 15 * i }]);
    await touch(cdp, 'touchEnd', []);
    const dragged = await settled(page);
    expect(dragged.lat).toBeGreaterThan(framed.lat + 0.5);
    expect(dragged.zoom).toBeCloseTo(framed.zoom, 3);

    // Two fingers moving apart: zoom in.
    const a = { x: from.x - 40, y: from.y }, b = { x: from.x + 40, y: from.y };
    await touch(cdp, 'touchStart', [a]);
    await touch(cdp, 'touchStart', [a, b]);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: a.x - 15 * i, y: a.y }, { x: b.x + 15 * i, y: b.y }]);
    await touch(cdp, 'touchEnd', []);
    const pinched = await settled(page);
    expect(pinched.zoom).toBeGreaterThan(dragged.zoom + 0.5);

    // Two quick taps in one place: MapLibre's double tap zooms in a level.
    await page.touchscreen.tap(from.x, from.y);
    await page.waitForTimeout(120);
    await page.touchscreen.tap(from.x, from.y);
    const doubled = await settled(page);
    expect(doubled.zoom).toBeGreaterThan(pinched.zoom + 0.5);
    await page.context().close();
  });
});
