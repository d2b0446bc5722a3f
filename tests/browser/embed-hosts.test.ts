// The embed where newsrooms publish it: a sandboxed frame (an opaque origin) on a host sending the
// headers the build writes for static hosts; WordPress (oEmbed discovery, its secret, its height
// clamp, links opened in the host page); AMP's amp-iframe; iframe-resizer's own parent script
// (v4, MIT). Each host page is of another origin than the app.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { ensureBuilt, launch, serveDist } from './harness';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { HOST_HEADERS } from '../../vite.config';
import { contentHeight, frameHeight, frameOf, hostHtml, messages, recordViolations, startHost, waitForEmbed, watchErrors, type Host } from './embed-host';

let browser: Browser;
let host: Host;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  host = await startHost();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** `_headers` (Netlify, Cloudflare Pages) as those hosts read it: the headers for `/*`. */
function readNetlifyHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

const violations = (frame: Frame) => frame.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

describe('host headers', () => {
  it('the build writes the header files of static hosts from the headers the app needs', () => {
    expect(readNetlifyHeaders(readFileSync('dist/_headers', 'utf8'))).toEqual(HOST_HEADERS);
    const htaccess = readFileSync('dist/.htaccess', 'utf8');
    const nginx = readFileSync('dist/hosting/nginx.conf', 'utf8');
    for (const [name, value] of Object.entries(HOST_HEADERS)) {
      expect(htaccess).toContain(`Header always set ${name} "${value}"`);
      expect(nginx).toContain(`add_header ${name} "${value}" always;`);
    }
    // The policy allows the boot script by its hash, whatever the script says now.
    expect(HOST_HEADERS['Content-Security-Policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(htaccess).toContain('AddType text/javascript .mjs');
    expect(nginx).toMatch(/location ~\* \\\.mjs\$ \{\s+types \{ \}\s+default_type text\/javascript;/);
  });

  it('npm run preview sends them, Access-Control-Allow-Origin included', async () => {
    const port = 4900 + Math.floor(Math.random() * 300);
    const child = spawn('./node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    try {
      let res: Response | null = null;
      for (let i = 0; i < 50 && !res; i++) {
        res = await fetch(`http://localhost:${port}/data/config.json`).catch(() => null);
        if (!res) await new Promise((r) => setTimeout(r, 200));
      }
      expect(res?.headers.get('access-control-allow-origin')).toBe('*');
      expect(res?.headers.get('content-security-policy')).toBe(HOST_HEADERS['Content-Security-Policy']);
    } finally {
      child.kill();
    }
  });
});

describe('in a sandboxed frame (sandbox="allow-scripts", an opaque origin)', () => {
  let app: StaticServer;
  let bare: StaticServer;
  beforeAll(async () => {
    // The production build, served with the headers its own `_headers` file asks for.
    app = await serveDist(readNetlifyHeaders(readFileSync('dist/_headers', 'utf8')), { production: true });
    bare = await serveDist(undefined, { production: true });
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
  });

  const open = async (appUrl: string, width = 640): Promise<{ page: Page; frame: Frame; errors: string[] }> => {
    host.page('/sandboxed.html', hostHtml(`<iframe id="f" sandbox="allow-scripts" src="${appUrl}/?embed=1" title="map" style="width:100%;border:0" data-chronomap></iframe><script src="${appUrl}/embed.js"></script>`));
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await recordViolations(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${host.url}/sandboxed.html`);
    return { page, frame: await frameOf(page, '#f'), errors };
  };

  it('works when the host sends Access-Control-Allow-Origin: no error, no policy violation, self-sizing', async () => {
    const { page, frame, errors } = await open(app.url);
    await waitForEmbed(frame);
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    expect(await frame.textContent('#counts')).toMatch(/^\d+ stations in \d+ countries/);
    await page.waitForFunction(() => document.getElementById('f')!.getBoundingClientRect().height > 300);
    expect(Math.abs((await frameHeight(page, '#f')) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
    // The controls and the panel work (the stations and events came through the fallback fetch:
    // no worker starts in an opaque origin).
    await frame.click('#view-list');
    await frame.waitForSelector('#table table');
    expect(await frame.locator('#table tbody tr').count()).toBeGreaterThan(20);
    await frame.click('#view-map');
    // Asked for the detailed map, MapLibre starts its worker from a data: URL in an opaque origin
    // (the policy's worker-src allows it).
    const box = (await frame.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await frame.waitForFunction(() => document.documentElement.dataset.map === 'webgl', undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    expect(await violations(frame)).toEqual([]);
    await page.context().close();
  });

  it('without Access-Control-Allow-Origin its scripts cannot load: it shows its fallback', async () => {
    const { page, frame } = await open(bare.url);
    await frame.waitForSelector('#fallback', { state: 'visible' });
    expect(await frame.locator('#fallback [data-reason="scripts"]').isVisible()).toBe(true);
    await frame.waitForFunction(() => (document.querySelector('#fallback img') as HTMLImageElement).naturalWidth > 0);
    expect(await frame.locator('#app').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('WordPress', () => {
  let app: StaticServer;
  let mirror: StaticServer;
  let publicUrl: string;
  beforeAll(async () => {
    // A build that knows its public URL: the server's own, started before the build writes into it.
    const dir = mkdtempSync(join(tmpdir(), 'public-dist-'));
    app = await serveStatic(dir, { headers: HOST_HEADERS });
    mirror = await serveStatic(dir);
    publicUrl = `${app.url}/`;
    execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, CHRONOMAP_PUBLIC_URL: publicUrl }, stdio: 'inherit' });
  });
  afterAll(async () => {
    await app?.close();
    await mirror?.close();
  });

  interface Oembed {
    version: string;
    type: string;
    html: string;
    width: number;
    height: number;
    title: string;
    provider_name: string;
  }

  it('finds the oEmbed answer from the page, and the social card and canonical URLs are absolute', async () => {
    const page = await browser.newPage();
    await page.goto(publicUrl);
    const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(href).toBe(`${publicUrl}oembed.json`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(publicUrl);
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${publicUrl}preview.png`);
    expect(await page.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(`${publicUrl}preview.png`);
    const oembed = (await (await fetch(href!)).json()) as Oembed;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: expect.any(Number), height: expect.any(Number), provider_name: new URL(publicUrl).host });
    expect(oembed.title).toBe(await page.locator('meta[property="og:title"]').getAttribute('content'));
    // Only what WordPress keeps: a blockquote with a link, and the iframe of the default view.
    expect(oembed.html).toMatch(/^<blockquote><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe [^>]+><\/iframe>$/);
    expect(oembed.html).toContain(`src="${publicUrl}?embed=1"`);
    for (const [, name] of oembed.html.matchAll(/\s([a-z-]+)="/g)) expect(['href', 'src', 'title', 'width', 'height', 'frameborder', 'scrolling']).toContain(name);
    await page.close();
  });

  it("the share dialog's code points at the public URL, wherever the page is read", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${mirror.url}/?country=NL`);
    await page.waitForFunction(() => document.documentElement.dataset.rendered !== undefined, undefined, { timeout: 30_000 });
    await page.click('#share');
    const snippet = await page.locator('#share-snippet').inputValue();
    expect(snippet).toContain(`src="${publicUrl}?country=NL&amp;embed=1"`);
    expect(snippet).toContain(`src="${publicUrl}embed.js"`);
    expect(snippet).toContain(`src="${publicUrl}preview.png"`);
    expect(snippet).not.toContain(mirror.url);
    await page.close();
  });

  /**
   * What WordPress makes of a rich answer from another site (wp_filter_oembed_result): the
   * blockquote and the iframe only; a secret on both and in the iframe's URL; the iframe hidden
   * (clipped) behind the blockquote until it speaks; sandboxed without allow-same-origin.
   */
  function asWordpressRendersIt(html: string, secret: string): string {
    const match = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
    if (!match?.[2]) throw new Error('WordPress requires an iframe');
    return ((match[1] ?? '') + match[2])
      .replace(/ src=(["'])(.*?)\1/, (_all, q: string, src: string) => ` src=${q}${src}#?secret=${secret}${q} data-secret=${q}${secret}${q}`)
      .replace('<blockquote', `<blockquote class="wp-embedded-content" data-secret="${secret}"`)
      .replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
  }

  /** WordPress's host script (wp-embed.js) as it behaves: shows the frame, clamps its height, follows its links. */
  const WP_EMBED_SCRIPT = `<script>
window.addEventListener('message', function (e) {
  var data = e.data;
  if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]').forEach(function (b) { b.style.display = 'none'; });
  document.querySelectorAll('iframe[data-secret="' + data.secret + '"]').forEach(function (frame) {
    if (e.source !== frame.contentWindow) return;
    frame.removeAttribute('style');
    if (data.message === 'height') {
      var height = parseInt(data.value, 10);
      frame.height = height > 1000 ? 1000 : ~~height < 200 ? 200 : height;
    }
    if (data.message === 'link') {
      var target = new URL(data.value, location.href), source = new URL(frame.getAttribute('src'), location.href);
      if (/^https?:$/.test(target.protocol) && target.host === source.host && document.activeElement === frame) top.location.href = data.value;
    }
  });
});
window.addEventListener('load', function () {
  document.querySelectorAll('iframe.wp-embedded-content').forEach(function (frame) {
    frame.contentWindow.postMessage({ message: 'ready', secret: frame.getAttribute('data-secret') }, '*');
  });
});
</script>`;

  for (const width of [360, 640]) {
    it(`the oEmbed answer in a WordPress post at ${width} px: shown at its own height (200–1,000 px), its links open in the post's page`, async () => {
      const oembed = (await (await fetch(`${publicUrl}oembed.json`)).json()) as Oembed;
      const secret = 'Ab3xYz90Qw';
      host.page('/post.html', hostHtml(`<article><p>Article text.</p>${asWordpressRendersIt(oembed.html, secret)}<p>More text.</p></article>${WP_EMBED_SCRIPT}`));
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      await recordViolations(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${host.url}/post.html`);
      const frame = await frameOf(page, 'iframe.wp-embedded-content');
      await waitForEmbed(frame);
      expect(await frame.evaluate(() => self.origin)).toBe('null');
      // Shown (no longer clipped) and the blockquote hidden.
      await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content')!.hasAttribute('style'));
      expect(await page.locator('blockquote.wp-embedded-content').isVisible()).toBe(false);
      const posted = (await messages(page)).filter((m): m is { secret: string; message: string; value: number } => typeof m === 'object' && m !== null && (m as { message?: unknown }).message === 'height');
      expect(posted.length).toBeGreaterThan(0);
      for (const m of posted) expect(m.secret).toBe(secret);
      const last = posted[posted.length - 1].value;
      expect(last).toBe(await contentHeight(frame));
      expect(last).toBeGreaterThanOrEqual(200);
      expect(last).toBeLessThanOrEqual(1000);
      expect(await page.locator('iframe.wp-embedded-content').getAttribute('height')).toBe(String(last));
      expect(errors).toEqual([]);
      expect(await violations(frame)).toEqual([]);
      // "Open full view" (a new tab, which the sandbox forbids) opens in the post's page instead.
      await frame.click('#full-view a');
      await page.waitForURL((url) => url.href.startsWith(publicUrl), { timeout: 10_000 });
      expect(new URL(page.url()).searchParams.get('embed')).toBeNull();
      await context.close();
    });
  }
});

describe('AMP (amp-iframe, resizable)', () => {
  let app: StaticServer;
  beforeAll(async () => {
    app = await serveDist();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks for its height with embed-size, and says embed-ready to take down the placeholder', async () => {
    // What amp-iframe does with the messages (the AMP runtime itself is served from AMP's CDN).
    host.page(
      '/amp.html',
      hostHtml(
        `<div id="amp" style="position:relative;height:150px;overflow:hidden"><iframe id="f" src="${app.url}/?embed=1#amp=1" title="map" style="width:100%;height:100%;border:0"></iframe><div id="placeholder" style="position:absolute;inset:0;background:#ddd">Loading…</div></div>
<script>
window.addEventListener('message', function (e) {
  var data = e.data, frame = document.getElementById('f');
  if (!data || data.sentinel !== 'amp' || e.source !== frame.contentWindow) return;
  if (data.type === 'embed-size') document.getElementById('amp').style.height = data.height + 'px';
  if (data.type === 'embed-ready') document.getElementById('placeholder').hidden = true;
});
</script>`,
      ),
    );
    const page = await browser.newPage({ viewport: { width: 412, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url}/amp.html`);
    const frame = await frameOf(page, '#f');
    await waitForEmbed(frame);
    await page.waitForFunction(() => document.getElementById('placeholder')!.hidden);
    expect(Math.abs((await frameHeight(page, '#amp')) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
    const amp = (await messages(page)).filter((m) => typeof m === 'object' && m !== null && (m as { sentinel?: unknown }).sentinel === 'amp');
    expect(amp).toContainEqual({ sentinel: 'amp', type: 'embed-size', height: await contentHeight(frame) });
    expect(amp).toContainEqual({ sentinel: 'amp', type: 'embed-ready' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("iframe-resizer's parent script (v4)", () => {
  let app: StaticServer;
  beforeAll(async () => {
    app = await serveDist();
    host.page('/iframeResizer.min.js', readFileSync('node_modules/iframe-resizer/js/iframeResizer.min.js', 'utf8'), 'text/javascript');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sizes the frame from our answers, at load and when the width changes', async () => {
    host.page(
      '/resizer.html',
      hostHtml(
        `<iframe id="f" src="${app.url}/?embed=1" title="map" style="width:100%;border:0"></iframe>
<script src="/iframeResizer.min.js"></script>
<script>window.__resized = []; iFrameResize({ warningTimeout: 0, onResized: function (m) { window.__resized.push(Number(m.height)); } }, '#f');</script>`,
      ),
    );
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url}/resizer.html`);
    const frame = await frameOf(page, '#f');
    await waitForEmbed(frame);
    await page.waitForFunction(() => (window as unknown as { __resized: number[] }).__resized.length > 0);
    await page.waitForFunction((h) => Math.round(document.getElementById('f')!.getBoundingClientRect().height) === h, await contentHeight(frame));
    const answers = (await messages(page)).filter((m): m is string => typeof m === 'string' && m.startsWith('[iFrameSizer]'));
    expect(answers[0]).toMatch(/^\[iFrameSizer\]f:\d+:\d+:init$/);
    // A narrower frame: a taller embed, which the parent follows.
    const wide = await contentHeight(frame);
    await page.setViewportSize({ width: 360, height: 800 });
    await frame.waitForFunction((h) => Math.ceil(document.body.getBoundingClientRect().height) !== h, wide);
    await page.waitForFunction((h) => Math.round(document.getElementById('f')!.getBoundingClientRect().height) === h, await contentHeight(frame));
    expect((await messages(page)).some((m) => typeof m === 'string' && /^\[iFrameSizer\]f:\d+:\d+:resizeObserver$/.test(m))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pym.js and Datawrapper', () => {
  it('post their height messages (embed.test.ts), which the app keeps sending alongside', async () => {
    const app = await serveDist();
    try {
      host.page('/pym.html', hostHtml(`<iframe id="f" src="${app.url}/?embed=1&childId=c1&embedId=chart-9" title="map" style="width:100%;border:0"></iframe>`));
      const page = await browser.newPage({ viewport: { width: 640, height: 800 } });
      await page.goto(`${host.url}/pym.html`);
      const frame = await frameOf(page, '#f');
      await waitForEmbed(frame);
      const h = await contentHeight(frame);
      const all = await messages(page);
      expect(all).toContain(`pymxPYMxc1xPYMxheightxPYMx${h}`);
      expect(all).toContainEqual({ 'datawrapper-height': { 'chart-9': h } });
      await page.close();
    } finally {
      await app.close();
    }
  });
});
