import { launch, serveDist, waitForRendered } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + (process.argv[2] ?? '/?theme=dark&country=US'));
await waitForRendered(page, 20000);
console.log(await page.evaluate(() => {
  const out: string[] = [`body ${document.body.scrollHeight}`];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 1200 && r.height > 0) out.push(`${el.tagName}.${el.className} ${el.id} top=${r.top|0} bottom=${r.bottom|0}`);
  }
  return out.slice(0, 15).join('\n');
}));
await browser.close(); await server.close();
