// Time told honestly: a date known only to its month or year is drawn across its period and listed
// after the day-dated events of that period, key moments are named on the timeline without
// colliding, the default range starts at the first event known to the day, the types come in
// families, and the axis speaks the reader's language.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForRendered } from './harness';
import { useBuiltApp } from './suite';
import { parseCsv } from '../../src/model/csv';
import { readFileSync } from 'node:fs';

const suite = useBuiltApp();

async function open(path = '/', width = 1280, height = 800): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  await page.goto(suite.server.url + path);
  await waitForRendered(page);
  await page.waitForTimeout(300);
  return page;
}

describe('uncertain dates', () => {
  it('lists period-only events after the day-dated events of their period, labelled as such, in the panel, the table and the CSV', async () => {
    const page = await open('/?to=2022-12-31');
    expect(await page.textContent('#counts')).toContain('from Jan 22, 2022');
    await page.click('#panel .show-all');
    const dates = await page.locator('#panel ol li .when').allTextContents();
    expect(dates[0]).toBe('Jan 22, 2022');
    const during2022 = dates.map((d, i) => [d, i] as const).filter(([d]) => d === 'During 2022').map(([, i]) => i);
    expect(during2022.length).toBeGreaterThan(0);
    // Every "During 2022" comes after every 2022 event known to the day or the month.
    const lastOther = Math.max(...dates.map((d, i) => (d !== 'During 2022' ? i : -1)));
    expect(Math.min(...during2022)).toBeGreaterThan(lastOther);
    // "During October 2022" after the days of October 2022.
    const oct = dates.findIndex((d) => d === 'During October 2022');
    const lastOctDay = Math.max(...dates.map((d, i) => (/^Oct \d+, 2022$/.test(d) ? i : -1)));
    if (oct >= 0) expect(oct).toBeGreaterThan(lastOctDay);
    // The table, sorted by date, the same way.
    await page.click('#view-list');
    const tableDates = await page.locator('#table tbody tr td.when').allTextContents();
    expect(tableDates.indexOf('During 2022')).toBeGreaterThan(Math.max(...tableDates.map((d, i) => (d !== 'During 2022' ? i : -1))));
    // The CSV of the events shown, in the same order.
    const download = page.waitForEvent('download');
    await page.click('[data-download="events-csv"]');
    const rows = parseCsv(readFileSync(await (await download).path(), 'utf8')).records.map((r) => r.cells);
    const precisions = rows.slice(1).filter((r) => ['day', 'month', 'year'].includes(r[2] ?? '')).map((r) => `${r[1]}|${r[2]}`);
    const firstYear = precisions.findIndex((p) => p.endsWith('|year'));
    expect(firstYear).toBeGreaterThan(0);
    expect(precisions.slice(firstYear).every((p) => p.endsWith('|year'))).toBe(true);
    await page.close();
  });

  it('draws a year-only event across its year, and its tooltip says it happened sometime in it', async () => {
    const page = await open('/?to=2022-12-31');
    // The axis says where 2022 and 2023 begin.
    const ticks = await page.$$eval('.timeline .axis .tick', (nodes) =>
      nodes.map((n) => ({ text: n.textContent, x: Number(/translate\(([-\d.]+)/.exec(n.getAttribute('transform') ?? '')?.[1]) })),
    );
    const x2022 = ticks.find((t) => t.text === '2022')!.x;
    const x2023 = ticks.find((t) => t.text === '2023')!.x;
    // A faint run of the canvas from the start of 2022 nearly to its end: the year's span.
    const longest = await page.$eval(
      '.timeline-canvas',
      (c, [from, to]) => {
        const canvas = c as HTMLCanvasElement;
        const dpr = canvas.width / canvas.getBoundingClientRect().width;
        const ctx = canvas.getContext('2d')!;
        const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let best = 0;
        for (let y = 0; y < height; y++) {
          let run = 0;
          for (let x = Math.round((from + 2) * dpr); x < Math.round(to * dpr); x++) {
            const a = data[(y * width + x) * 4 + 3];
            run = a > 40 ? run + 1 : 0;
            best = Math.max(best, run);
          }
        }
        return best / dpr;
      },
      [x2022, x2023],
    );
    expect(longest).toBeGreaterThan(0.8 * (x2023 - x2022));
    // Stepping through the marks from the keyboard reaches one known only to its year.
    await page.locator('.marks-focus').focus();
    let said = '';
    for (let i = 0; i < 80 && !said.startsWith('Sometime in'); i++) {
      await page.keyboard.press('ArrowRight');
      said = (await page.locator('.timeline .tooltip strong').textContent()) ?? '';
    }
    expect(said).toMatch(/^Sometime in (2022|\w+ 2022)$/);
    await page.close();
  });
});

describe('key moments', () => {
  for (const [width, lang] of [
    [1280, 'en'],
    [360, 'en'],
    [360, 'zh-Hant'],
  ] as const) {
    it(`are named on the timeline without colliding (${width} px, ${lang})`, async () => {
      const page = await open(`/?lang=${lang}`, width, 900);
      const boxes = await page.$$eval('.timeline .annotation text', (nodes) => nodes.map((n) => ({ text: n.textContent, ...n.getBoundingClientRect().toJSON() }) as { text: string; left: number; right: number }));
      expect(boxes.length).toBeGreaterThanOrEqual(width > 1000 ? 4 : 2);
      if (width > 1000) expect(boxes.map((b) => b.text)).toContain('110 Overseas');
      const timeline = (await page.locator('#timeline').boundingBox())!;
      boxes.sort((a, b) => a.left - b.left);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i].left).toBeGreaterThanOrEqual(timeline.x - 1);
        expect(boxes[i].right).toBeLessThanOrEqual(timeline.x + timeline.width + 1);
        if (i > 0) expect(boxes[i].left, `${boxes[i - 1].text} / ${boxes[i].text}`).toBeGreaterThanOrEqual(boxes[i - 1].right);
      }
      await page.close();
    });
  }
});

describe('families and the axis', () => {
  it('a family switch hides all its types; one type off leaves the family mixed', async () => {
    const page = await open('/');
    const before = (await page.textContent('#counts'))!;
    const family = page.locator('button[data-family="enforcement"]');
    await family.click();
    expect(await family.getAttribute('aria-pressed')).toBe('false');
    for (const type of ['closure', 'arrest', 'charge']) expect(await page.locator(`button[data-type="${type}"]`).getAttribute('aria-pressed')).toBe('false');
    expect(await page.textContent('#counts')).not.toBe(before);
    await family.click();
    expect(await family.getAttribute('aria-pressed')).toBe('true');
    await page.locator('button[data-type="closure"]').click();
    expect(await family.getAttribute('aria-pressed')).toBe('mixed');
    await page.close();
  });

  it('writes the axis in the reader\'s language', async () => {
    const page = await open('/?lang=zh-Hans');
    const ticks = await page.locator('.timeline .axis .tick text').allTextContents();
    expect(ticks.some((t) => /^\d{4}年$/.test(t))).toBe(true);
    expect(await page.textContent('#counts')).toContain('自2022年1月22日起');
    await page.close();
  });
});
