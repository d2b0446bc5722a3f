// Six embeds of the app on one host page, each with a country selected so that each starts its
// WebGL map at once: three contexts apiece, more than the 16 Chrome keeps alive. Chrome takes the
// oldest away; an embed that loses one draws its SVG map instead, so every embed still draws.
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { frameOf, hostHtml, useEmbedSuite, watchErrors } from './embed-host';

const suite = useEmbedSuite();

const COUNTRIES = ['IT', 'FR', 'US', 'CA', 'NL', 'GB'];

interface FrameMap {
  readonly map: string | undefined;
  readonly rendered: boolean;
  /** Each WebGL canvas in the map: whether its context is alive. */
  readonly contexts: readonly { readonly canvas: string; readonly alive: boolean }[];
  /** Station marks and badges the SVG map shows, when it is the map on screen. */
  readonly svgMarks: number;
}

const mapOf = (frame: Frame): Promise<FrameMap> =>
  frame.evaluate(() => {
    const contexts = [...document.querySelectorAll<HTMLCanvasElement>('#map canvas')].flatMap((c) => {
      // A canvas keeps the kind of context it was first given; asking for another returns null.
      const gl = c.getContext('webgl2') ?? c.getContext('webgl');
      return gl ? [{ canvas: c.className, alive: !gl.isContextLost() }] : [];
    });
    const svg = document.querySelector('#map .svg-map:not(.handed-over)');
    return {
      map: document.documentElement.dataset.map,
      rendered: document.documentElement.dataset.rendered !== undefined,
      contexts,
      svgMarks: svg ? svg.querySelectorAll('[data-count]').length : 0,
    };
  });

describe('six embeds on one page', () => {
  it('all draw, though Chrome keeps fewer WebGL contexts than they ask for', async () => {
    const frames = COUNTRIES.map((c, i) => `<iframe id="f${i}" src="${suite.server.url}/?embed=1&country=${c}" title="${c}" style="width:420px;height:640px;border:0;float:left"></iframe>`).join('');
    suite.host.page('/six.html', hostHtml(frames));
    // Every frame on screen at once: browsers do not render frames out of view.
    const page = await suite.browser.newPage({ viewport: { width: 1260, height: 1280 } });
    const errors = watchErrors(page);
    await page.goto(`${suite.host.url}/six.html`);
    const embeds = await Promise.all(COUNTRIES.map((_, i) => frameOf(page, `#f${i}`)));
    // Each asks for its WebGL map (a selection moves the camera); some lose it to the others.
    await Promise.all(embeds.map((f) => f.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 60_000 })));
    let maps: FrameMap[] = [];
    for (let i = 0; i < 90; i++) {
      maps = await Promise.all(embeds.map(mapOf));
      // Settled: no embed is still starting its WebGL map, and none shows a lost context.
      if (maps.every((m) => m.map === 'webgl' || (m.map === 'svg' && m.contexts.length === 0))) break;
      await page.waitForTimeout(500);
    }
    for (const [i, m] of maps.entries()) {
      const what = `${COUNTRIES[i]}: ${JSON.stringify(m)}`;
      expect(m.rendered, what).toBe(true);
      if (m.map === 'webgl') {
        expect(m.contexts.length, what).toBe(3);
        expect(m.contexts.every((c) => c.alive), what).toBe(true);
      } else {
        expect(m.map, what).toBe('svg');
        // It gave its contexts back, and its own map is on screen with the stations.
        expect(m.contexts, what).toEqual([]);
        expect(m.svgMarks, what).toBeGreaterThan(0);
      }
    }
    // Six WebGL maps are 18 contexts: at least one embed fell back, and the rest kept theirs.
    const live = maps.reduce((n, m) => n + m.contexts.length, 0);
    expect(live).toBeLessThanOrEqual(16);
    expect(maps.filter((m) => m.map === 'webgl').length).toBeGreaterThanOrEqual(4);
    expect(errors.filter((e) => !/Too many active WebGL contexts|cannot be restored after WebGL context loss/.test(e))).toEqual([]);
    await page.close();
  }, 120_000);
});
