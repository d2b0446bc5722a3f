import { launch, serveDist, waitForRendered, screenshot } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
const shots: [string, string, number][] = [['zh', '/?lang=zh-Hans&station=ie-dublin', 1280], ['dark', '/?theme=dark&country=US', 1280], ['list', '/?view=list&from=2022-10-01&to=2022-12-31', 1280]];
for (const [name, q, w] of shots) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(m.type(), m.text()); });
  await page.goto(server.url + q);
  await waitForRendered(page, 20000);
  await page.waitForTimeout(1500);
  await screenshot(page, 'dev-' + name);
}
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + '/?from=2022-10-01&to=2022-12-31');
await waitForRendered(page, 20000);
await page.emulateMedia({ media: 'print' });
await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
await page.waitForTimeout(500);
await page.pdf({ path: 'test-results/print.pdf', format: 'A4' });
await browser.close(); await server.close();
