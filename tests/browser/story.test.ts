// The guided tour: ?step= links, Next and Previous by mouse and keys, leaving it, the card beside
// or under the map (never over what a step shows), steps from a host page's messages, and the
// scrollytelling demo generated from story.json driving the embed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapPoint, screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import type { Camera } from '../../src/map/camera';

const suite = useBuiltApp();

interface Step {
  readonly id: string;
  readonly state: { readonly to: string; readonly station?: string; readonly event?: string; readonly country?: string; readonly types?: readonly string[] };
  readonly title: Record<string, string>;
  readonly text: Record<string, string>;
}
const STEPS = (JSON.parse(readFileSync('data/story.json', 'utf8')) as { steps: Step[] }).steps;
const EVENTS = JSON.parse(readFileSync('data/events.json', 'utf8')) as { id: string; stationIds?: string[] }[];

interface Handle {
  getState(): { step: string | null; selection: { kind: string; id: string } | null; to: number; types: string[] };
  camera(): Camera;
}
const handle = (page: Page | Frame) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.getState());
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

async function open(path: string, { width = 1280, height = 800, reducedMotion = false, colorScheme = 'light' as 'light' | 'dark' } = {}): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width, height }, reducedMotion: reducedMotion ? 'reduce' : 'no-preference', colorScheme });
  await page.goto(suite.server.url + path);
  await waitForRendered(page);
  return page;
}

const cardTitle = (page: Page) => page.locator('#story-title').textContent();
const urlStep = (page: Page) => new URL(page.url()).searchParams.get('step');

describe('the story in data/story.json', () => {
  it('has 6 to 10 steps from the Fuzhou announcement of January 2022 to the latest court outcome', () => {
    expect(STEPS.length).toBeGreaterThanOrEqual(6);
    expect(STEPS.length).toBeLessThanOrEqual(10);
    expect(STEPS[0].state.to).toBe('2022-01-22');
    const courts = EVENTS.filter((e) => /conviction|sentence|plea/.test(e.id)).map((e) => e.id).sort();
    expect(STEPS.some((s) => s.state.event === 'kr-2025-12-17-suspended-sentence')).toBe(true);
    expect(courts.length).toBeGreaterThan(0);
  });
});

describe('a link to a step', () => {
  it('?step= opens the tour there: the card, the selection, the date, and the map on the place', async () => {
    const i = STEPS.findIndex((s) => s.id === 'new-york-arrests');
    const page = await open('/?step=new-york-arrests');
    await expect.poll(() => page.locator('#story-card').isVisible()).toBe(true);
    expect(await cardTitle(page)).toBe(STEPS[i].title.en);
    expect(await page.locator('#story-card .story-text').textContent()).toBe(STEPS[i].text.en);
    expect(await page.locator('#story-card .story-count').textContent()).toBe(`${i + 1} / ${STEPS.length}`);
    const state = await handle(page);
    expect(state).toMatchObject({ step: 'new-york-arrests', selection: { kind: 'station', id: 'us-new-york-fuzhou' }, to: dayOf('2023-04-18') });
    expect(await page.locator('#story-button').getAttribute('aria-pressed')).toBe('true');
    // The map is on New York.
    await page.waitForTimeout(900); // the flight
    const { x, y } = await mapPoint(page, -74.0, 40.71);
    const box = (await page.locator('#map').boundingBox())!;
    expect(Math.hypot(x - (box.x + box.width / 2), y - (box.y + box.height / 2))).toBeLessThan(60);
    expect(urlStep(page)).toBe('new-york-arrests');
    await screenshot(page, 'story-step-1280');
    await page.close();
  });

  it('in Chinese, the card and its buttons are in the reader\'s script', async () => {
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const page = await open(`/?step=guilty-plea&lang=${lang}`, { width: 360, height: 740 });
      const step = STEPS.find((s) => s.id === 'guilty-plea')!;
      expect(await cardTitle(page)).toBe(step.title[lang]);
      expect(await page.locator('#story-card [data-go="prev"]').textContent()).toBe('上一步');
      expect(await page.locator('#story-card [data-go="next"]').textContent()).toBe('下一步');
      expect(await page.locator('#story-button').textContent()).toBe(lang === 'zh-Hans' ? '导览' : '導覽');
      expect(await page.locator('#story-card [lang="en"]').count()).toBe(0);
      await screenshot(page, `story-step-360-${lang}`);
      await page.close();
    }
  });

  it('an unknown step opens the map as usual, without the card', async () => {
    const page = await open('/?step=no-such-step');
    expect(await page.locator('#story-card').isVisible()).toBe(false);
    expect((await handle(page)).step).toBeNull();
    await page.close();
  });
});

describe('stepping through', () => {
  it('Story starts at the first step; Next and Previous by mouse; the ends are disabled', async () => {
    const page = await open('/');
    await page.click('#story-button');
    expect(await cardTitle(page)).toBe(STEPS[0].title.en);
    // Focus moves to the card, for the keys and for a screen reader.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story-card');
    expect(await page.locator('[data-go="prev"]').isDisabled()).toBe(true);
    await page.click('[data-go="next"]');
    expect(await cardTitle(page)).toBe(STEPS[1].title.en);
    await expect.poll(() => urlStep(page)).toBe(STEPS[1].id);
    expect((await handle(page)).to).toBe(dayOf(STEPS[1].state.to));
    await page.click('[data-go="prev"]');
    expect(await cardTitle(page)).toBe(STEPS[0].title.en);
    for (let i = 1; i < STEPS.length; i++) await page.click('[data-go="next"]');
    expect(await cardTitle(page)).toBe(STEPS.at(-1)!.title.en);
    expect(await page.locator('[data-go="next"]').isDisabled()).toBe(true);
    // The disabled button gave its focus back to the card.
    expect(await page.evaluate(() => document.activeElement?.closest('#story-card') !== null)).toBe(true);
    await page.close();
  });

  it('with the card focused, the arrow keys step; Escape leaves the tour', async () => {
    const page = await open(`/?step=${STEPS[2].id}`);
    await page.focus('#story-card');
    await page.keyboard.press('ArrowRight');
    expect(await cardTitle(page)).toBe(STEPS[3].title.en);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await cardTitle(page)).toBe(STEPS[3].title.en);
    expect((await handle(page)).step).toBe(STEPS[3].id);
    await page.keyboard.press('Escape');
    expect(await page.locator('#story-card').isVisible()).toBe(false);
    expect((await handle(page)).step).toBeNull();
    await page.close();
  });

  it('a step that shows only some types filters the timeline; the next step shows them all again', async () => {
    const i = STEPS.findIndex((s) => s.state.types !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const page = await open(`/?step=${STEPS[i].id}`);
    expect((await handle(page)).types).toEqual(STEPS[i].state.types);
    await page.click('[data-go="next"]');
    expect((await handle(page)).types.length).toBeGreaterThan(STEPS[i].state.types!.length);
    await page.close();
  });

  it('leaving the tour keeps the view to explore from, and gives the focus back to the Story button', async () => {
    const page = await open('/?step=stations-closed');
    const before = await handle(page);
    await page.click('#story-card .story-close');
    const after = await handle(page);
    expect(after.step).toBeNull();
    expect({ ...after, step: 'x' }).toEqual({ ...before, step: 'x' });
    expect(await page.locator('#story-card').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story-button');
    // The URL now says the view itself, not the step.
    await expect.poll(() => urlStep(page)).toBeNull();
    expect(new URL(page.url()).searchParams.get('event')).toBe('gb-2023-06-06-stations-closed');
    await page.close();
  });

  it('with reduced motion, the map jumps to the next step', async () => {
    // From a step framed on a country to one framed on a station.
    const page = await open(`/?step=${STEPS.find((s) => s.id === 'new-york-arrests')!.id}`, { reducedMotion: true });
    const before = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
    await page.click('[data-go="prev"]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
    await page.waitForTimeout(400);
    const later = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
    expect(after.zoom).not.toBeCloseTo(before.zoom, 3);
    for (const k of ['lon', 'lat', 'zoom'] as const) expect(later[k]).toBeCloseTo(after[k], 6);
    await page.close();
  });
});

describe('the card never covers what a step shows', () => {
  it('on a 360 px phone it sits under the map, and every step\'s station is in the map\'s view', async () => {
    const page = await open(`/?step=${STEPS[0].id}`, { width: 360, height: 740 });
    for (let i = 0; i < STEPS.length; i++) {
      if (i > 0) await page.click('[data-go="next"]');
      await waitForRendered(page);
      const map = (await page.locator('#map').boundingBox())!;
      const card = (await page.locator('#story-card').boundingBox())!;
      expect(card.y, STEPS[i].id).toBeGreaterThanOrEqual(map.y + map.height);
      const station = STEPS[i].state.station ?? (STEPS[i].state.event ? EVENTS.find((e) => e.id === STEPS[i].state.event)?.stationIds?.[0] : undefined);
      if (!station) continue;
      const feature = (JSON.parse(readFileSync('data/stations.geojson', 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }).features.find((f) => f.properties.id === station)!;
      await page.waitForTimeout(900); // the flight
      const { x, y } = await mapPoint(page, ...feature.geometry.coordinates);
      expect(x > map.x && y > map.y && x < map.x + map.width && y < map.y + map.height, `${STEPS[i].id}: ${station} at ${x},${y}`).toBe(true);
      // Nor anything else over it: the point on the page is the map's.
      expect(await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('#map') !== null, [x, y] as const), STEPS[i].id).toBe(true);
      if (i === 5) await screenshot(page, 'story-step-360');
    }
    await page.close();
  });

  it('at 1024 and 1280 px it is beside the map', async () => {
    for (const width of [1024, 1280]) {
      const page = await open(`/?step=${STEPS[1].id}`, { width, height: 800, colorScheme: width === 1024 ? 'dark' : 'light' });
      const map = (await page.locator('#map').boundingBox())!;
      const card = (await page.locator('#story-card').boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(map.x + map.width);
      // The panel keeps room below it: the legend folds during the tour.
      const panel = (await page.locator('#panel').boundingBox())!;
      expect(panel.height).toBeGreaterThan(150);
      await screenshot(page, `story-step-${width}`);
      await page.close();
    }
  });
});

describe('in an embed', () => {
  let host: StaticServer;
  beforeAll(async () => {
    host = await serveStatic(mkdtempSync(join(tmpdir(), 'story-host-')));
  });
  afterAll(async () => {
    await host?.close();
  });

  it('chronomap:set {step} moves to a step, and chronomap:state names it', async () => {
    host.setOverride((_req, res, path) => {
      if (path !== '/host.html') return false;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script>window.__msgs=[];addEventListener('message',function(e){window.__msgs.push(e.data)});</script></head><body><iframe id="f" src="${suite.server.url}/?embed=1" style="width:100%;border:0" data-chronomap></iframe></body></html>`);
      return true;
    });
    const page = await suite.browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${host.url}/host.html`);
    const frame = (await (await page.$('#f'))!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
    await page.evaluate((step) => (document.getElementById('f') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'chronomap:set', state: { step } }, '*'), STEPS[3].id);
    await expect.poll(async () => (await handle(frame)).step).toBe(STEPS[3].id);
    const states = await page.evaluate(() => (window as unknown as { __msgs: { type?: string; state?: { step?: string | null } }[] }).__msgs.filter((m) => m.type === 'chronomap:state'));
    expect(states.at(-1)?.state?.step).toBe(STEPS[3].id);
    expect(await frame.locator('#story-card').isVisible()).toBe(true);
    // null leaves the tour.
    await page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'chronomap:set', state: { step: null } }, '*'));
    await expect.poll(async () => (await handle(frame)).step).toBeNull();
    await page.close();
  });

  it('the demo generated from story.json drives the embed as its sections scroll by, in the page\'s language', async () => {
    for (const [file, lang] of [
      ['embed-demo.html', 'en'],
      ['embed-demo.zh-Hant.html', 'zh-Hant'],
    ] as const) {
      const page = await suite.browser.newPage({ viewport: { width: 1024, height: 800 } });
      await page.goto(`${suite.server.url}/${file}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const sections = page.locator('section.step');
      expect(await sections.count()).toBe(STEPS.length);
      expect(await sections.nth(2).locator('h2').textContent()).toBe(STEPS[2].title[lang]);
      expect(await sections.nth(2).locator('p').textContent()).toBe(STEPS[2].text[lang]);
      const frame = (await (await page.$('#map'))!.contentFrame())!;
      await frame.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The article tells the story: the embed shows no card of its own.
      expect(await frame.locator('#story-card').isVisible()).toBe(false);
      await sections.nth(4).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect.poll(async () => (await handle(frame)).step, { timeout: 10_000 }).toBe(STEPS[4].id);
      await sections.nth(6).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect.poll(async () => (await handle(frame)).step, { timeout: 10_000 }).toBe(STEPS[6].id);
      if (lang === 'en') await screenshot(page, 'story-demo');
      await page.close();
    }
  });
});
