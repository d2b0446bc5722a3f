// Everyone can read it: axe audits, keyboard walks, the live region, languages, themes, print.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { screenshot, waitForRendered } from './harness';
import { useBuiltApp } from './suite';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const suite = useBuiltApp();

async function open(path: string, options: { width?: number; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'no-preference' });
  await page.goto(suite.server.url + path);
  await waitForRendered(page);
  return page;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(o: unknown): Promise<AxeResult> } }).axe.run({ resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

describe('axe: no serious or critical violations', () => {
  const views: [string, string, Parameters<typeof open>[1]][] = [
    ['default view', '/', {}],
    ['a selected station', '/?station=ie-dublin', {}],
    ['the list view', '/?view=list&from=2022-10-01&to=2022-12-31', {}],
    ['the embed', '/?embed=1', { width: 600 }],
    ['the Chinese view', '/?lang=zh-Hans&country=NL', {}],
    ['the Traditional Chinese view', '/?lang=zh-Hant', {}],
    ['the dark theme', '/?theme=dark&station=us-new-york-fuzhou', { colorScheme: 'dark' }],
  ];
  for (const [name, path, opts] of views) {
    it(name, async () => {
      const page = await open(path, opts);
      expect(await audit(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('keyboard', () => {
  it('Tab order starts with the skip link, which jumps to the timeline', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#timeline-section');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('timeline-section');
    await page.close();
  });

  it('every control can be reached with Tab, and shows a focus ring', async () => {
    const page = await open('/');
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return null;
        const style = getComputedStyle(a);
        return { key: a.id || a.getAttribute('aria-label') || a.getAttribute('data-type') || a.textContent?.trim().slice(0, 20) || a.tagName, ring: style.outlineStyle !== 'none' || a.matches(':focus-visible') };
      });
      if (info) {
        reached.add(info.key);
        expect(info.ring, info.key).toBe(true);
      }
    }
    for (const want of ['search-input', 'share', 'theme-select', 'lang-select', 'Start date', 'End date', 'play', 'speed', 'zoom-in']) {
      expect([...reached].some((k) => k.includes(want)), `${want} in ${[...reached].join(' | ')}`).toBe(true);
    }
    await page.close();
  });

  it('the sliders follow the keyboard contract, Shift+arrow jumps to the next event', async () => {
    const page = await open('/?from=2022-10-01&to=2022-11-01');
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    await page.keyboard.press('ArrowRight');
    expect(await end.getAttribute('data-date')).toBe('2022-11-02');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    expect(await end.getAttribute('data-date')).toBe('2022-12-01');
    expect(await end.getAttribute('aria-valuetext')).toBe('December 1, 2022');
    await page.keyboard.press('Shift+ArrowRight');
    const next = await end.getAttribute('data-date');
    expect(next! > '2022-12-01').toBe(true);
    const start = page.getByRole('slider', { name: 'Start date' });
    await start.focus();
    await page.keyboard.press('Home');
    expect(Number(await start.getAttribute('aria-valuenow'))).toBe(Number(await start.getAttribute('aria-valuemin')));
    await end.focus();
    await page.keyboard.press('End');
    expect(Number(await end.getAttribute('aria-valuenow'))).toBe(Number(await end.getAttribute('aria-valuemax')));
    await page.close();
  });

  it('timeline marks are one tab stop; arrows move between them and Enter selects', async () => {
    const page = await open('/');
    const marks = page.locator('.marks-focus');
    expect(await marks.getAttribute('tabindex')).toBe('0');
    expect(await marks.getAttribute('aria-label')).toMatch(/^Events: \d+ events\. Arrow keys/);
    await marks.focus();
    const a = await marks.getAttribute('data-active');
    await page.keyboard.press('ArrowRight');
    const b = await marks.getAttribute('data-active');
    expect(b).toBeTruthy();
    expect(b).not.toBe(a);
    expect(await page.isVisible('.tooltip')).toBe(true);
    expect(await page.textContent('#timeline [aria-live="polite"]')).toMatch(/: /);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, b);
    // Escape clears the selection.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('event'));
    await page.close();
  });

  it('hovering a mark on the canvas shows its title, clicking selects it', async () => {
    const page = await open('/?from=2024-01-01&to=2025-12-31');
    // Zoom the axis to the last two years so marks spread out, then find one by hit-testing.
    await page.click('#zoom-in');
    await page.waitForTimeout(300);
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    const box = (await page.locator('.timeline-svg').boundingBox())!;
    let hit = false;
    for (let x = box.x + 20; x < box.x + box.width - 20 && !hit; x += 3) {
      // Lane centres sit 35 px above the bottom (axis 28 px + half a lane), then every 14 px.
      for (const dy of [35, 49, 63, 77]) {
        await page.mouse.move(x, box.y + box.height - dy);
        if (await page.isVisible('.tooltip')) {
          hit = true;
          await page.mouse.click(x, box.y + box.height - dy);
          break;
        }
      }
    }
    expect(hit).toBe(true);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('event'));
    await page.close();
  });

  it('the search list is operable from the keyboard', async () => {
    const page = await open('/');
    await page.focus('#search-input');
    await page.keyboard.type('mad');
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#search-input', 'aria-activedescendant');
    expect(active).toBe('search-opt-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('station') ?? '').startsWith('es-madrid'));
    await page.close();
  });
});

describe('screen readers', () => {
  it('the counts line is a polite live region that settles once after a burst of changes', async () => {
    const page = await open('/');
    expect(await page.getAttribute('#counts', 'role')).toBe('status');
    expect(await page.getAttribute('#counts', 'aria-live')).toBe('polite');
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
    expect(await page.getAttribute('#counts', 'aria-busy')).toBe('true');
    await page.waitForFunction(() => document.getElementById('counts')?.getAttribute('aria-busy') === 'false');
    expect(await page.textContent('#counts')).toMatch(/^\d+ stations in \d+ countries as of /);
    await page.close();
  });

  it('the map has a text alternative that summarises it', async () => {
    const page = await open('/?to=2022-12-01');
    const label = await page.locator('#map').getAttribute('aria-label');
    expect(label).toMatch(/^Map: \d+ stations in \d+ countries as of December 1, 2022; the most in .+ \(\d+\) and .+ \(\d+\)$/);
    await page.close();
  });

  it('the list view is a table sortable by date and by place', async () => {
    const page = await open('/?view=list&from=2022-10-01&to=2022-12-31');
    const table = page.getByRole('table');
    expect(await table.locator('caption').textContent()).toMatch(/Events in range: \d+ events/);
    const dateHeader = page.locator('th:has(button[data-sort="date"])');
    expect(await dateHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.click('button[data-sort="place"]');
    expect(await page.locator('th:has(button[data-sort="place"])').getAttribute('aria-sort')).toBe('ascending');
    const places = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    const sorted = [...places].sort(new Intl.Collator('en').compare);
    expect(places).toEqual(sorted);
    await page.click('button[data-sort="place"]');
    expect(await page.locator('th:has(button[data-sort="place"])').getAttribute('aria-sort')).toBe('descending');
    for (const a of await page.locator('tbody a[href]').all()) expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
    await page.close();
  });

  it('the panel has headings', async () => {
    const page = await open('/?station=ie-dublin');
    expect(await page.locator('#panel h2').count()).toBe(1);
    expect(await page.locator('#panel h3').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});

describe('languages and themes', () => {
  it("opens in the reader's language when the link names none; an embed keeps its article's", async () => {
    const cases: [string, string, string][] = [
      ['zh-TW', '/', 'zh-Hant'],
      ['zh-HK', '/', 'zh-Hant'],
      ['zh-CN', '/', 'zh-Hans'],
      ['fr-FR', '/', 'en'],
      ['zh-TW', '/?lang=en', 'en'],
      ['zh-TW', '/?embed=1', 'en'],
    ];
    for (const [locale, path, lang] of cases) {
      const context = await suite.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(suite.server.url + path);
      // The first paint is already in it (the boot script), and so is the app's state.
      expect(await page.evaluate(() => document.documentElement.lang), `${locale} ${path}`).toBe(lang);
      await waitForRendered(page);
      expect(await page.evaluate(() => document.documentElement.lang), `${locale} ${path}`).toBe(lang);
      expect(await page.inputValue('#lang-select'), `${locale} ${path}`).toBe(lang);
      if (lang === 'zh-Hant') {
        expect(await page.textContent('#counts')).toMatch(/^截至\d{4}年\d+月\d+日，\d+個國家共有\d+個服務站/);
        // The URL says so, as if the reader had chosen it: a shared link opens as they see it.
        await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh-Hant');
      }
      await context.close();
    }
  });

  it('switches to Simplified Chinese: UI, dates, countries, html lang and the URL', async () => {
    const page = await open('/?country=IE');
    await page.selectOption('#lang-select', 'zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    expect(await page.textContent('#counts')).toMatch(/^截至\d{4}年\d+月\d+日，\d+个国家共有\d+个服务站/);
    expect(await page.textContent('#panel h2')).toBe('爱尔兰');
    expect(await page.textContent('#play')).toContain('播放');
    // The story itself is in Chinese too: no text of the panel falls back to English (source
    // titles keep their own language, marked so).
    expect(await page.locator('#panel [lang="en"]:not(.source-title)').count()).toBe(0);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'zh-Hans');
    await waitForRendered(page);
    await page.waitForTimeout(800);
    await screenshot(page, 'chinese');
    await page.close();
  });

  it('renders Chinese map labels (the label layer draws CJK text)', async () => {
    const page = await open('/?lang=zh-Hant');
    // Zoom in so the country labels appear, then compare the map with and without its labels.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(() => document.documentElement.dataset.map === 'webgl');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await screenshot(page, 'chinese-traditional-map');
    await page.close();
  });

  it('follows the system dark setting and can be overridden', async () => {
    const dark = await open('/', { colorScheme: 'dark' });
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(dark, 'dark');
    await dark.close();
    const light = await open('/?theme=light', { colorScheme: 'dark' });
    expect(await light.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await light.selectOption('#theme-select', 'dark');
    await light.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await light.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'dark');
    await light.close();
  });
});

describe('motion and print', () => {
  it('with reduced motion, Play steps a month at a time', async () => {
    const page = await open('/?from=2022-01-01&to=2022-09-01', { reducedMotion: 'reduce' });
    await page.click('#play');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2022-10-01', undefined, { timeout: 5000 });
    await page.click('#play');
    await page.close();
  });

  it('print shows the static map of the current date and the events with source URLs', async () => {
    const page = await open('/?from=2022-10-01&to=2022-12-31');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.isVisible('#print-map')).toBe(true);
    expect(await page.getAttribute('#print-map', 'src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.isVisible('.event-table')).toBe(true);
    expect(await page.isVisible('.print-url')).toBe(true);
    expect(await page.isVisible('#map')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
