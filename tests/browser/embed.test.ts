// The embed on a host page of another origin: self-sizing, the message API, no foreign requests,
// and the share dialog's snippet working when pasted into a blank page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { ensureBuilt, foreignRequests, launch, recordRequests, screenshot, serveDist, waitForRendered } from './harness';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let app: StaticServer;
let host: StaticServer;
let browser: Browser;

const RECORDER = `<script>
window.__msgs = [];
window.addEventListener('message', function (e) { window.__msgs.push(e.data); });
</script>`;

beforeAll(async () => {
  ensureBuilt();
  app = await serveDist();
  host = await serveStatic(mkdtempSync(join(tmpdir(), 'host-')));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

function hostPage(body: string): void {
  host.setOverride((_req, res, path) => {
    if (path !== '/host.html') return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{margin:0}</style>${RECORDER}</head><body>${body}</body></html>`);
    return true;
  });
}

async function openHost(width: number, query = 'embed=1'): Promise<{ page: Page; frame: Frame; requests: string[]; errors: string[] }> {
  hostPage(`<iframe id="f" src="${app.url}/?${query}" title="map" style="width:100%;border:0" data-chronomap></iframe><script src="${app.url}/embed.js"></script>`);
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${host.url}/host.html`);
  const frame = (await (await page.$('#f'))!.contentFrame())!;
  await frame.waitForFunction(() => document.documentElement.dataset.map !== undefined && document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
  return { page, frame, requests, errors };
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __msgs: unknown[] }).__msgs);
const frameState = (frame: Frame) => frame.evaluate(() => (window as unknown as { __chronomap: { getState(): unknown } }).__chronomap.getState());

describe('the embed', () => {
  for (const width of [360, 1024]) {
    it(`resizes its iframe to its content at ${width} px, with no scrollbars of its own`, async () => {
      const { page, frame, requests, errors } = await openHost(width);
      await page.waitForFunction(() => {
        const f = document.getElementById('f') as HTMLIFrameElement;
        return f.getBoundingClientRect().height > 200;
      });
      await page.waitForTimeout(500);
      const iframeHeight = await page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height);
      const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
      expect(Math.abs(iframeHeight - content)).toBeLessThanOrEqual(3);
      const overflow = await frame.evaluate(() => ({
        x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      }));
      expect(overflow.x).toBeLessThanOrEqual(0);
      expect(overflow.y).toBeLessThanOrEqual(1);
      const all = await messages(page);
      expect(all).toContainEqual({ type: 'chronomap:height', height: expect.any(Number) });
      expect(all).toContainEqual({ 'datawrapper-height': { chronomap: expect.any(Number) } });
      expect(all.some((m) => typeof m === 'object' && m !== null && (m as { type?: string }).type === 'chronomap:ready')).toBe(true);
      expect(foreignRequests(requests, app.url).filter((u) => !u.startsWith(host.url))).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, `embed-${width}`);
      await page.close();
    });
  }

  it('posts the Pym.js string and a Datawrapper id when asked', async () => {
    const { page } = await openHost(600, 'embed=1&childId=map1&embedId=story-7');
    await page.waitForFunction(() => (window as unknown as { __msgs: unknown[] }).__msgs.some((m) => typeof m === 'string'));
    const all = await messages(page);
    expect(all.some((m) => typeof m === 'string' && /^pymxPYMxmap1xPYMxheightxPYMx\d+$/.test(m))).toBe(true);
    expect(all).toContainEqual({ 'datawrapper-height': { 'story-7': expect.any(Number) } });
    await page.close();
  });

  it('obeys chronomap:set: state, then rendered; ignores malformed messages', async () => {
    const { page, frame, errors } = await openHost(1024);
    const before = await frameState(frame);
    await page.evaluate(() => {
      const w = (document.getElementById('f') as HTMLIFrameElement).contentWindow!;
      (window as unknown as { __msgs: unknown[] }).__msgs.length = 0;
      for (const bad of ['chronomap:set', 42, null, [1, 2], { type: 'chronomap:set' }, { type: 'chronomap:set', state: 'to=2022-01-01' }, { type: 'other', state: { to: '2022-12-01' } }, { type: 'chronomap:set', state: { to: '2022-99-99', station: 12, lang: { x: 1 }, types: 7 } }]) {
        w.postMessage(bad, '*');
      }
    });
    await page.waitForTimeout(500);
    expect(await frameState(frame)).toEqual(before);
    expect((await messages(page)).filter((m) => typeof m === 'object' && m !== null && (m as { type?: string }).type === 'chronomap:state')).toEqual([]);

    await page.evaluate(() => {
      const w = (document.getElementById('f') as HTMLIFrameElement).contentWindow!;
      w.postMessage({ type: 'chronomap:set', state: { to: '2022-12-01', station: 'ie-dublin', bogus: 1 } }, '*');
    });
    await page.waitForFunction(() => (window as unknown as { __msgs: { type?: string }[] }).__msgs.some((m) => m && m.type === 'chronomap:rendered'));
    const typed = (await messages(page)).filter((m): m is { type: string; state: { to: string; station: string } } => typeof m === 'object' && m !== null && 'type' in m);
    const stateIdx = typed.findIndex((m) => m.type === 'chronomap:state');
    const renderedIdx = typed.findIndex((m) => m.type === 'chronomap:rendered');
    expect(stateIdx).toBeGreaterThanOrEqual(0);
    expect(renderedIdx).toBeGreaterThan(stateIdx);
    expect(typed[renderedIdx].state).toMatchObject({ to: '2022-12-01', station: 'ie-dublin' });
    expect(await frame.textContent('#panel h2')).toMatch(/Dublin/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the share dialog's snippet, pasted into a blank page, shows the same view", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${app.url}/?from=2022-10-01&to=2023-01-31&country=NL`);
    await waitForRendered(page);
    await page.click('#share');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.locator('#share-link').inputValue()).toContain('country=NL');
    // Keyboard: Tab reaches a copy button, Enter copies.
    await page.locator('[data-copy="share-snippet"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('.copy-status')?.textContent ?? '') !== '');
    const snippet = await page.locator('#share-snippet').inputValue();
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('<noscript>');
    expect(snippet).toMatch(/<script src="[^"]+embed\.js" async><\/script>/);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    const appState = await page.evaluate(() => (window as unknown as { __chronomap: { getState(): unknown } }).__chronomap.getState());

    hostPage(snippet);
    const blank = await browser.newPage({ viewport: { width: 800, height: 800 } });
    await blank.goto(`${host.url}/host.html`);
    const frame = (await (await blank.$('iframe'))!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.dataset.map !== undefined && document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
    expect(await frameState(frame)).toEqual(appState);
    await blank.waitForFunction(() => document.querySelector('iframe')!.getBoundingClientRect().height > 300);
    await page.close();
    await blank.close();
  });

  it('the build writes the fallback image and social-card tags', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${app.url}/preview.png`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toBe('image/png');
    await page.goto(`${app.url}/`);
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe('preview.png');
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    await page.close();
  });
});
