// npm run bench [-- --quick] [-- --runs N] [-- --only 10k,100k] [-- --gpu-raster] [-- --out FILE] [-- --no-build]:
// measures the built app against a floor page (a bare MapLibre page drawing the same countries and
// points, one setFilter per range change), side by side in the same run, on the real data and on
// synthetic datasets of 1k, 10k and 100k events. Prints a table of ours / floor ratios and writes
// bench/results.json, or, when only some datasets are measured (--quick, --only), a file in the
// OS temp folder, so the tracked results always hold a whole run. With --runs N, each page is
// measured N times (ours and the floor in turn) and every figure is the median of its N values.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Topology } from 'topojson-specification';
import { launch } from '../tests/browser/harness';
import { serveStatic, type StaticServer } from './lib/static-server';
import { synthesize } from './lib/synthetic';
import { readDataDir, readDataTexts } from './lib/read-data';
import { helpExit, parseFlags, usageExit } from './lib/args';
import { overviewJson } from './lib/overview-file';
import { lighthouseRuns } from './lib/lighthouse';
import { measureInp } from './lib/inp';
import { countriesFromTopology } from '../src/map/basemap';
import { buildModel } from '../src/model/model';
import { boundsOfPoints, fitBounds, uniformPadding } from '../src/map/camera';
import { COUNTRY_MAX_ZOOM, framingPadding } from '../src/map/framing';
import { SVG_MAX_STATIONS } from '../src/map/renderer';
import type { Config } from '../src/model/schema';

const require = createRequire(import.meta.url);
const USAGE = 'usage: npm run bench [-- --quick] [-- --runs N] [-- --only 10k,100k] [-- --gpu-raster] [-- --out FILE] [-- --no-build] [-- --lighthouse]';
const { values: flags } = parseFlags(
  {
    options: {
      /** The real data and 1k only: a smoke test of the harness (tests/browser/bench.test.ts). */
      quick: { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
      /** `--only 10k,100k` measures those datasets alone (for working on one figure). */
      only: { type: 'string' },
      'gpu-raster': { type: 'boolean', default: false },
      out: { type: 'string' },
      /** Measures the dist/ already built. */
      'no-build': { type: 'boolean', default: false },
      /** Lighthouse 12 (mobile) on our page, our embed and the floor, gzip-served, --runs times each. */
      lighthouse: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  },
  USAGE,
);
if (flags.help) helpExit(USAGE);
const quick = flags.quick;
const SCRUB_STEPS = 120;
const RUNS = Number(flags.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) usageExit(USAGE, `--runs takes a whole number of 1 or more (got ${flags.runs})`);

interface DatasetSpec {
  readonly name: string;
  readonly events?: number;
  readonly stations?: number;
}

const ALL_DATASETS: readonly DatasetSpec[] = [
  { name: 'real' },
  { name: '1k', events: 1_000, stations: 100 },
  { name: '10k', events: 10_000, stations: 1_000 },
  { name: '100k', events: 100_000, stations: 10_000 },
];
const only = flags.only === undefined ? null : new Set(flags.only.split(','));
const unknown = [...(only ?? [])].filter((name) => !ALL_DATASETS.some((d) => d.name === name));
if (unknown.length > 0) usageExit(USAGE, `--only takes names among ${ALL_DATASETS.map((d) => d.name).join(', ')} (got ${flags.only})`);
const DATASETS = ALL_DATASETS.filter((d) => (only ? only.has(d.name) : !quick || d.name === 'real' || d.name === '1k'));
/** bench/results.json (tracked) holds whole runs only; a partial run goes to the temp folder. */
const OUT = flags.out ?? (flags.lighthouse ? 'bench/lighthouse.json' : DATASETS.length === ALL_DATASETS.length ? 'bench/results.json' : join(tmpdir(), 'chronomap-bench-partial.json'));

interface Files {
  readonly 'stations.geojson': string;
  readonly 'events.json': string;
  readonly 'sources.json': string;
  readonly 'config.json': string;
  /** Derived by the build from the four above (scripts/lib/overview-file.ts). */
  readonly 'overview.json': string;
}

interface Run {
  firstPaintMs: number;
  interactiveMs: number;
  /**
   * Ours: when the model is built and every control works (the panel, search and list need the
   * events; the timeline, player and map work from the overview before). The floor has no such
   * step: its interactive time.
   */
  allControlsMs: number;
  /**
   * Ours: when MapLibre has taken over from the SVG map, where the data is too big for SVG (at the
   * smaller sizes the SVG map serves until the reader zooms: null). The floor's map is WebGL from
   * the start: its interactive time.
   */
  webglReadyMs: number | null;
  scrubP50Ms: number;
  scrubP95Ms: number;
  longTasks: number;
  longestTaskMs: number;
  heapAfterLoadMb: number;
  heapAfterScrubMb: number;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (n: number) => Math.round(n * 10) / 10;

function datasetFiles(spec: DatasetSpec, config: Config): Files {
  const configText = readFileSync('data/config.json', 'utf8');
  const data = spec.events ? synthesize(config, { events: spec.events, stations: spec.stations ?? 100, seed: 20221205 }) : null;
  const texts = data
    ? { config: configText, stations: JSON.stringify(data.stations), events: JSON.stringify(data.events), sources: JSON.stringify(data.sources) }
    : readDataTexts('data');
  const overview = overviewJson(texts);
  if (overview === null) throw new Error(`no overview for ${spec.name}`);
  return { 'stations.geojson': texts.stations!, 'events.json': texts.events!, 'sources.json': texts.sources!, 'config.json': texts.config!, 'overview.json': overview };
}

const WARMUP_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><p>warming up</p></body></html>';

/** The floor: MapLibre with the same countries and points, and nothing else. */
const FLOOR_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body{margin:0}#map{width:860px;height:420px}</style></head><body><p id="status" elementtiming="map-frame"></p><div id="map"></div><script type="module" src="floor.js"></script></body></html>`;

const FLOOR_JS = `import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl(new URL('maplibre-gl-worker.mjs', location.href).href);
const [countries, stations, view] = await Promise.all(['countries.json', 'stations.json', 'view.json'].map((f) => fetch(f).then((r) => r.json())));
const end = Math.max(...stations.features.map((f) => f.properties.firstDay));
// The same framing as the app's default view: every station, with the same padding.
const map = new Map({ container: 'map', center: [view.lon, view.lat], zoom: view.zoom, attributionControl: false, fadeDuration: 0, style: { version: 8, sources: {
  countries: { type: 'geojson', data: countries }, stations: { type: 'geojson', data: stations } },
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dce6ee' } },
    { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#eeeeee', 'fill-outline-color': '#8a96a3' } },
    { id: 'stations', type: 'circle', source: 'stations', filter: ['<=', ['get', 'firstDay'], end], paint: { 'circle-radius': 5, 'circle-color': '#d55e00' } }] } });
// 'idle' fires inside the frame that drew the map: the status line written here shows in that
// same frame, and its element timing says when the frame reached the screen.
map.once('idle', () => {
  document.getElementById('status').textContent = stations.features.length + ' stations';
  performance.mark('floor:interactive');
  window.__floor = { end, setTo: (day) => new Promise((resolve) => { map.once('idle', resolve); map.setFilter('stations', ['<=', ['get', 'firstDay'], day]); }) };
});
`;

/**
 * Waits for a performance mark without Playwright's page-side helpers: its first evaluate or
 * waitForFunction in a page injects a script that takes some 60 ms of the page's main thread to
 * compile and run, and `goto` returns (on the load event) before either page has painted its map.
 * A bare CDP evaluate compiles one line.
 */
async function untilMark(page: Page, mark: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const expression = `new Promise((resolve) => { const check = () => (performance.getEntriesByName(${JSON.stringify(mark)}).length > 0 ? resolve(true) : setTimeout(check, 50)); check(); })`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${mark} within 180 s`)), 180_000);
  });
  try {
    await Promise.race([cdp.send('Runtime.evaluate', { expression, awaitPromise: true }), timeout]);
  } finally {
    clearTimeout(timer);
    await cdp.detach();
  }
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return Math.round((usedSize / 1024 / 1024) * 10) / 10;
}

/** Both pages raster on the CPU unless asked (see launch in the harness, and the README). */
const GPU_RASTER = flags['gpu-raster'];

/**
 * Each page gets a browser of its own: Chromium's GPU process caches compiled shaders across
 * pages, so whichever page ran second would start warm.
 */
async function measure(url: string, kind: 'ours' | 'floor', start: number, end: number): Promise<Run> {
  const browser = await launch(['--enable-precise-memory-info'], { gpuRaster: GPU_RASTER });
  try {
    return await measureIn(browser, url, kind, start, end);
  } finally {
    await browser.close();
  }
}

async function measureIn(browser: Browser, url: string, kind: 'ours' | 'floor', start: number, end: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A reader's browser has painted pages before it opens ours; a fresh headless one has not, and
  // its first paint waits over a second for the GPU process to start. A page of text, in a tab of
  // its own (closed first, so its teardown does not land in the measured load), starts it without
  // compiling any WebGL shader, so neither page inherits a warm shader cache.
  const warmup = await context.newPage();
  await warmup.goto(new URL('/warmup.html', url).href);
  await warmup.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await warmup.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await untilMark(page, kind === 'ours' ? 'chronomap:model-ready' : 'floor:interactive');
  const mark = (name: string) => page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? null, name);
  // Where the data is too big for the SVG map, MapLibre starts at load: the scrub waits for it.
  const webglAtLoad = kind === 'ours' && (await page.evaluate(() => document.documentElement.dataset.map)) === 'svg' && (await page.evaluate(() => (window as unknown as { __chronomap: { stationIds(): string[] } }).__chronomap.stationIds().length)) > SVG_MAX_STATIONS;
  if (webglAtLoad) await untilMark(page, 'chronomap:webgl-ready');
  const webglReadyMs = kind === 'ours' ? await mark('chronomap:webgl-ready') : await mark('floor:interactive');
  const allControlsMs = kind === 'ours' ? (await mark('chronomap:model-ready'))! : webglReadyMs!;
  // The first map paint is the browser's own time: the element timing of text that first shows in
  // the same frame as the map (the SVG map's attribution, the floor's status line), when that
  // frame was presented, not when a script finished. The page's other text is in the HTML.
  const firstPaintMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
            if (e.identifier !== 'map-frame') continue;
            observer.disconnect();
            resolve(e.renderTime);
          }
        }).observe({ type: 'element', buffered: true });
      }),
  );
  // Interactive: the controls' first frame (a mark set once that frame is out), for the floor its map.
  const interactiveMs = kind === 'ours' ? Math.max(firstPaintMs, (await mark('chronomap:controls-ready')) ?? firstPaintMs) : firstPaintMs;
  const heapAfterLoadMb = await heapMb(page);
  // The scrub: range changes through the app's own state path (what a brush drag sends), each
  // timed until the map is idle and the timeline drawn; the floor applies one setFilter each.
  const scrub = await page.evaluate(
    async ({ kind, start, end, steps }) => {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const times: number[] = [];
      const span = end - start;
      for (let i = 0; i < steps; i++) {
        const to = Math.round(start + (span * (i + 1)) / steps);
        const t0 = performance.now();
        if (kind === 'floor') {
          await (window as unknown as { __floor: { setTo(d: number): Promise<void> } }).__floor.setTo(to);
        } else {
          const h = (window as unknown as { __chronomap: { dispatch(i: unknown): void; getState(): { from: number } } }).__chronomap;
          const before = document.documentElement.dataset.rendered;
          await new Promise<void>((resolve) => {
            const mo = new MutationObserver(() => {
              if (document.documentElement.dataset.rendered !== before) {
                mo.disconnect();
                resolve();
              }
            });
            mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-rendered'] });
            h.dispatch({ type: 'set-range', from: h.getState().from, to });
          });
        }
        times.push(performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return { times, tasks };
    },
    { kind, start, end, steps: SCRUB_STEPS },
  );
  const heapAfterScrubMb = await heapMb(page);
  await context.close();
  if (errors.length > 0) throw new Error(`${kind} ${url}: ${errors.join('; ')}`);
  return {
    firstPaintMs: round(firstPaintMs),
    interactiveMs: round(interactiveMs),
    allControlsMs: round(Math.max(interactiveMs, allControlsMs)),
    webglReadyMs: webglReadyMs === null ? null : round(webglReadyMs),
    scrubP50Ms: round(percentile(scrub.times, 50)),
    scrubP95Ms: round(percentile(scrub.times, 95)),
    longTasks: scrub.tasks.length,
    longestTaskMs: round(Math.max(0, ...scrub.tasks)),
    heapAfterLoadMb,
    heapAfterScrubMb,
  };
}

/** Each figure's median over the runs (the upper middle one for an even count). */
function medianRun(runs: readonly Run[]): Run {
  const keys = Object.keys(runs[0]) as (keyof Run)[];
  return Object.fromEntries(
    keys.map((k) => {
      const values = runs.map((r) => r[k]).filter((v): v is number => v !== null);
      return [k, values.length > 0 ? percentile(values, 50) : null];
    }),
  ) as unknown as Run;
}

function bundleSizes() {
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const assets = readdirSync('dist/assets');
  const js = assets.filter((f) => /\.(m?js)$/.test(f));
  const css = assets.filter((f) => f.endsWith('.css'));
  const size = (files: string[], dir = 'dist') => files.reduce((sum, f) => sum + gz(readFileSync(join(dir, f))), 0);
  return {
    jsBeforeFirstPaintKiB: kib(size([...new Set(entry)])),
    allJsKiB: kib(size(js, 'dist/assets')),
    cssKiB: kib(size(css, 'dist/assets')),
    basemapKiB: kib(gz(readFileSync('dist/basemap/countries-110m.json'))),
  };
}

async function main(): Promise<void> {
  if (!flags['no-build']) {
    // The production build, for the bundle sizes, and the test build (a handle the harness drives
    // the scrub through: src/test-hooks.ts), which is what the pages load.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', 'dist-test'], { stdio: 'inherit', env: { ...process.env, VITE_CHRONOMAP_TEST_HOOKS: '1' } });
  }
  const real = readDataDir('data');
  if (!real.result) throw new Error('data/ does not validate');
  const config = real.result.dataset.config;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
  const countries = countriesFromTopology(topology);
  const maplibreDir = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.mjs'));
  let files: Files = datasetFiles(DATASETS[0], config);
  let floorStations = '';
  let floorView = '';
  const server: StaticServer = await serveStatic('dist-test');
  server.setOverride((_req, res, path) => {
    const send = (body: string | Buffer, type: string) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
      return true;
    };
    const dataFile = /^\/data\/(.+)$/.exec(path)?.[1] as keyof Files | undefined;
    if (dataFile && dataFile in files) return send(files[dataFile], 'application/json');
    if (path === '/warmup.html') return send(WARMUP_HTML, 'text/html');
    if (path === '/floor/index.html') return send(FLOOR_HTML, 'text/html');
    if (path === '/floor/floor.js') return send(FLOOR_JS, 'text/javascript');
    if (path === '/floor/countries.json') return send(JSON.stringify(countries), 'application/json');
    if (path === '/floor/stations.json') return send(floorStations, 'application/json');
    if (path === '/floor/view.json') return send(floorView, 'application/json');
    const lib = /^\/floor\/(maplibre-gl(?:-worker)?\.(?:mjs|css))$/.exec(path)?.[1];
    if (lib) return send(readFileSync(join(maplibreDir, lib)), lib.endsWith('css') ? 'text/css' : 'text/javascript');
    return false;
  });
  const results: Record<string, unknown>[] = [];
  let chromium = '';
  if (flags.lighthouse) {
    const model = buildModel(real.result.dataset);
    ({ stations: floorStations, view: floorView } = floorData(model));
    await lighthouseReport(server);
    await server.close();
    return;
  }
  try {
    for (const spec of DATASETS) {
      files = datasetFiles(spec, config);
      const dir = `/tmp/chronomap-bench-${spec.name}`;
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const read = readDataDir(dir);
      const model = buildModel(read.result!.dataset);
      ({ stations: floorStations, view: floorView } = floorData(model));
      const dataKiB = kib(['stations.geojson', 'events.json', 'sources.json', 'config.json', 'overview.json'].reduce((sum, f) => sum + gz(files[f as keyof Files]), 0));
      console.error(`bench: ${spec.name} (${model.events.length} events, ${model.stations.length} stations), ${RUNS} run${RUNS > 1 ? 's' : ''} of each page`);
      const oursRuns: Run[] = [];
      const floorRuns: Run[] = [];
      // In turn, so that a slow spell of this shared machine falls on both pages alike.
      for (let run = 0; run < RUNS; run++) {
        oursRuns.push(await measure(`${server.url}/`, 'ours', model.start, model.end));
        floorRuns.push(await measure(`${server.url}/floor/index.html`, 'floor', model.start, model.end));
      }
      const ours = medianRun(oursRuns);
      const floor = medianRun(floorRuns);
      results.push({ dataset: spec.name, events: model.events.length, stations: model.stations.length, dataGzipKiB: dataKiB, ours, floor });
    }
    const probe = await launch();
    chromium = probe.version();
    await probe.close();
  } finally {
    await server.close();
  }
  const sizes = bundleSizes();
  const floorJsKiB = kib(gz(readFileSync(join(maplibreDir, 'maplibre-gl.mjs'))) + gz(readFileSync(join(maplibreDir, 'maplibre-gl-worker.mjs'))));
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium, webgl: 'SwiftShader (software)' };
  const report = { date: new Date().toISOString(), quick, runs: RUNS, machine, sizes: { ...sizes, floorJsKiB }, results };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  printTable(report.results as unknown as { dataset: string; ours: Run; floor: Run }[], sizes, floorJsKiB);
  if (RUNS > 1) console.log(`Each figure is the median of ${RUNS} runs of its page.`);
  console.log(`\nwrote ${OUT}`);
}

/** The floor page's stations and opening view (the app's default framing: every station). */
function floorData(model: ReturnType<typeof buildModel>): { stations: string; view: string } {
  const stations = JSON.stringify({
    type: 'FeatureCollection',
    features: model.stations.map((s) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { firstDay: s.visibleFrom } })),
  });
  const size = { width: 860, height: 420 };
  const bounds = boundsOfPoints(model.stations.map((st) => [st.lon, st.lat] as [number, number]));
  return { stations, view: JSON.stringify(bounds ? fitBounds(bounds, size, uniformPadding(framingPadding(size)), COUNTRY_MAX_ZOOM) : { lon: 0, lat: 20, zoom: 1 }) };
}

/**
 * Lighthouse on the build readers get (dist/, gzip-served) with the real data: our page, our embed
 * and the floor page, in turn.
 */
async function lighthouseReport(floorServer: StaticServer): Promise<void> {
  const ours = await serveStatic('dist', { gzip: true });
  const floor = await serveStatic('dist', { gzip: true });
  // The floor's files, from the bench's own server (its overrides), gzip-served here too.
  floor.setOverride(async (req, res, path) => {
    if (!path.startsWith('/floor/')) return false;
    const upstream = await fetch(`${floorServer.url}${path}`);
    const body = Buffer.from(await upstream.arrayBuffer());
    const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream', ...(gzipOk ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzipOk ? gzipSync(body, { level: 9 }) : body);
    return true;
  });
  try {
    const pages = [
      { name: 'our page', url: `${ours.url}/` },
      { name: 'our embed', url: `${ours.url}/?embed=1` },
      { name: 'floor (bare MapLibre)', url: `${floor.url}/floor/index.html` },
    ];
    const results = await lighthouseRuns(pages, RUNS);
    // INP: the test build (its handle aims the clicks), the same page and embed.
    const inp: Record<string, unknown>[] = [];
    for (const [name, path] of [['our page', '/'], ['our embed', '/?embed=1']] as const) {
      const browser = await launch();
      try {
        const runs = [];
        for (let r = 0; r < RUNS; r++) runs.push(await measureInp(browser, `${floorServer.url}${path}`));
        const sorted = runs.map((x) => x.inpMs).sort((a, b) => a - b);
        inp.push({ name, inpMs: sorted[Math.floor(sorted.length / 2)], runs });
        console.error(`INP: ${name}: ${sorted.join(', ')} ms`);
      } finally {
        await browser.close();
      }
    }
    const report = { date: new Date().toISOString(), runs: RUNS, lighthouse: '12 (mobile, simulated throttling)', results, inp };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    console.log('| page | performance | TBT (ms) | CLS | LCP (ms) | FCP (ms) | Speed Index (ms) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) console.log(`| ${r.name} | ${r.median.performance} | ${r.median.tbtMs} | ${r.median.cls} | ${r.median.lcpMs} | ${r.median.fcpMs} | ${r.median.siMs} |`);
    if (RUNS > 1) console.log(`Each figure is the median of ${RUNS} runs of its page.`);
    for (const r of results) console.log(`LCP element, ${r.name}: ${r.median.lcpElement}`);
    for (const r of inp) console.log(`INP (412 px, CPU 4x slower, after the first interaction settled), ${r.name}: ${r.inpMs} ms`);
    console.log(`\nwrote ${OUT}`);
  } finally {
    await ours.close();
    await floor.close();
  }
}

function printTable(results: { dataset: string; ours: Run; floor: Run; dataGzipKiB?: number }[], sizes: ReturnType<typeof bundleSizes>, floorJsKiB: number): void {
  const metrics: [keyof Run, string][] = [
    ['firstPaintMs', 'first map paint (ms)'],
    ['interactiveMs', 'interactive (ms)'],
    ['allControlsMs', 'every control working (ms)'],
    ['webglReadyMs', 'WebGL map ready (ms)'],
    ['scrubP50Ms', 'scrub p50 (ms)'],
    ['scrubP95Ms', 'scrub p95 (ms)'],
    ['longTasks', 'long tasks while scrubbing'],
    ['longestTaskMs', 'longest task (ms)'],
    ['heapAfterLoadMb', 'heap after load (MB)'],
    ['heapAfterScrubMb', 'heap after scrub (MB)'],
  ];
  const header = ['metric', ...results.map((r) => `${r.dataset}: ours / floor = ratio`)];
  const ratio = (a: number | null, b: number | null) => (a !== null && b ? (a / b).toFixed(2) : '-');
  const rows = metrics.map(([key, label]) => [label, ...results.map((r) => `${r.ours[key] ?? '–'} / ${r.floor[key] ?? '–'} = ${ratio(r.ours[key], r.floor[key])}`)]);
  rows.push(['data (gzip KiB)', ...results.map((r) => String(r.dataGzipKiB ?? ''))]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nJS before first map paint: ${sizes.jsBeforeFirstPaintKiB} KiB gzip; all JS: ${sizes.allJsKiB} KiB (floor: ${floorJsKiB} KiB); CSS: ${sizes.cssKiB} KiB; basemap: ${sizes.basemapKiB} KiB`);
}

await main();
