// The engine on another story: the euro example builds and renders with its own words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, waitForRendered } from './harness';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { checkDataDir } from '../../scripts/check-data';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'example-dist-'));
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, CHRONOMAP_DATA: 'examples/euro-adoption' }, stdio: 'inherit' });
  server = await serveStatic(out);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('another story', () => {
  it('passes the checker', () => {
    expect(checkDataDir('examples/euro-adoption').filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('builds and renders with its own title, vocabulary and words', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?to=2010-01-01`);
    await waitForRendered(page);
    expect(await page.textContent('h1')).toMatch(/euro/i);
    expect(await page.textContent('#counts')).toMatch(/^\d+ countries as of Jan 1, 2010/);
    expect(await page.textContent('#legend')).toContain('Uses the euro');
    expect(await page.textContent('#legend')).not.toContain('Under investigation');
    await page.close();
  });
});
