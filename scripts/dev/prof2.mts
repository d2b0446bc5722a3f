import { launch, serveDist } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + '/');
await page.waitForFunction(() => performance.getEntriesByName('chronomap:first-map-paint').length > 0);
const t = await page.evaluate(() => {
  const t0 = performance.now();
  const c = document.createElement('canvas');
  const ok = !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  return [ok, performance.now() - t0];
});
console.log('webgl detect', t);
await browser.close(); await server.close();
