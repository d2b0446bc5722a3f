// Lighthouse 12 (mobile, simulated throttling: its default) on pages served gzipped from loopback,
// in Debian's Chromium. Each page is run `runs` times, the pages in turn, so that a slow spell of
// this shared machine falls on all of them alike; each figure is reported as the median.
import lighthouse from 'lighthouse';
import { launch as launchChrome } from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/browser/harness.ts';

export interface LighthouseRun {
  readonly performance: number;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly siMs: number;
  /** The LCP element, as Lighthouse names it. */
  readonly lcpElement: string;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(url: string): Promise<LighthouseRun> {
  const chrome = await launchChrome({
    chromePath: CHROMIUM,
    // The harness's flags (no network beyond loopback, software WebGL), headless.
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS, '--disable-gpu-rasterization'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const lcp = lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
    return {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcpMs: Math.round(value('first-contentful-paint')),
      lcpMs: Math.round(value('largest-contentful-paint')),
      tbtMs: Math.round(value('total-blocking-time')),
      cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
      siMs: Math.round(value('speed-index')),
      lcpElement: lcp?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
    };
  } finally {
    chrome.kill();
  }
}

export async function lighthouseRuns(pages: readonly { readonly name: string; readonly url: string }[], runs: number): Promise<{ name: string; url: string; median: LighthouseRun; runs: LighthouseRun[] }[]> {
  const all = new Map<string, LighthouseRun[]>(pages.map((p) => [p.name, []]));
  for (let r = 0; r < runs; r++) {
    for (const p of pages) {
      const run = await once(p.url);
      console.error(`lighthouse: ${p.name} run ${r + 1}: ${run.performance} (TBT ${run.tbtMs} ms, LCP ${run.lcpMs} ms, CLS ${run.cls})`);
      all.get(p.name)!.push(run);
    }
  }
  return pages.map((p) => {
    const list = all.get(p.name)!;
    const pick = (k: Exclude<keyof LighthouseRun, 'lcpElement'>) => median(list.map((x) => x[k]));
    return {
      name: p.name,
      url: p.url,
      runs: list,
      median: { performance: pick('performance'), fcpMs: pick('fcpMs'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs'), cls: pick('cls'), siMs: pick('siMs'), lcpElement: list[0].lcpElement },
    };
  });
}
