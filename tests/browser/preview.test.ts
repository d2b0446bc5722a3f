// The map paints from data/overview.json while the events are still on their way, and the model
// takes over the same map when they arrive. An overview of other data is not left on screen. WebGL is
// off so that the SVG map stays for the whole test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForRendered } from './harness';
import { useBuiltApp } from './suite';

const suite = useBuiltApp(['--disable-webgl', '--disable-3d-apis']);

/** Holds the events file back until `release` is called; other files are served as built, or replaced. */
function holdEvents(replace: Readonly<Record<string, string>> = {}): { release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  suite.server.setOverride(async (_req, res, path) => {
    const file = /^\/data\/(.+)$/.exec(path)?.[1];
    if (file === undefined) return false;
    if (file === 'events.json') await released;
    const body = replace[file] ?? readFileSync(`dist/data/${file}`, 'utf8');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).end(body);
    return true;
  });
  return { release };
}

/** Stations drawn, on their own or counted in a badge. */
const stationsDrawn = (page: Page) => page.$$eval('.svg-map .station, .svg-map .cluster', (nodes) => nodes.reduce((n, p) => n + Number(p.getAttribute('data-count')), 0));
const modelBuilt = (page: Page) => page.evaluate(() => '__chronomap' in window);

/** Opens `path` with the events held back until `run` calls `release`; no page error may occur. */
async function withEventsHeld(path: string, replace: Readonly<Record<string, string>>, run: (page: Page, release: () => void) => Promise<void>): Promise<void> {
  const { release } = holdEvents(replace);
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${suite.server.url}${path}`);
    await run(page, release);
    expect(errors).toEqual([]);
  } finally {
    release();
    await page.close();
    suite.server.setOverride(null);
  }
}

describe('the first map paint from the overview', () => {
  it('draws stations, statuses and counts before the events arrive; the model takes over the same map and the clicks made meanwhile', async () => {
    await withEventsHeld('/?to=2022-12-31', {}, async (page, release) => {
      await page.waitForFunction(() => document.querySelectorAll('.svg-map .station').length > 0);
      // Still waiting for the events: no model yet, but stations with their statuses and the counts.
      expect(await modelBuilt(page)).toBe(false);
      expect(await page.isHidden('#notice')).toBe(true);
      const previewCounts = await page.textContent('#counts');
      expect(previewCounts).toMatch(/^\d+ stations in \d+ countries as of Dec 31, 2022 · \d+ events from/);
      const drawn = await stationsDrawn(page);
      expect(drawn).toBeGreaterThan(40);
      expect(previewCounts).toContain(`${drawn} stations`);
      // Statuses as of the date: some stations are already closed by then, others only reported.
      const statuses = await page.$$eval('.svg-map .station', (paths) => [...new Set(paths.map((p) => p.getAttribute('data-status')))]);
      expect(statuses).toContain('reported');
      expect(statuses.length).toBeGreaterThan(1);
      expect(await page.locator('.svg-map .country[data-iso="NL"]').getAttribute('fill')).not.toBe('#eeeeee');
      await page.evaluate(() => ((document.querySelector('.svg-map') as SVGElement).dataset.probe = 'preview'));
      const boxes = () => Promise.all(['.masthead', '.view-switch'].map(async (sel) => (await page.locator(sel).boundingBox())!));
      const before = await boxes();

      // A click on a country is answered at once (selected and framed on the SVG map); the URL
      // waits for the model.
      const br = (await page.locator('.svg-map .country[data-iso="BR"]').boundingBox())!;
      await page.mouse.click(br.x + br.width * 0.6, br.y + br.height * 0.3);
      await page.waitForFunction(() => document.querySelectorAll('.svg-map .outline .selected-outline:not(.casing)').length === 1);
      expect(new URL(page.url()).searchParams.has('country')).toBe(false);

      release();
      await waitForRendered(page);
      expect(await modelBuilt(page)).toBe(true);
      expect(await page.textContent('#counts')).toBe(previewCounts);
      // The same stations as of the date (the SVG map draws those in view, and the camera is on
      // its way to Brazil by now).
      expect(await page.evaluate(() => (window as unknown as { __chronomap: { stationsShown(): number } }).__chronomap.stationsShown())).toBe(drawn);
      expect(await page.evaluate(() => (document.querySelector('.svg-map') as SVGElement).dataset.probe)).toBe('preview');
      // The controls start working without moving anything: their labels came with the page.
      const [masthead, viewSwitch] = await boxes();
      expect(Math.abs(masthead.y - before[0].y)).toBeLessThanOrEqual(2);
      expect(Math.abs(masthead.height - before[0].height)).toBeLessThanOrEqual(2);
      expect(Math.abs(viewSwitch.height - before[1].height)).toBeLessThanOrEqual(2);
      expect(Math.abs(viewSwitch.width - before[1].width)).toBeLessThanOrEqual(2);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'BR');
      expect(await page.locator('.svg-map .outline .selected-outline:not(.casing)').count()).toBe(1);
    });
  });

  it('lets the timeline and player work on the preview; the model takes over the range and types set meanwhile', async () => {
    await withEventsHeld('/?to=2023-12-15', {}, async (page, release) => {
      // The controls are mounted (the play button's label came with the page; the timeline's axis with them).
      await page.waitForFunction(() => document.querySelector('#timeline svg .axis .tick') !== null);
      expect(await modelBuilt(page)).toBe(false);
      expect(await page.textContent('#panel')).toContain('Loading the events');
      const timelineBox = (await page.locator('#timeline-section').boundingBox())!;
      // Marks are drawn from the overview: the canvas has ink.
      const inked = () =>
        page.$eval('.timeline-canvas', (c) => {
          const canvas = c as HTMLCanvasElement;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
          return n;
        });
      expect(await inked()).toBeGreaterThan(1000);

      // Scrub with the end handle's keys, hide a type in the legend: counts and map follow.
      const before = (await page.textContent('#counts'))!;
      await page.focus('.handle-to');
      for (let i = 0; i < 12; i++) await page.keyboard.press('PageDown');
      await page.waitForFunction(() => document.getElementById('counts')?.textContent?.includes('Dec 15, 2022'));
      const scrubbed = (await page.textContent('#counts'))!;
      expect(scrubbed).not.toBe(before);
      await page.click('.type-toggle[data-type="statement"]');
      await page.waitForFunction((s) => document.getElementById('counts')?.textContent !== s, scrubbed);
      const filtered = (await page.textContent('#counts'))!;
      expect(Number(/(\d+) events/.exec(filtered)![1])).toBeLessThan(Number(/(\d+) events/.exec(scrubbed)![1]));
      expect(new URL(page.url()).search).toBe('?to=2023-12-15'); // The URL waits for the model.

      release();
      await waitForRendered(page);
      expect(await modelBuilt(page)).toBe(true);
      expect(await page.textContent('#counts')).toBe(filtered);
      const params = new URL(page.url()).searchParams;
      expect(params.get('to')).toBe('2022-12-15');
      expect(params.get('types')).not.toContain('statement');
      expect(await page.textContent('#panel')).not.toContain('Loading the events');
      // The model's marks replace the overview's where they were: the timeline keeps its size.
      const after = (await page.locator('#timeline-section').boundingBox())!;
      expect(Math.abs(after.height - timelineBox.height)).toBeLessThanOrEqual(1);
      expect(await inked()).toBeGreaterThan(1000);
    });
  });

  const stale: Readonly<Record<string, Record<string, string>>> = {
    // Drawn until the stations file arrives, then taken down: the preview does not wait for it.
    'stations edited after the build': { 'stations.geojson': `${readFileSync('dist/data/stations.geojson', 'utf8')}\n` },
    'a malformed overview': { 'overview.json': '{"format": "chronomap-overview/1", "stations": 7}' },
    'an overview that is not JSON': { 'overview.json': '{"format"' },
  };
  for (const [name, replace] of Object.entries(stale)) {
    it(`is not left on screen from ${name}: the map waits for the events`, async () => {
      await withEventsHeld('/', replace, async (page, release) => {
        await page.waitForFunction(() => document.getElementById('notice')?.textContent?.includes('Loading'));
        await page.waitForTimeout(1500);
        // No map drawn from it (or drawn and taken down), and no counts line it could not vouch for.
        expect(await page.locator('.svg-map').evaluateAll((maps) => maps.filter((m) => getComputedStyle(m).visibility === 'visible').length)).toBe(0);
        expect(await page.textContent('#counts')).toBe('');
        release();
        await waitForRendered(page);
        expect(await stationsDrawn(page)).toBeGreaterThan(40);
      });
    });
  }
});
