// Thousands of stations: where they would run into each other the map draws a badge with a count
// (supercluster), a click on one zooms in where its stations separate, and every station stays
// counted. Drawn by the SVG map here, which lays marks out as the WebGL map does (one layout).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBuiltApp } from './suite';
import { waitForRendered } from './harness';
import { synthesize } from '../../scripts/lib/synthetic';
import { readDataDir } from '../../scripts/lib/read-data';

interface Handle {
  stationsShown(): number | null;
  camera(): { lon: number; lat: number; zoom: number };
}

const app = useBuiltApp();
const config = readDataDir('data').result!.dataset.config;
const data = synthesize(config, { events: 2_000, stations: 1_500, seed: 7 });
const files: Record<string, string> = {
  'stations.geojson': JSON.stringify(data.stations),
  'events.json': JSON.stringify(data.events),
  'sources.json': JSON.stringify(data.sources),
  'config.json': readFileSync('data/config.json', 'utf8'),
};

describe('badges at 1,500 stations', () => {
  it('draws counted badges where stations crowd; a click zooms in and they come apart', async () => {
    app.server.setOverride((_req, res, path) => {
      const file = /^\/data\/(.+)$/.exec(path)?.[1];
      if (!file || !(file in files)) return false;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(files[file]);
      return true;
    });
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${app.server.url}/`);
      await waitForRendered(page, 60_000);
      const badges = () => page.$$eval('.svg-map .cluster', (nodes) => nodes.map((n) => ({ count: Number(n.getAttribute('data-count')), box: n.getBoundingClientRect().toJSON() as DOMRect })));
      const before = await badges();
      expect(before.length).toBeGreaterThan(0);
      // Every shown station is drawn on its own or counted in a badge.
      const shown = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown());
      const singles = await page.$$eval('.svg-map .station', (nodes) => nodes.reduce((n, p) => n + Number(p.getAttribute('data-count')), 0));
      expect(singles + before.reduce((n, b) => n + b.count, 0)).toBe(shown);

      const zoom = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.camera().zoom);
      const biggest = [...before].sort((a, b) => b.count - a.count)[0];
      await page.mouse.click(biggest.box.x + biggest.box.width / 2, biggest.box.y + biggest.box.height / 2);
      await page.waitForFunction((z) => (window as unknown as { __chronomap: Handle }).__chronomap.camera().zoom >= z + 1, zoom, { timeout: 10_000 });
      await page.waitForTimeout(1500);
      // Zoomed in, the biggest badge has split.
      const after = await page.$$eval('.svg-map .cluster', (nodes) => nodes.map((n) => Number(n.getAttribute('data-count'))));
      expect(Math.max(0, ...after)).toBeLessThan(biggest.count);
      // A badge is a way in, not a guess at one of its stations: nothing got selected.
      expect(new URL(page.url()).searchParams.has('station')).toBe(false);
    } finally {
      await page.close();
      app.server.setOverride(null);
    }
  });
});
