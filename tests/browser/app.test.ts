// The built app in real headless Chromium: map, timeline, panel, URL state, phone layout,
// and no request to any origin but our own.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, recordRequests, screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';

const suite = useBuiltApp();

interface Handle {
  getState(): { from: number; to: number; selection: { kind: string; id: string } | null };
  stationsShown(): number | null;
  mapFrames(): number | null;
  camera(): { lon: number; lat: number; zoom: number };
}

async function open(path = '/', viewport = { width: 1280, height: 900 }): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await suite.browser.newPage({ viewport });
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(suite.server.url + path);
  await waitForRendered(page);
  return { page, requests, errors };
}

const counts = (page: Page) => page.textContent('#counts');
const stationsShown = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown());
const state = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.getState());

/** Map pixels close to a colour: how many, and where on average (to prove the map drew it). */
async function pixelStats(page: Page, rgb: [number, number, number], tolerance = 30): Promise<{ n: number; x: number; y: number; bottom: number }> {
  const png = await page.locator('#map').screenshot();
  return page.evaluate(
    async ({ data, rgb, tolerance }) => {
      const img = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      let x = 0;
      let y = 0;
      let bottom = -1;
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - rgb[0]) + Math.abs(px[i + 1] - rgb[1]) + Math.abs(px[i + 2] - rgb[2]) <= tolerance) {
          n++;
          x += (i / 4) % img.width;
          y += Math.floor(i / 4 / img.width);
          bottom = Math.max(bottom, Math.floor(i / 4 / img.width));
        }
      }
      return { n, x: n > 0 ? x / n : 0, y: n > 0 ? y / n : 0, bottom };
    },
    { data: [...png], rgb, tolerance },
  );
}

const pixelsNear = async (page: Page, rgb: [number, number, number], tolerance = 30) => (await pixelStats(page, rgb, tolerance)).n;

describe('the app in Chromium', () => {
  it('loads with zero requests to other origins and no errors, and draws countries and stations', async () => {
    const { page, requests, errors } = await open();
    expect(foreignRequests(requests, suite.server.url)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await counts(page)).toMatch(/^\d+ stations in \d+ countries as of .+ · \d+ events from .+$/);
    const shown = await stationsShown(page);
    expect(shown).toBeGreaterThan(50);
    expect(await counts(page)).toContain(`${shown} stations`);
    // Ocean colour, a "no response" country and the "reported" station orange are all on the canvas.
    expect(await pixelsNear(page, [0xdc, 0xe6, 0xee])).toBeGreaterThan(10_000);
    expect(await pixelsNear(page, [0xee, 0xee, 0xee], 6)).toBeGreaterThan(1_000);
    expect(await pixelsNear(page, [0xd5, 0x5e, 0x00], 40)).toBeGreaterThan(20);
    await screenshot(page, 'desktop');
    await page.close();
  });

  it('moving the end handle from the keyboard changes the stations drawn and the counts line', async () => {
    const { page } = await open();
    const before = await counts(page);
    const shownBefore = await stationsShown(page);
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    // Home on the end handle jumps it back to the start of the range: nothing is reported yet.
    await page.keyboard.press('Home');
    await page.waitForFunction(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown() === 0);
    expect(await counts(page)).not.toBe(before);
    expect(await counts(page)).toMatch(/^0 stations in 0 countries/);
    // Page Up moves a month at a time; after the September 2022 report the first stations appear.
    for (let i = 0; i < 9; i++) await page.keyboard.press('PageUp');
    await page.waitForFunction(() => ((window as unknown as { __chronomap: Handle }).__chronomap.stationsShown() ?? 0) > 0);
    const mid = (await stationsShown(page))!;
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(shownBefore!);
    expect(await end.getAttribute('aria-valuetext')).toMatch(/2022/);
    await page.keyboard.press('ArrowRight');
    const s = await state(page);
    expect(s.to).toBeGreaterThan(s.from);
    await page.close();
  });

  it('a date change redraws the fills and stations without a MapLibre frame, and they follow the camera; a lost context hands the map to the SVG map', async () => {
    // The default view, placed by the reader (at=): the WebGL map starts after the load.
    const first = await open();
    const cam = await first.page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
    await first.page.close();
    const { page } = await open(`/?at=${cam.zoom}/${cam.lat}/${cam.lon}`);
    await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl');
    await page.waitForTimeout(300);
    const CHARGES: [number, number, number] = [0x80, 0x7d, 0xba];
    const NONE: [number, number, number] = [0xee, 0xee, 0xee];
    const REPORTED: [number, number, number] = [0xd5, 0x5e, 0x00];
    const atEnd = { charges: await pixelStats(page, CHARGES, 6), none: await pixelsNear(page, NONE, 6), reported: await pixelsNear(page, REPORTED, 40) };
    const shades = async () => Promise.all([[0xda, 0xda, 0xeb], [0xbc, 0xbd, 0xdc], [0x9e, 0x9a, 0xc8], CHARGES, NONE].map((c) => pixelsNear(page, c as [number, number, number], 4)));
    const shadesAtEnd = await shades();
    expect(atEnd.charges.n).toBeGreaterThan(500);
    expect(atEnd.reported).toBeGreaterThan(20);
    const frames = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapFrames());
    expect(frames).toBeGreaterThan(0);
    // Back to the start of the story: no station, no response.
    const rendered = await page.evaluate(() => document.documentElement.dataset.rendered);
    await page.getByRole('slider', { name: 'End date' }).focus();
    await page.keyboard.press('Home');
    await page.waitForFunction((r) => document.documentElement.dataset.rendered !== r && (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown() === 0, rendered);
    expect(await pixelsNear(page, CHARGES, 6)).toBe(0);
    expect(await pixelsNear(page, REPORTED, 40)).toBe(0);
    expect(await pixelsNear(page, NONE, 6)).toBeGreaterThan(atEnd.none + atEnd.charges.n / 2);
    expect(await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapFrames())).toBe(frames);
    // Forward a month at a time (each step recolours only the countries whose response changed),
    // then to the end: the same picture as the first full drawing.
    for (let i = 0; i < 30; i++) await page.keyboard.press('PageUp');
    await page.keyboard.press('End');
    await page.waitForFunction(() => ((window as unknown as { __chronomap: Handle }).__chronomap.stationsShown() ?? 0) > 0);
    await page.waitForTimeout(200);
    expect((await pixelStats(page, CHARGES, 6)).n).toBe(atEnd.charges.n);
    expect(await shades()).toEqual(shadesAtEnd);
    expect(await pixelsNear(page, REPORTED, 40)).toBe(atEnd.reported);
    expect(await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapFrames())).toBe(frames);
    // Dragging the map up moves our fills with MapLibre's camera.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 60, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapFrames())).toBeGreaterThan(frames!);
    const moved = await pixelStats(page, CHARGES, 6);
    // The southernmost shaded pixel moves up with the drag (the northern ones may leave the map).
    expect(moved.bottom - atEnd.charges.bottom).toBeLessThan(-45);
    expect(moved.bottom - atEnd.charges.bottom).toBeGreaterThan(-90);
    // A lost context (a GPU reset, or other maps on the page taking it) hands the map back to the
    // SVG map where it was, and gives the other two contexts back.
    await page.evaluate(() => document.querySelector<HTMLCanvasElement>('canvas.chronomap-gl-under')!.getContext('webgl')!.getExtension('WEBGL_lose_context')!.loseContext());
    await page.waitForFunction(() => document.documentElement.dataset.map === 'svg');
    await page.waitForTimeout(500);
    expect(await page.locator('#map canvas').count()).toBe(0);
    const svg = await pixelStats(page, CHARGES, 6);
    expect(svg.n).toBeGreaterThan(moved.n * 0.8);
    expect(Math.abs(svg.bottom - moved.bottom)).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('dragging the end handle with the mouse moves the range', async () => {
    const { page } = await open();
    const before = await state(page);
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    const box = (await page.locator('.handle-to .handle-hit').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 300, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const after = await state(page);
    expect(after.to).toBeLessThan(before.to - 100);
    expect(after.from).toBe(before.from);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('to'));
    await page.close();
  });

  it('search selects a country and a station; clicking a station on the map selects it', async () => {
    const { page } = await open();
    await page.fill('#search-input', 'Ireland');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'IE');
    expect(await page.textContent('#panel h2')).toBe('Ireland');
    await page.fill('#search-input', 'Dublin');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('station') === 'ie-dublin');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('station'));
    await page.close();
    // A map centred on Dublin: a click on the middle selects the station.
    const again = await open('/?at=6/53.35/-6.26');
    await again.page.waitForTimeout(1500);
    const r = (await again.page.locator('#map').boundingBox())!;
    await again.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await again.page.waitForFunction(() => new URL(location.href).searchParams.get('station') === 'ie-dublin');
    await checkStationPanel(again.page);
  });

  async function checkStationPanel(page: Page): Promise<void> {
    expect(await page.textContent('#panel h2')).toMatch(/Dublin/);
    expect(await page.locator('#panel .sources a').count()).toBeGreaterThan(0);
    for (const a of await page.locator('#panel a[href]').all()) {
      expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await a.getAttribute('target')).toBe('_blank');
    }
    await screenshot(page, 'desktop-station');
    await page.close();
  }

  it('a deep link restores range and selection', async () => {
    const { page } = await open('/?from=2022-10-01&to=2022-12-01&station=nl-amsterdam');
    const s = await state(page);
    expect(s.selection).toEqual({ kind: 'station', id: 'nl-amsterdam' });
    const end = page.getByRole('slider', { name: 'End date' });
    expect(await end.getAttribute('data-date')).toBe('2022-12-01');
    expect(await page.getByRole('slider', { name: 'Start date' }).getAttribute('data-date')).toBe('2022-10-01');
    expect(await counts(page)).toContain('as of Dec 1, 2022');
    expect(await counts(page)).toContain('from Oct 1, 2022');
    expect(await page.textContent('#panel h2')).toMatch(/Amsterdam/);
    await page.close();
  });

  it('ignores invalid parameters without an error', async () => {
    const { page, errors } = await open('/?from=nope&to=2022-02-31&station=<script>&types=zzz&lang=xx');
    expect(errors).toEqual([]);
    expect((await state(page)).selection).toBeNull();
    expect(await page.textContent('#panel h2')).toBe('Events in range');
    await page.close();
  });

  it('switching an event type off from the legend hides its marks and updates the counts', async () => {
    const { page } = await open();
    const before = await counts(page);
    const toggle = page.locator('.type-toggle[data-type="statement"]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await counts(page)).not.toBe(before);
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('types') ?? '').length > 0);
    await page.close();
  });

  it('a phone-sized viewport shows map, timeline and panel without horizontal scrolling', async () => {
    const { page } = await open('/', { width: 320, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const sel of ['#map', '#timeline svg', '#panel']) {
      const box = (await page.locator(sel).first().boundingBox())!;
      expect(box.width, sel).toBeGreaterThan(200);
      expect(box.x + box.width, sel).toBeLessThanOrEqual(320 + 1);
    }
    await screenshot(page, 'phone');
    await page.close();
  });

  it('plays the end date forward to the end of the story and stops', async () => {
    const { page } = await open('/?to=2025-06-01');
    await page.selectOption('#speed', 'fast');
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('#play')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 20_000 });
    const s = await state(page);
    const end = await page.getByRole('slider', { name: 'End date' }).getAttribute('aria-valuemax');
    expect(s.to).toBe(Number(end));
    await page.close();
  });
});
