// Without WebGL the SVG map is the map: colours, selection, zoom and pan, the legend; once the
// reader asks for the detailed map (a zoom), a short notice says why it stays simplified.
import { describe, expect, it } from 'vitest';
import { mapPoint, screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';

const suite = useBuiltApp(['--disable-webgl', '--disable-3d-apis']);

interface Handle {
  stationsShown(): number;
  applyQuery(q: string): void;
  camera(): { lon: number; lat: number; zoom: number };
}

describe('with WebGL disabled', () => {
  it('keeps the SVG map, its colours, selection, zoom and legend, and says why once the reader zooms', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/?to=2022-12-31`);
    await waitForRendered(page);
    expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
    const shown = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown());
    expect(shown).toBeGreaterThan(40);
    // Every shown station is drawn on its own or counted in a badge.
    const drawn = await page.$$eval('.svg-map .station, .svg-map .cluster', (nodes) => nodes.reduce((n, p) => n + Number(p.getAttribute('data-count')), 0));
    expect(drawn).toBe(shown);
    expect(await page.textContent('#counts')).toContain(`${shown} stations`);
    // Countries are shaded by response.
    expect(await page.locator('.svg-map .country[data-iso="NL"]').getAttribute('fill')).not.toBe('#eeeeee');
    expect(await page.locator('#legend').textContent()).toContain('Closed');
    // Clicking a country selects and frames it, on the SVG map itself.
    const before = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera());
    const kansas = await mapPoint(page, -98, 38.5);
    await page.mouse.click(kansas.x, kansas.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'US');
    expect(await page.textContent('#panel h2')).toBe('United States');
    await page.waitForFunction((z) => (window as unknown as { __chronomap: Handle }).__chronomap.camera().zoom > z + 1, before.zoom);
    expect(await page.locator('.svg-map .outline .selected-outline:not(.casing)').count()).toBe(1);
    // The wheel zooms the SVG map; the detailed map cannot start, and the page says why.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const zoom = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera().zoom);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((z) => (window as unknown as { __chronomap: Handle }).__chronomap.camera().zoom > z + 0.3, zoom);
    await page.waitForFunction(() => (document.getElementById('notice')?.textContent ?? '').includes('The detailed map is unavailable'));
    expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
    expect(await page.locator('#map .maplibregl-canvas').count()).toBe(0);
    // MapLibre could not create a context; the failure was caught, not thrown at the reader.
    expect(errors).toEqual([]);
    // Zoomed in, the SVG map names the cities, in the reader's language.
    await page.selectOption('#lang-select', 'zh-Hant');
    await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.applyQuery('?country=IT'));
    await page.waitForFunction(() => [...document.querySelectorAll('.svg-map .city-label')].some((t) => t.textContent === '米蘭'));
    expect(await page.locator('.svg-map .city-label').first().getAttribute('lang')).toBe('zh-Hant');
    await page.selectOption('#lang-select', 'en');
    // The range still drives it.
    await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.applyQuery('?to=2022-09-01'));
    await page.waitForFunction(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown() < 10);
    await screenshot(page, 'svg-fallback');
    await page.close();
  });
});
