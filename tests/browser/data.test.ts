// "Get the data": downloads of what is shown and of the whole dataset, checked by content.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import { parseCsv } from '../../src/model/csv';

const suite = useBuiltApp();

/** The records of a shown-data CSV: the rows after the header, up to the blank line before the credits. */
function records(rows: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const body = rows.slice(1);
  const end = body.findIndex((r) => r.every((c) => c === ''));
  return end < 0 ? body : body.slice(0, end);
}

async function downloadText(page: Page, id: string): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  const done = new Promise<void>((resolve) => {
    let expected = id === 'all-csv' ? 3 : 1;
    page.on('download', async (d) => {
      const path = await d.path();
      files.push({ name: d.suggestedFilename(), text: readFileSync(path, 'utf8') });
      if (--expected === 0) resolve();
    });
  });
  await page.click(`[data-download="${id}"]`);
  await done;
  page.removeAllListeners('download');
  return files;
}

describe('Get the data', () => {
  it('downloads the shown events, stations and GeoJSON, matching the counts line', async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/?from=2022-10-01&to=2022-12-31&types=closure,closure-order,government-investigation`);
    await waitForRendered(page);
    const counts = (await page.textContent('#counts'))!;
    const [stationsShown, eventsShown] = [Number(/^(\d+) stations/.exec(counts)![1]), Number(/· (\d+) events/.exec(counts)![1])];

    const [events] = await downloadText(page, 'events-csv');
    expect(events.name).toBe('events-2022-10-01-to-2022-12-31.csv');
    const eventRows = parseCsv(events.text).records.map((r) => r.cells);
    expect(eventRows[0].slice(0, 4)).toEqual(['id', 'date', 'precision', 'type']);
    const dataRows = records(eventRows);
    expect(dataRows).toHaveLength(eventsShown);
    expect(new Set(dataRows.map((r) => r[3]))).toEqual(new Set(['closure', 'closure-order', 'government-investigation'].filter((t) => dataRows.some((r) => r[3] === t))));
    for (const r of dataRows) expect(r[1] >= '2022-10' && r[1] <= '2022-12-31').toBe(true);
    expect(events.text).toMatch(/Licence,/);
    expect(events.text).toMatch(/https:\/\//);

    const [stations] = await downloadText(page, 'stations-csv');
    const stationRows = records(parseCsv(stations.text).records.map((r) => r.cells));
    expect(stationRows).toHaveLength(stationsShown);
    expect(stationRows.find((r) => r[0] === 'ie-dublin')?.[10]).toBe('closed');

    const [geo] = await downloadText(page, 'geojson');
    const doc = JSON.parse(geo.text) as { type: string; features: unknown[]; events: unknown[]; sources: { url: string }[]; metadata: { license: string; to: string } };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features).toHaveLength(stationsShown);
    expect(doc.events).toHaveLength(eventsShown);
    expect(doc.metadata.to).toBe('2022-12-31');
    expect(doc.metadata.license.length).toBeGreaterThan(10);
    for (const s of doc.sources) expect(s.url).toMatch(/^https?:\/\//);
    await context.close();
  });

  it('downloads the whole dataset as the three editor CSV files', async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await waitForRendered(page);
    const files = await downloadText(page, 'all-csv');
    expect(files.map((f) => f.name).sort()).toEqual(['events.csv', 'sources.csv', 'stations.csv']);
    const all = JSON.parse(readFileSync('data/events.json', 'utf8')) as unknown[];
    const events = files.find((f) => f.name === 'events.csv')!;
    expect(parseCsv(events.text).records.length - 1).toBe(all.length);
    await context.close();
  });

  it('the about section shows the date the data was last updated, from the data', async () => {
    const page = await suite.browser.newPage();
    await page.goto(suite.server.url);
    await waitForRendered(page);
    await page.click('#about-summary');
    const config = JSON.parse(readFileSync('data/config.json', 'utf8')) as { dataUpdated: string };
    const [y, m, d] = config.dataUpdated.split('-').map(Number);
    const expected = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
    expect(await page.textContent('#about-body')).toContain(`Data last updated: ${expected}`);
    await page.close();
  });

  it('the about section lists the corrections, in the reader\'s language', async () => {
    const config = JSON.parse(readFileSync('data/config.json', 'utf8')) as { corrections: { text: Record<string, string> }[] };
    expect(config.corrections.length).toBeGreaterThan(0);
    for (const lang of ['en', 'zh-Hant'] as const) {
      const page = await suite.browser.newPage();
      await page.goto(`${suite.server.url}/?lang=${lang}`);
      await waitForRendered(page);
      await page.click('#about-summary');
      const items = await page.locator('#about-body ul.corrections li').allTextContents();
      expect(items).toHaveLength(config.corrections.length);
      config.corrections.forEach((c, i) => expect(items[i]).toContain(c.text[lang]));
      expect(await page.locator('#about-body .corrections-heading').textContent()).toBe(lang === 'en' ? 'Corrections' : '更正');
      await page.close();
    }
  });
});
