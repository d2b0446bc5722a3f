// When the embed cannot work (its scripts do not load, its data fails, JavaScript is off) it shows,
// in its own space, the static preview of the default view, a link to the full view and a
// one-line reason, instead of controls that cannot work. On a normal load that fallback never
// shows, and its image is not even fetched.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { screenshot } from './harness';
import { contentHeight, frameHeight, frameOf, hostHtml, useEmbedSuite, waitForEmbed, watchErrors } from './embed-host';

const suite = useEmbedSuite();

beforeAll(() => {
  // The embed code's own iframe height, before any message.
  suite.host.page('/host.html', hostHtml(`<p>Article text.</p><iframe id="f" src="${suite.server.url}/?embed=1&country=NL" title="map" height="640" style="width:100%;border:0" data-chronomap></iframe><script src="${suite.server.url}/embed.js"></script><p>More text.</p>`));
});
afterEach(() => suite.server.setOverride(null));

interface Shown {
  readonly reason: string;
  readonly linkHref: string;
  readonly imageLoaded: boolean;
  readonly imageAttrs: readonly (string | null)[];
  readonly controls: boolean;
  readonly bottom: number;
}

/** What the frame shows of its fallback: the reason's text, the link, the image; and whether any control shows. */
async function fallbackShown(frame: Frame): Promise<Shown> {
  await frame.waitForSelector('#fallback', { state: 'visible', timeout: 20_000 });
  await frame.waitForFunction(() => (document.querySelector('#fallback img') as HTMLImageElement).complete);
  return frame.evaluate(() => {
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const box = document.getElementById('fallback')!;
    const img = box.querySelector('img')!;
    const reasons = [...box.querySelectorAll('[data-reason]')].filter(visible);
    const link = [...box.querySelectorAll('.fallback-line a')].find(visible) as HTMLAnchorElement | undefined;
    return {
      reason: reasons.map((r) => [...r.querySelectorAll('.l')].filter(visible).map((l) => l.textContent).join('') || r.textContent).join(' | '),
      linkHref: link?.href ?? '',
      imageLoaded: img.naturalWidth > 0,
      imageAttrs: [img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('alt')],
      controls: ['#app', '.toolbar', '#timeline', '#play'].some((s) => visible(document.querySelector(s)!)),
      bottom: Math.ceil(box.getBoundingClientRect().bottom),
    };
  });
}

function expectFallback(shown: Shown, reason: RegExp): void {
  expect(shown.reason).toMatch(reason);
  expect(shown.imageLoaded).toBe(true);
  expect(shown.imageAttrs[0]).toMatch(/^\d+$/);
  expect(shown.imageAttrs[1]).toMatch(/^\d+$/);
  expect(shown.imageAttrs[2]).toMatch(/stations/);
  expect(shown.controls).toBe(false);
  // The same view, full size: no embed parameter left.
  const link = new URL(shown.linkHref);
  expect(link.origin).toBe(suite.server.url);
  expect(link.searchParams.get('embed')).toBeNull();
}

async function openHost(context: BrowserContext, width = 640): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${suite.host.url}/host.html`);
  return { page, frame: await frameOf(page, '#f') };
}

describe('the fallback', () => {
  it('shows when the scripts are blocked, with the reason, in the iframe the embed code made', async () => {
    const context = await suite.browser.newContext();
    await context.route(`${suite.server.url}/assets/*.js`, (route) => route.abort('blockedbyclient'));
    const { page, frame } = await openHost(context);
    const shown = await fallbackShown(frame);
    expectFallback(shown, /could not start/);
    expect(new URL(shown.linkHref).searchParams.get('country')).toBe('NL');
    // No height message without scripts: it fits the embed code's 640 px.
    expect(shown.bottom).toBeLessThanOrEqual(640);
    await screenshot(page, 'embed-fallback-scripts');
    await context.close();
  });

  it('shows when the data fails, and the frame takes its height', async () => {
    suite.server.setOverride((_req, res, path) => {
      if (path !== '/data/config.json') return false;
      res.writeHead(404).end('not found');
      return true;
    });
    const context = await suite.browser.newContext();
    const { page, frame } = await openHost(context, 360);
    const errors = watchErrors(page);
    const shown = await fallbackShown(frame);
    expectFallback(shown, /data could not be loaded/);
    await page.waitForFunction((h) => Math.abs(document.getElementById('f')!.getBoundingClientRect().height - h) <= 1, await contentHeight(frame));
    expect(await frameHeight(page, '#f')).toBeLessThan(640);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await screenshot(page, 'embed-fallback-data');
    await context.close();
  });

  it('shows with JavaScript off', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const { page, frame } = await openHost(context, 1024);
    const shown = await fallbackShown(frame);
    expect(shown.reason).toMatch(/needs JavaScript/);
    expect(shown.imageLoaded).toBe(true);
    expect(shown.controls).toBe(false);
    // Without JavaScript the link cannot carry the view: the default one.
    expect(new URL(shown.linkHref).href).toBe(`${suite.server.url}/`);
    expect(shown.bottom).toBeLessThanOrEqual(640);
    await screenshot(page, 'embed-fallback-nojs');
    await context.close();
  });

  it('never shows on a normal load, and its image is not fetched', async () => {
    const context = await suite.browser.newContext();
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const { page, frame } = await openHost(context, 360);
    await waitForEmbed(frame);
    await page.waitForTimeout(500);
    expect(await frame.locator('#fallback').isVisible()).toBe(false);
    expect(await frame.evaluate(() => document.documentElement.dataset.failed)).toBeUndefined();
    expect(requests.filter((u) => u.includes('preview.png'))).toEqual([]);
    await context.close();
  });
});
