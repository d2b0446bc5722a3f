import { launch, serveDist } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  (window as any).__lt = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
await page.goto(server.url + (process.argv[2] ?? '/'));
await page.waitForFunction(() => performance.getEntriesByName('chronomap:interactive').length > 0, undefined, { timeout: 60000 });
const { profile } = await cdp.send('Profiler.stop') as any;
console.log(await page.evaluate(() => JSON.stringify((window as any).__lt)));
console.log(await page.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))));
// self time per function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)}ms ${k}`).join('\n'));
await browser.close(); await server.close();
