import { launch, serveDist } from '../../tests/browser/harness';
const server = await serveDist();
for (const [name, args] of [['svg', ['--disable-webgl', '--disable-3d-apis']], ['gl', []]] as const) {
  const browser = await launch([...args]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '/?to=2023-01-01');
  await page.waitForFunction(() => document.documentElement.dataset.map !== undefined, undefined, { timeout: 30000 });
  await page.waitForTimeout(800);
  await page.locator('#map').screenshot({ path: `test-results/framing-${name}.png` });
  await browser.close();
}
await server.close();
