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
    const shown = await page.locator('.svg-map .station[display="inline"]').count();
    expect(shown).toBeGreaterThan(40);
    expect(await page.textContent('#counts')).toContain(`${shown} stations`);
    // Colours: Ireland's station is closed by then; countries are shaded by response.
    const dublin = page.locator('.svg-map .station[data-status="closed"]').first();
    expect(await dublin.getAttribute('fill')).toBe('#0072b2');
    expect(await page.locator('.svg-map .country[data-iso="NL"]').getAttribute('fill')).not.toBe('#eeeeee');
    expect(await page.locator('#legend').textContent()).toContain('Closed');
    // Clicking a station selects it; clicking a country selects the country.
    await page.locator('.svg-map .station[display="inline"]').first().click({ force: true });
    await page.waitForFunction(() => new URL(location.href).searchParams.has('station'));
    expect(await page.locator('.svg-map .halos circle').count()).toBe(1);
    await page.locator('.svg-map .country[data-iso="US"]').dispatchEvent('click');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'US');
    expect(await page.textContent('#panel h2')).toBe('United States');
    expect(await page.locator('.svg-map .country.selected').count()).toBe(1);
    // The range still drives it.
    await page.evaluate(() => (window as unknown as { __chronomap: { applyQuery(q: string): void } }).__chronomap.applyQuery('?to=2022-09-01'));
    await page.waitForFunction(() => document.querySelectorAll('.svg-map .station[display="inline"]').length < 10);
    await screenshot(page, 'svg-fallback');
    await page.close();
  });
});
