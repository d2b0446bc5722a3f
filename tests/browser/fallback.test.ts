// Without WebGL the SVG map is the map: colours, selection and legend still work, and a short
// notice says the interactive map is unavailable.
import { describe, expect, it } from 'vitest';
import { screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';

const suite = useBuiltApp(['--disable-webgl', '--disable-3d-apis']);

describe('with WebGL disabled', () => {
  it('keeps the SVG map, its colours, selection and legend, and says why', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/?to=2022-12-31`);
    await waitForRendered(page);
    expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
    expect(await page.textContent('#notice')).toContain('The interactive map is unavailable');
    // MapLibre could not create a context; the failure was caught, not thrown at the reader.
    expect(errors).toEqual([]);
    expect(await page.locator('#map .maplibregl-canvas').count()).toBe(0);
    const shown = await page.evaluate(() => (window as unknown as { __chronomap: { stationsShown(): number } }).__chronomap.stationsShown());
    expect(shown).toBeGreaterThan(40);
    // A few paths per status draw all its stations.
    const drawn = await page.$$eval('.svg-map .station', (paths) => paths.reduce((n, p) => n + Number(p.getAttribute('data-count')), 0));
    expect(drawn).toBe(shown);
    // At most one icon per station (stations on one pixel share an icon).
    const icons = await page.$$eval('.svg-map .station', (paths) => paths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0));
    expect(icons).toBeGreaterThan(0);
    expect(icons).toBeLessThanOrEqual(shown);
    expect(await page.textContent('#counts')).toContain(`${shown} stations`);
    // Colours: Ireland's station is closed by then; countries are shaded by response.
    const dublin = page.locator('.svg-map .station[data-status="closed"]').first();
    expect(await dublin.getAttribute('fill')).toBe('#0072b2');
    expect(await page.locator('.svg-map .country[data-iso="NL"]').getAttribute('fill')).not.toBe('#eeeeee');
    expect(await page.locator('#legend').textContent()).toContain('Closed');
    // Clicking a station selects it: the first point of a closed stations' path is on a closed station's icon.
    const [x, y] = (await dublin.getAttribute('d'))!.match(/^M(-?[\d.]+),(-?[\d.]+)/)!.slice(1).map(Number);
    const box = (await page.locator('.svg-map').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('station'));
    expect(await page.locator('.svg-map .halos circle').count()).toBe(1);
    // Clicking a country selects the country.
    await page.locator('.svg-map .country[data-iso="US"]').dispatchEvent('click');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'US');
    expect(await page.textContent('#panel h2')).toBe('United States');
    expect(await page.locator('.svg-map .country.selected').count()).toBe(1);
    // The range still drives it.
    await page.evaluate(() => (window as unknown as { __chronomap: { applyQuery(q: string): void } }).__chronomap.applyQuery('?to=2022-09-01'));
    await page.waitForFunction(() => (window as unknown as { __chronomap: { stationsShown(): number } }).__chronomap.stationsShown() < 10);
    await screenshot(page, 'svg-fallback');
    await page.close();
  });
});
