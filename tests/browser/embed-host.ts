// Shared by the embed's browser tests: host pages of another origin, which record the messages
// the embed posts them, and the errors and policy violations of the page and its frames.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { useBuiltApp, type AppSuite } from './suite';

/** Records every message the host page receives, in order, in `window.__msgs`. */
export const RECORDER = `<script>
window.__msgs = [];
window.addEventListener('message', function (e) { window.__msgs.push(e.data); });
</script>`;

export interface Host {
  readonly url: string;
  /** Serves `body` at `path` (an HTML page unless `type` says otherwise). */
  page(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

export async function startHost(): Promise<Host> {
  const server: StaticServer = await serveStatic(mkdtempSync(join(tmpdir(), 'embed-host-')));
  const pages = new Map<string, { body: string; type: string }>();
  server.setOverride((_req, res, path) => {
    const hit = pages.get(path);
    if (!hit) return false;
    res.writeHead(200, { 'Content-Type': hit.type, 'Cache-Control': 'no-cache' });
    res.end(hit.body);
    return true;
  });
  return {
    url: server.url,
    page: (path, body, type = 'text/html; charset=utf-8') => void pages.set(path, { body, type }),
    close: () => server.close(),
  };
}

/** The built app and a Chromium (suite.ts), and a host of another origin, for a test file. */
export function useEmbedSuite(): AppSuite & { readonly host: Host } {
  const suite = useBuiltApp() as AppSuite & { host: Host };
  beforeAll(async () => {
    suite.host = await startHost();
  });
  afterAll(async () => {
    await suite.host?.close();
  });
  return suite;
}

/** A whole host page around `body`, with the message recorder. */
export const hostHtml = (body: string, head = ''): string =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{margin:0;font:16px sans-serif}</style>${RECORDER}${head}</head><body>${body}</body></html>`;

/** Console errors and uncaught exceptions of the page and every frame in it. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Records the policy violations of every document of the context in its `window.__violations`. */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export const messages = (page: Page): Promise<unknown[]> => page.evaluate(() => (window as unknown as { __msgs: unknown[] }).__msgs);

export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  return frame;
}

/** Waits until the embed has drawn its state with the final map (test build or production). */
export async function waitForEmbed(frame: Frame, timeout = 30_000): Promise<void> {
  await frame.waitForFunction(() => document.documentElement.dataset.map !== undefined && document.documentElement.dataset.rendered !== undefined, undefined, { timeout });
}

/** The embed's content height, as it measures it for its host. */
export const contentHeight = (frame: Frame): Promise<number> => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

export const frameHeight = (page: Page, selector: string): Promise<number> =>
  page.evaluate((s) => Math.round(document.querySelector(s)!.getBoundingClientRect().height), selector);

/** Our own height messages, in order. */
export async function ownHeights(page: Page): Promise<number[]> {
  return (await messages(page)).flatMap((m) => (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'chronomap:height' ? [(m as { height: number }).height] : []));
}
