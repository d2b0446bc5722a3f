import { launch, serveDist, waitForRendered, screenshot, recordRequests } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
for (const [name, vp, q] of [['desktop', { width: 1280, height: 900 }, process.argv[2] ?? ''], ['phone', { width: 360, height: 740 }, process.argv[2] ?? '']] as const) {
  const page = await browser.newPage({ viewport: vp });
  const reqs = recordRequests(page);
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(server.url + '/' + q);
  try { await waitForRendered(page, 20000); } catch (e) { console.log('not rendered'); }
  await page.waitForTimeout(500);
  await screenshot(page, 'dev-' + name);
  console.log(name, await page.textContent('#counts'), reqs.filter(u => !u.startsWith(server.url)));
}
await browser.close(); await server.close();
