// Thousands of stations: where 50+ would pile up in one cell the map draws a disc with a count,
// clicking it zooms in, and the clusters come apart as the zoom level grows.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useBuiltApp } from './suite';
import { waitForRendered } from './harness';
import { synthesize } from '../../scripts/lib/synthetic';
import { readDataDir } from '../../scripts/lib/read-data';

interface Handle {
  stationsShown(): number | null;
  stationCount: number;
  mapClusters(): { x: number; y: number; count: number }[] | null;
  mapZoom(): number | null;
}

const app = useBuiltApp();
const config = readDataDir('data').result!.dataset.config;
const data = synthesize(config, { events: 2_000, stations: 2_000, seed: 7 });
const files: Record<string, string> = {
  'stations.geojson': JSON.stringify(data.stations),
  'events.json': JSON.stringify(data.events),
  'sources.json': JSON.stringify(data.sources),
  'config.json': readFileSync('data/config.json', 'utf8'),
};

const clustersOf = (page: Page) => page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapClusters() ?? []);

describe('clusters at 2,000 stations', () => {
  it('draws counted discs where stations crowd; a click zooms in and they come apart', async () => {
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
      await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 60_000 });
      const clusters = await clustersOf(page);
      expect(clusters.length).toBeGreaterThan(0);
      // Every station is still counted as shown; the discs stand for some of them.
      const shown = await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown());
      expect(shown).toBe(2_000);
      const inClusters = clusters.reduce((n, c) => n + c.count, 0);
      expect(inClusters).toBeLessThanOrEqual(shown!);
      expect(Math.min(...clusters.map((c) => c.count))).toBeGreaterThanOrEqual(50);

      const before = (await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.mapZoom()))!;
      const biggest = [...clusters].sort((a, b) => b.count - a.count)[0];
      const box = (await page.locator('#map .maplibregl-canvas').boundingBox())!;
      await page.mouse.click(box.x + biggest.x, box.y + biggest.y);
      await page.waitForFunction((z) => ((window as unknown as { __chronomap: Handle }).__chronomap.mapZoom() ?? 0) >= z + 1.9, before, { timeout: 10_000 });
      await page.waitForTimeout(600);
      const after = await clustersOf(page);
      // Zoomed in two levels, the cells are a quarter the size: the biggest disc has split.
      expect(Math.max(0, ...after.map((c) => c.count))).toBeLessThan(biggest.count);
      // A disc is a way in, not a guess at one of its stations: nothing got selected.
      expect(new URL(page.url()).searchParams.has('station')).toBe(false);
    } finally {
      await page.close();
      app.server.setOverride(null);
    }
  });
});
