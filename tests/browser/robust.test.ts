// Hostile data, broken networks, strict CSP, privacy and endurance, in real Chromium.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureBuilt, launch, serveDist, waitForRendered } from './harness';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { SECURITY_HEADERS } from '../../vite.config';

let browser: Browser;
/** The built app, shared by the describes below; a test that overrides responses resets them after. */
let server: StaticServer;
beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  server = await serveDist();
});
afterEach(() => server.setOverride(null));
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Handle {
  getState(): { from: number; to: number; selection: unknown; types: string[] };
  dispatch(intent: unknown): void;
  stationsShown(): number | null;
  stationCount: number;
}

/** Errors and dialogs a page raises; a test asserts both stay empty. */
function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { errors, dialogs };
}

describe('hostile data', () => {
  let hostile: StaticServer;
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'hostile-dist-'));
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, CHRONOMAP_DATA: 'tests/fixtures/hostile/dataset', VITE_CHRONOMAP_TEST_HOOKS: '1' }, stdio: 'inherit' });
    hostile = await serveStatic(out);
  });
  afterAll(async () => {
    await hostile?.close();
  });

  it('shows every valid record, says what it skipped, and never runs injected script or renders an unsafe link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { dialogs } = watch(page);
    const url = `${hostile.url}/`;
    await page.goto(url);
    await waitForRendered(page);
    const notice = page.locator('#notice');
    expect(await notice.textContent()).toMatch(/\d+ records could not be shown/);
    await notice.locator('summary').click();
    const details = await notice.locator('li').allTextContents();
    expect(details.some((d) => d.includes('bad-js-url') && d.includes('is not an http(s) URL'))).toBe(true);
    expect(details.some((d) => d.includes('bad-nan'))).toBe(true);
    // The two valid stations are drawn, with their hostile-looking names as text.
    expect(await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown())).toBe(2);
    for (const selection of [{ kind: 'station', id: 'ie-dublin' }, { kind: 'event', id: 'ie-2022-10-25-closed' }, { kind: 'country', id: 'IE' }]) {
      await page.evaluate((s) => (window as unknown as { __chronomap: Handle }).__chronomap.dispatch({ type: 'select', selection: s }), selection);
      await page.waitForTimeout(200);
      expect(await page.locator('#panel img, #panel svg[onload], #panel script').count()).toBe(0);
    }
    expect(await page.textContent('#panel')).toContain('<img src=x onerror=');
    await page.click('#view-list');
    await page.hover('.mark >> nth=0').catch(() => undefined);
    await page.click('#share');
    await page.keyboard.press('Escape');
    const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => ({ href: a.getAttribute('href')!, download: a.hasAttribute('download') })));
    for (const { href, download } of hrefs) {
      const ok = /^https?:\/\//.test(href) || href.startsWith('#') || (href.startsWith('blob:') && download);
      expect(ok, href).toBe(true);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(page.url().startsWith(url)).toBe(true);
    await page.close();
  });
});

describe('network faults', () => {

  const fail = (file: string, how: 'status404' | 'status500' | 'hang' | 'truncate') =>
    server.setOverride(async (_req, res, path) => {
      if (path !== `/data/${file}`) return false;
      if (how === 'status404' || how === 'status500') {
        res.writeHead(how === 'status404' ? 404 : 500).end('nope');
        return true;
      }
      if (how === 'hang') {
        await new Promise((r) => setTimeout(r, 10_000));
        res.writeHead(503).end();
        return true;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[{"id": "trunc');
      return true;
    });

  it('a missing config is a clear error with a retry that works once the data is back', async () => {
    fail('config.json', 'status404');
    const page = await browser.newPage();
    const { errors } = watch(page);
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The map data could not be loaded.');
    server.setOverride(null);
    await page.click('#retry');
    await waitForRendered(page);
    expect(await page.textContent('#counts')).toMatch(/^\d+ stations/);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  for (const how of ['status500', 'truncate'] as const) {
    it(`one file failing (${how}) still shows the rest and says what is missing`, async () => {
      fail('events.json', how);
      const page = await browser.newPage();
      await page.goto(server.url);
      await waitForRendered(page);
      expect(await page.textContent('#notice')).toContain('Missing: data/events.json');
      expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.stationsShown())).toBeGreaterThan(50);
      server.setOverride(null);
      await page.close();
    });
  }

  it('a hanging file shows the loading state, then gives up with a message, never a blank page', async () => {
    fail('stations.geojson', 'hang');
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.textContent('#notice')).toContain('Loading the map data');
    await waitForRendered(page, 20_000);
    expect(await page.textContent('#notice')).toContain('Missing: data/stations.geojson');
    expect(await page.textContent('#counts')).toMatch(/^0 stations/);
    server.setOverride(null);
    await page.close();
  });

  it('without workers (a policy that forbids them) the data files are read on the main thread instead', async () => {
    const noWorkers = await serveDist({ 'Content-Security-Policy': "worker-src 'none'" });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(noWorkers.url);
      await waitForRendered(page);
      expect(await page.textContent('#counts')).toMatch(/^\d{2,} stations in \d+ countries/);
      expect(await page.evaluate(() => (window as unknown as { __chronomap: { stationsShown(): number } }).__chronomap.stationsShown())).toBeGreaterThan(50);
      expect(await page.textContent('#notice')).not.toContain('Missing');
      // MapLibre needs a worker too: asked for by a zoom, it fails; the SVG map stays, with the
      // notice, and no broken canvas.
      const box = (await page.locator('#map').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(() => (document.getElementById('notice')?.textContent ?? '').includes('The detailed map is unavailable'), undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.map)).toBe('svg');
      expect(await page.locator('#map .maplibregl-canvas').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await noWorkers.close();
    }
  });
});

describe('strict CSP and privacy', () => {
  let app: StaticServer;
  let host: StaticServer;
  beforeAll(async () => {
    app = await serveDist(SECURITY_HEADERS);
    host = await serveStatic(mkdtempSync(join(tmpdir(), 'csp-host-')));
    host.setOverride((_req, res, path) => {
      if (path !== '/host.html') return false;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><link rel="icon" href="data:,"><iframe id="f" src="${app.url}/?embed=1" style="width:100%;border:0" data-chronomap title="map"></iframe><script src="${app.url}/embed.js"></script>`);
      return true;
    });
  });
  afterAll(async () => {
    await app?.close();
    await host?.close();
  });

  async function session(context: BrowserContext): Promise<{ violations: string[]; requests: string[] }> {
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${app.url}/?to=2025-06-01`);
    await waitForRendered(page);
    await page.selectOption('#speed', 'fast');
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('#play')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 20_000 });
    await page.evaluate(() => (window as unknown as { __chronomap: Handle }).__chronomap.dispatch({ type: 'select', selection: { kind: 'station', id: 'ie-dublin' } }));
    await page.selectOption('#lang-select', 'zh-Hans');
    await page.selectOption('#theme-select', 'dark');
    await waitForRendered(page);
    await page.click('#share');
    await page.keyboard.press('Escape');
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    const embed = await context.newPage();
    await embed.goto(`${host.url}/host.html`);
    const frame = (await (await embed.$('#f'))!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.dataset.map !== undefined && document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
    violations.push(...(await frame.evaluate(() => (window as unknown as { __violations: string[] }).__violations)));
    return { violations, requests };
  }

  it('works under the strict policy with zero violations, and asks no other origin for anything', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { violations, requests } = await session(context);
    expect(violations).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith(app.url) && !u.startsWith(host.url) && !/^(data|blob|about):/.test(u));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${app.url}/data/`))).toBe(true);
    await context.close();
  });

  it('the CSP test fails when the policy is broken by an inline style (the check can fail)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await context.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective));
    });
    await page.goto(app.url);
    await waitForRendered(page);
    await page.evaluate(() => document.body.appendChild(document.createElement('div')).setAttribute('style', 'color:red'));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)).toBeGreaterThan(0);
    await context.close();
  });

  it('npm run preview serves the recommended headers', async () => {
    const port = 4600 + Math.floor(Math.random() * 300);
    const child = spawn('./node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    try {
      let res: Response | null = null;
      for (let i = 0; i < 50 && !res; i++) {
        res = await fetch(`http://localhost:${port}/`).catch(() => null);
        if (!res) await new Promise((r) => setTimeout(r, 200));
      }
      expect(res?.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
      expect(res?.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res?.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      child.kill();
    }
  });
});

describe('fuzzing the running app', () => {

  it('500 random postMessage payloads and 500 random query patches: no error, state always valid', async () => {
    const page = await browser.newPage();
    const { errors } = watch(page);
    await page.goto(`${server.url}/`);
    await waitForRendered(page);
    const payloads = fc.sample(
      fc.oneof(fc.anything(), fc.record({ type: fc.constant('chronomap:set'), state: fc.dictionary(fc.constantFrom('from', 'to', 'station', 'country', 'event', 'types', 'lang', 'x'), fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constant(null), fc.integer())) })),
      { numRuns: 500, seed: 42 },
    );
    const queries = fc.sample(fc.array(fc.tuple(fc.constantFrom('from', 'to', 'station', 'country', 'event', 'types', 'lang', 'view', 'theme'), fc.string()), { maxLength: 6 }), { numRuns: 500, seed: 7 });
    const invalid = await page.evaluate(
      async ({ payloads, queries }) => {
        const h = (window as unknown as { __chronomap: Handle & { applyQuery(q: string): void } }).__chronomap;
        const bad: string[] = [];
        const check = (label: string) => {
          const s = h.getState();
          if (!(Number.isInteger(s.from) && Number.isInteger(s.to) && s.from <= s.to)) bad.push(label);
        };
        // The embed API in a frame-less page is inert (only a parent is obeyed), so drive the
        // same parser through the handle, as the message listener does.
        for (const p of payloads) {
          (h as unknown as { applyMessage(d: unknown): void }).applyMessage(p);
          check(JSON.stringify(p)?.slice(0, 80) ?? 'undefined');
        }
        for (const q of queries) {
          h.applyQuery(`?${new URLSearchParams(q).toString()}`);
          check(JSON.stringify(q));
        }
        await new Promise((r) => setTimeout(r, 300));
        return bad;
      },
      { payloads: JSON.parse(JSON.stringify(payloads.map((p) => (p === undefined ? null : p)))) as unknown[], queries },
    );
    expect(invalid).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('endurance', () => {

  it('1,000 range changes and 200 selections: no error, heap within 10 %, no DOM node or listener leak', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors } = watch(page);
    await page.goto(`${server.url}/`);
    await waitForRendered(page);
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
      return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const run = (ranges: number, selections: number, offset: number) =>
      page.evaluate(
        async ({ ranges, selections, offset }) => {
          const h = (window as unknown as { __chronomap: Handle & { stationIds: string[] } }).__chronomap;
          const s0 = h.getState();
          for (let i = 0; i < ranges; i++) {
            const to = s0.from + 30 + ((i * 37 + offset) % 1200);
            h.dispatch({ type: 'set-range', from: s0.from, to });
            if (i % 25 === 0) await new Promise((r) => requestAnimationFrame(r));
          }
          for (let i = 0; i < selections; i++) {
            h.dispatch({ type: 'select', selection: i % 2 ? null : { kind: 'station', id: h.stationIds[(i + offset) % h.stationIds.length] } });
            if (i % 10 === 0) await new Promise((r) => requestAnimationFrame(r));
          }
          h.dispatch({ type: 'select', selection: null });
          h.dispatch({ type: 'set-range', from: s0.from, to: s0.to });
        },
        { ranges, selections, offset },
      );
    await run(10, 4, 0);
    await waitForRendered(page);
    await page.waitForTimeout(1000);
    const before = await measure();
    await run(1000, 200, 3);
    await page.waitForTimeout(1500);
    const after = await measure();
    expect(errors).toEqual([]);
    expect(after.heap, `heap ${before.heap} -> ${after.heap}`).toBeLessThanOrEqual(before.heap * 1.1);
    expect(Math.abs(after.nodes - before.nodes), `nodes ${before.nodes} -> ${after.nodes}`).toBeLessThanOrEqual(before.nodes * 0.02 + 20);
    expect(after.listeners, `listeners ${before.listeners} -> ${after.listeners}`).toBeLessThanOrEqual(before.listeners + 5);
    await page.close();
  });
});
