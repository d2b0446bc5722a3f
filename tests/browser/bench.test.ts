// The benchmark harness works (real data + 1k events, against the floor page). No times are
// asserted here: performance targets live in `npm run bench`, not in timed tests.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './harness';

describe('npm run bench -- --quick', () => {
  it('measures ours and the floor on the real data and 1k events, and writes the results', () => {
    ensureBuilt();
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'results.json');
    const printed = execFileSync('node', ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--no-build', '--out', out], { encoding: 'utf8', timeout: 400_000 });
    expect(printed).toMatch(/\| first map paint \(ms\)/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: { dataset: string; ours: Record<string, number>; floor: Record<string, number> }[]; sizes: Record<string, number> };
    expect(report.results.map((r) => r.dataset)).toEqual(['real', '1k']);
    for (const r of report.results) {
      for (const key of ['firstPaintMs', 'interactiveMs', 'scrubP50Ms', 'scrubP95Ms', 'heapAfterLoadMb']) {
        expect(r.ours[key], `${r.dataset} ours ${key}`).toBeGreaterThan(0);
        expect(r.floor[key], `${r.dataset} floor ${key}`).toBeGreaterThan(0);
      }
    }
    expect(report.sizes.jsBeforeFirstPaintKiB).toBeGreaterThan(10);
  }, 420_000);
});
