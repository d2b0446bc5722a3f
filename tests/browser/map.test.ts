// Explore by place: the camera follows the selection however it was made, the reader's own camera
// is in the URL, no station hides another, marks say what they are on hover and focus, the keys
// reach every station, detail comes where the reader zooms, and the map has room.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapPoint, screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import { projectPoint, type Camera } from '../../src/map/camera';

const suite = useBuiltApp();

interface Handle {
  getState(): { selection: { kind: string; id: string } | null; camera: Camera | null };
  camera(): Camera;
  dispatch(intent: unknown): void;
  marks(): { kind: string; id: string; count: number; x: number; y: number }[];
}

async function open(path = '/', { width = 1280, height = 800, reducedMotion = false, colorScheme = 'light' as 'light' | 'dark' } = {}): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width, height }, reducedMotion: reducedMotion ? 'reduce' : 'no-preference', colorScheme });
  await page.goto(suite.server.url + path);
  await waitForRendered(page);
  return page;
}

const camera = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.marks());
const selection = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.getState().selection);

/** Waits until the camera stops moving, and returns it. */
async function settled(page: Page): Promise<Camera> {
  let last = await camera(page);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(150);
    const now = await camera(page);
    if (Math.abs(now.zoom - last.zoom) < 1e-6 && Math.abs(now.lon - last.lon) < 1e-6 && Math.abs(now.lat - last.lat) < 1e-6) return now;
    last = now;
  }
  return last;
}

/** Whether a place is in the map's view (a margin inside its edges). */
async function inView(page: Page, lon: number, lat: number, margin = 10): Promise<boolean> {
  const box = (await page.locator('#map').boundingBox())!;
  const [x, y] = projectPoint(await camera(page), { width: box.width, height: box.height }, lon, lat);
  return x >= margin && y >= margin && x <= box.width - margin && y <= box.height - margin;
}

const ITALY = [
  [9.19, 45.46],
  [11.1, 43.88],
  [12.5, 41.9],
  [12.34, 45.44],
  [11.35, 46.5],
] as const;

async function italyFramed(page: Page): Promise<void> {
  const cam = await settled(page);
  expect(cam.zoom).toBeGreaterThan(4);
  for (const [lon, lat] of ITALY) expect(await inView(page, lon, lat), `${lon},${lat}`).toBe(true);
  expect(await inView(page, 2.35, 48.85, 0)).toBe(false);
}

describe('the camera follows the selection', () => {
  it('from the URL on load, a click on the map, the search box, the list, a panel link and Escape', async () => {
    // URL on load.
    const page = await open('/?country=IT');
    await italyFramed(page);
    await screenshot(page, 'italy');
    await page.close();

    // A click on a country of the map.
    const p2 = await open('/');
    const defaultCamera = await settled(p2);
    const rome = await mapPoint(p2, 12.8, 43.2);
    await p2.mouse.click(rome.x, rome.y);
    await p2.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'IT');
    await italyFramed(p2);
    // Escape clears the selection: back to the default framing.
    await p2.keyboard.press('Escape');
    await p2.waitForFunction(() => !new URL(location.href).searchParams.has('country'));
    const back = await settled(p2);
    expect(back.zoom).toBeCloseTo(defaultCamera.zoom, 3);
    expect(back.lon).toBeCloseTo(defaultCamera.lon, 3);
    // The search box.
    await p2.fill('#search-input', 'Rotterdam');
    await p2.keyboard.press('Enter');
    await p2.waitForFunction(() => new URL(location.href).searchParams.has('station'));
    const st = await settled(p2);
    expect(st.zoom).toBeGreaterThanOrEqual(5);
    expect(await inView(p2, 4.48, 51.92, 100)).toBe(true);
    // A panel link: the station's country.
    await p2.locator('#panel button.link', { hasText: 'Netherlands' }).first().click();
    await p2.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'NL');
    await settled(p2);
    expect(await inView(p2, 4.9, 52.37)).toBe(true);
    expect(await inView(p2, 4.48, 51.92)).toBe(true);
    // A row of the list view, then back to the map.
    await p2.click('#view-list');
    await p2.locator('#table tbody tr button.link').first().click();
    const picked = await selection(p2);
    expect(picked?.kind).toBe('event');
    await p2.click('#view-map');
    await settled(p2);
    await p2.close();
  });

  it('a deep-linked station opens centred on it, where its neighbours separate (zoom 5 at least)', async () => {
    const page = await open('/?station=nl-rotterdam');
    const cam = await settled(page);
    expect(cam.zoom).toBeGreaterThanOrEqual(5);
    const box = (await page.locator('#map').boundingBox())!;
    const [x, y] = projectPoint(cam, { width: box.width, height: box.height }, 4.48, 51.92);
    expect(Math.hypot(x - box.width / 2, y - box.height / 2)).toBeLessThan(2);
    // The station is drawn on its own, not inside a badge with its neighbour Amsterdam: its
    // tooltip names it.
    await page.mouse.move(box.x + x, box.y + y);
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('Rotterdam');
    expect(await tip.textContent()).not.toMatch(/stations here/);
    await page.close();
  });

  it('a deep-linked event is framed once the events are in: its stations, else its country', async () => {
    const nl = await open('/?event=nl-2022-11-01-closure-order');
    await expect.poll(async () => (await camera(nl)).zoom).toBeGreaterThan(4);
    expect(await inView(nl, 4.9, 52.37)).toBe(true);
    expect(await inView(nl, 4.48, 51.92)).toBe(true);
    await nl.close();
    const cn = await open('/?event=cn-2022-01-22-fuzhou-psb-first-30-overseas-stations');
    await expect.poll(async () => (await camera(cn)).zoom).toBeGreaterThan(2);
    expect(await inView(cn, 119.3, 26.08)).toBe(true); // Fuzhou
    await cn.close();
  });

  it('a link with a station\'s former id (an alias) opens the station and rewrites the URL to its id', async () => {
    const page = await open('/?station=hr-zagreb');
    expect(await selection(page)).toEqual({ kind: 'station', id: 'hr-unlocated' });
    await expect.poll(() => new URL(page.url()).searchParams.get('station')).toBe('hr-unlocated');
    await expect.poll(() => page.locator('#panel h2').first().textContent()).toContain('Croatia');
    const cam = await settled(page);
    expect(await inView(page, 15.55, 45.45)).toBe(true);
    expect(cam.zoom).toBeGreaterThan(3);
    await page.close();
  });

  it('with reduced motion the camera jumps', async () => {
    const page = await open('/', { reducedMotion: true });
    const before = await camera(page);
    await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.dispatch({ type: 'select', selection: { kind: 'country', id: 'IT' } }));
    // One frame later the camera is already there: no steps in between.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await camera(page);
    expect(after.zoom).toBeGreaterThan(before.zoom + 2);
    await page.waitForTimeout(400);
    const later = await camera(page);
    expect(later.zoom).toBeCloseTo(after.zoom, 6);
    await page.close();
  });
});

describe('the camera in the URL', () => {
  it('is written as at=zoom/lat/lon only when the reader moved the map, and read on load', async () => {
    const page = await open('/?country=IT');
    await settled(page);
    // Framed by the selection: no at=.
    expect(new URL(page.url()).searchParams.has('at')).toBe(false);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // On a loaded machine the map's gestures may attach after the first paint: wheel again if the
    // first turn came before them.
    for (let i = 0; i < 5 && !new URL(page.url()).searchParams.has('at'); i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('at'), undefined, { timeout: 4000 }).catch(() => undefined);
    }
    const at = new URL(page.url()).searchParams.get('at')!;
    expect(at).toMatch(/^\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/);
    expect(new URL(page.url()).hash).toBe('');
    const moved = await settled(page);
    await page.close();
    const again = await open(`/?country=IT&at=${at}`);
    const cam = await settled(again);
    expect(cam.zoom).toBeCloseTo(moved.zoom, 1);
    expect(cam.lat).toBeCloseTo(moved.lat, 1);
    expect(cam.lon).toBeCloseTo(moved.lon, 1);
    await again.close();
  });
});

describe('marks tell what they are', () => {
  it('a station and a country have a tooltip on hover, with the status or response as of the date', async () => {
    const page = await open('/?at=6/-36.85/174.76&to=2023-06-30');
    await page.waitForTimeout(800);
    const auckland = await mapPoint(page, 174.76, -36.85);
    await page.mouse.move(auckland.x, auckland.y);
    const tip = page.getByRole('tooltip').filter({ hasText: 'Auckland' });
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/Auckland.*New Zealand.*as of Jun 30, 2023/);
    await screenshot(page, 'auckland-tooltip');
    const land = await mapPoint(page, 176.2, -38.6);
    await page.mouse.move(land.x, land.y);
    await page.getByRole('tooltip').filter({ hasText: 'New Zealand' }).waitFor();
    expect(await page.getByRole('tooltip').textContent()).toMatch(/as of Jun 30, 2023/);
    await page.close();
  });

  it('from the map\'s one tab stop, N and P step through the stations, announced, Enter selects; arrows pan', async () => {
    const page = await open('/?country=IT');
    await settled(page);
    const map = page.locator('#map');
    await map.focus();
    expect(await map.getAttribute('role')).toBe('application');
    expect(await page.locator('#map-keys').textContent()).toMatch(/N and P/);
    await page.keyboard.press('n');
    const live = page.locator('#map-live');
    await page.waitForFunction(() => (document.getElementById('map-live')?.textContent ?? '').length > 0);
    const first = await live.textContent();
    // The tooltip says the same, and the map's description points at it.
    expect(await map.getAttribute('aria-describedby')).toContain('map-tooltip');
    expect(await page.locator('#map-tooltip').textContent()).toContain(first!.split('. ')[0]);
    await page.keyboard.press('n');
    await page.waitForFunction((f) => document.getElementById('map-live')?.textContent !== f, first);
    await page.keyboard.press('p');
    await page.waitForFunction((f) => document.getElementById('map-live')?.textContent === f, first);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('station') || new URL(location.href).searchParams.has('at'));
    // Arrows pan the map.
    const before = await settled(page);
    await map.focus();
    await page.keyboard.press('ArrowRight');
    const after = await settled(page);
    expect(after.lon).toBeGreaterThan(before.lon);
    await page.close();
  });
});

describe('no station hides another', () => {
  it('at the default view Europe is a badge with a count; a click opens it, and the stations come apart', async () => {
    const page = await open('/');
    await settled(page);
    const europe = (await marks(page)).filter((m) => m.kind === 'cluster').sort((a, b) => b.count - a.count)[0];
    expect(europe.count).toBeGreaterThan(20);
    await screenshot(page, 'europe-default');
    const box = (await page.locator('#map').boundingBox())!;
    const before = await camera(page);
    await page.mouse.click(box.x + europe.x, box.y + europe.y);
    const opened = await settled(page);
    expect(opened.zoom).toBeGreaterThan(before.zoom + 0.9);
    const after = (await marks(page)).filter((m) => m.kind === 'cluster').map((m) => m.count);
    expect(Math.max(0, ...after)).toBeLessThan(europe.count);
    expect(await selection(page)).toBeNull();
    await page.close();
  });
});

describe('detail where the reader zooms', () => {
  it('finer borders load only once the reader zooms in, and cities are named in the reader\'s language', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.context().on('request', (r) => requests.push(r.url()));
    await page.goto(`${suite.server.url}/?lang=zh-Hant`);
    await waitForRendered(page);
    await page.waitForTimeout(500);
    expect(requests.some((u) => u.includes('countries-50m'))).toBe(false);
    const paris = await mapPoint(page, 2.35, 48.85);
    await page.mouse.move(paris.x, paris.y);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(120);
    }
    await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 20_000 });
    for (let i = 0; i < 100 && !requests.some((u) => u.includes('countries-50m')); i++) await page.waitForTimeout(200);
    expect(requests.some((u) => u.includes('countries-50m'))).toBe(true);
    expect((await camera(page)).zoom).toBeGreaterThan(4);
    await page.waitForTimeout(1500);
    await screenshot(page, 'paris-zh-hant');
    await page.close();
  });
});

describe('room for the map', () => {
  it('at 1280 x 800 the map is at least 400 px tall and the range control is on the first screen', async () => {
    for (const lang of ['en', 'zh-Hant']) {
      const page = await open(`/?lang=${lang}`, { width: 1280, height: 800 });
      const map = (await page.locator('#map').boundingBox())!;
      expect(map.height).toBeGreaterThanOrEqual(400);
      for (const handle of ['.handle-from', '.handle-to']) {
        const box = (await page.locator(`${handle} .handle-hit`).boundingBox())!;
        expect(box.y + box.height, `${lang} ${handle}`).toBeLessThanOrEqual(800);
      }
      await page.close();
    }
  });

  it('on a 360 px phone the map is at least 0.8 times as tall as it is wide', async () => {
    const page = await open('/', { width: 360, height: 740 });
    const map = (await page.locator('#map').boundingBox())!;
    expect(map.height).toBeGreaterThanOrEqual(0.8 * map.width);
    await screenshot(page, 'phone-360');
    await page.close();
  });
});

describe('the selection is unmistakable', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a selected station's halo has 3:1 contrast with what is around it (${scheme})`, async () => {
      const page = await open('/?station=ie-dublin&at=5/53.35/-6.26', { colorScheme: scheme });
      await page.waitForTimeout(800);
      const colours = await page.evaluate(() => {
        const ring = document.querySelector('.svg-map .halo:not(.casing)');
        const casing = document.querySelector('.svg-map .halo.casing');
        return { ring: ring?.getAttribute('stroke'), casing: casing?.getAttribute('stroke'), ocean: getComputedStyle(document.querySelector('.svg-map .ocean')!).fill };
      });
      expect(colours.ring).toBeTruthy();
      const lum = (hex: string) => {
        const m = /#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex) ?? /rgb\((\d+), (\d+), (\d+)\)/.exec(hex)!;
        const c = [1, 2, 3].map((i) => (m[0].startsWith('rgb') ? Number(m[i]) : parseInt(m[i], 16)) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const contrast = (a: string, b: string) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      // Against the ocean and every response shade: the ring or its casing stands out by 3:1.
      const fills = await page.$$eval('.svg-map .country', (n) => [...new Set(n.map((p) => p.getAttribute('fill')!))]);
      for (const bg of [colours.ocean, ...fills]) expect(Math.max(contrast(colours.ring!, bg), contrast(colours.casing!, bg)), `${bg}`).toBeGreaterThanOrEqual(3);
      await screenshot(page, `halo-${scheme}`);
      await page.close();
    });
  }
});

describe('linked highlighting', () => {
  it('hovering a station lights its events on the timeline; focusing a timeline mark lights its station on the map', async () => {
    const page = await open('/');
    await settled(page);
    // A station hovered on the map (Benin City, on its own at the default view): the timeline
    // repaints with its events lit.
    const benin = await mapPoint(page, 5.63, 6.34);
    const paintBefore = await page.$eval('.timeline-canvas', (c) => (c as HTMLCanvasElement).toDataURL());
    await page.mouse.move(benin.x, benin.y);
    await page.getByRole('tooltip').filter({ hasText: 'Benin City' }).waitFor();
    await page.waitForTimeout(200);
    expect(await page.$eval('.timeline-canvas', (c) => (c as HTMLCanvasElement).toDataURL())).not.toBe(paintBefore);
    // A timeline mark focused from the keyboard: its station (or the badge it is in) gets the
    // hover ring on the map.
    await page.mouse.move(5, 5);
    await page.locator('.marks-focus').focus();
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      await page.keyboard.press('ArrowRight');
      found = (await page.locator('.svg-map .hover-ring:not(.casing)').count()) > 0;
    }
    expect(found).toBe(true);
    await page.close();
  });
});
