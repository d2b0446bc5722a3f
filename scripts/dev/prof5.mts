import { readFileSync, readdirSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { launch, serveDist, waitForRendered } from '../../tests/browser/harness';
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url + '/');
await waitForRendered(page, 60000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const times = await page.evaluate(async () => {
  const h = (window as any).__chronomap; const s0 = h.getState(); const out: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = document.documentElement.dataset.rendered; const t0 = performance.now();
    await new Promise<void>((res) => { const mo = new MutationObserver(() => { if (document.documentElement.dataset.rendered !== before) { mo.disconnect(); res(); } }); mo.observe(document.documentElement, { attributes: true }); h.dispatch({ type: 'set-range', from: s0.from, to: s0.from + 30 * (i + 1) }); });
    out.push(Math.round(performance.now() - t0));
  }
  return out;
});
const { profile } = await cdp.send('Profiler.stop') as any;
console.log(times.join(' '));
const maps = new Map<string, SourceMapConsumer>();
for (const f of readdirSync('dist/assets').filter((f) => f.endsWith('.js.map'))) maps.set(f.replace('.map', ''), new SourceMapConsumer(JSON.parse(readFileSync('dist/assets/' + f, 'utf8'))));
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: any) => { const file = n.callFrame.url.split('/').pop(); const m = maps.get(file); if (m && n.callFrame.lineNumber >= 0) { const o = m.originalPositionFor({ line: n.callFrame.lineNumber + 1, column: n.callFrame.columnNumber }); return `${o.name ?? n.callFrame.functionName} ${String(o.source).split('/').slice(-2).join('/')}:${o.line}`; } return `${n.callFrame.functionName} ${file}`; };
const incl = new Map<string, number>();
const dt = profile.timeDeltas;
profile.samples.forEach((id: number, i: number) => { const seen = new Set<string>(); let cur: any = id; while (cur !== undefined) { const k = name(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0) / 1000); } cur = parent.get(cur); } });
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${Math.round(v)}ms ${k}`).join('\n'));
await browser.close(); await server.close();
