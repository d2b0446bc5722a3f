// The embed stays compact whatever is selected or open: its content height is at most 1,000 px
// at 360 and 640 px wide (WordPress's cap; a phone, an article column) and 900 px at 1,024 px,
// for the default view and every country of the data; the legend and the list view open in the
// room of the panel and the map. And the host never has to move again: from the first paint on,
// the embed posts one height.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import { frameOf, hostHtml, ownHeights, startHost, waitForEmbed } from './embed-host';

const suite = useBuiltApp();

const LIMIT: Readonly<Record<number, number>> = { 360: 1000, 640: 1000, 1024: 900 };

/** Every country the data names: its stations' and its events'. */
function countries(): string[] {
  const stations = JSON.parse(readFileSync('dist-test/data/stations.geojson', 'utf8')) as { features: { properties: { country?: string } }[] };
  const events = JSON.parse(readFileSync('dist-test/data/events.json', 'utf8')) as { country?: string }[];
  const codes = [...stations.features.map((f) => f.properties.country), ...events.map((e) => e.country)];
  return [...new Set(codes.filter((c): c is string => typeof c === 'string'))].sort();
}

interface Handle {
  dispatch(intent: unknown): void;
}

const height = (page: Page) => page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

/** Selects a country (null: none) and waits for the panel to show it. */
async function select(page: Page, iso: string | null): Promise<void> {
  const before = await page.evaluate(() => document.documentElement.dataset.rendered);
  await page.evaluate((id) => (window as unknown as { __chronomap: Handle }).__chronomap.dispatch({ type: 'select', selection: id ? { kind: 'country', id } : null }), iso);
  await page.waitForFunction((b) => document.documentElement.dataset.rendered !== b, before);
  // The panel's new content comes in the frame after the one that answers the selection.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

describe('the embed is compact', () => {
  for (const width of [360, 640, 1024]) {
    it(`at ${width} px: at most ${LIMIT[width]} px tall by default and with every country selected; lists scroll in the panel`, async () => {
      const page = await suite.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${suite.server.url}/?embed=1`);
      await waitForRendered(page);
      const base = await height(page);
      expect(base).toBeLessThanOrEqual(LIMIT[width]);
      await screenshot(page, `embed-size-${width}-default`);
      const tallest = { iso: '', height: 0 };
      const all = countries();
      expect(all.length).toBeGreaterThan(20);
      for (const iso of all) {
        await select(page, iso);
        const h = await height(page);
        expect(h, iso).toBeLessThanOrEqual(LIMIT[width]);
        if (h > tallest.height) Object.assign(tallest, { iso, height: h });
        // Nothing beyond the body: the embed never scrolls itself.
        expect(await page.evaluate(() => document.documentElement.scrollHeight - Math.max(document.documentElement.clientHeight, document.body.getBoundingClientRect().height)), iso).toBeLessThanOrEqual(1);
      }
      // Canada's lists are the longest of the data: they scroll inside the panel.
      await select(page, 'CA');
      expect(await page.textContent('#panel h2')).toContain('Canada');
      expect(await page.evaluate(() => document.getElementById('panel')!.scrollHeight > document.getElementById('panel')!.clientHeight)).toBe(true);
      await screenshot(page, `embed-size-${width}-CA`);
      console.info(`embed at ${width} px: ${base} px by default, ${tallest.height} px at most (${tallest.iso})`);
      await page.close();
    });
  }

  it('keeps its height in every language, with the legend open and in the list view', async () => {
    for (const width of [360, 640, 1024]) {
      const page = await suite.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${suite.server.url}/?embed=1&country=CA`);
      await waitForRendered(page);
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        await page.selectOption('#lang-select', lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        expect(await height(page), `${width} px, ${lang}`).toBeLessThanOrEqual(LIMIT[width]);
      }
      await page.selectOption('#lang-select', 'en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      // Compared with the height just before: text laid out anew may use the web font, which the
      // first paint did without when it came late (font-display: optional).
      const before = await height(page);
      await page.click('#legend-toggle');
      await page.waitForFunction(() => document.getElementById('legend-box')!.classList.contains('open'));
      expect(await page.locator('#legend').isVisible()).toBe(true);
      expect(await height(page), `${width} px, legend open`).toBe(before);
      if (width < 761) await screenshot(page, `embed-size-${width}-legend`);
      await page.click('#legend-toggle');
      const closed = await height(page);
      await page.click('#view-list');
      await page.waitForFunction(() => !document.getElementById('table')!.hidden && document.querySelector('#table table') !== null);
      expect(await height(page), `${width} px, list view`).toBe(closed);
      await page.close();
    }
  });
});

describe('the embed posts one height', () => {
  for (const width of [360, 640, 1024]) {
    it(`at ${width} px, from the first paint to the end of the load`, async () => {
      const host = await startHost();
      try {
        host.page('/host.html', hostHtml(`<p>Article text.</p><iframe id="f" src="${suite.server.url}/?embed=1" title="map" style="width:100%;border:0" data-chronomap></iframe><script src="${suite.server.url}/embed.js"></script>`));
        const page = await suite.browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${host.url}/host.html`);
        const frame = await frameOf(page, '#f');
        await waitForEmbed(frame);
        await page.waitForTimeout(1500);
        const heights = await ownHeights(page);
        expect(heights.length).toBeGreaterThan(0);
        expect(new Set(heights).size, JSON.stringify(heights)).toBe(1);
        await page.close();
      } finally {
        await host.close();
      }
    });
  }
});
