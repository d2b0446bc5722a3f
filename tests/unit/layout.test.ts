import { describe, expect, it } from 'vitest';
import { maxZoomFor, stackMarks } from '../../src/timeline/layout';
import { stationOffsets } from '../../src/map/offsets';
import { unwrapRing } from '../../src/map/basemap';

describe('stackMarks', () => {
  it('puts marks far apart in one lane', () => {
    expect(stackMarks([0, 20, 40], 10)).toEqual([0, 0, 0]);
  });
  it('stacks marks that would overlap, and never lets two in a lane overlap', () => {
    const xs = [5, 6, 7, 30, 12, 31, 100];
    const size = 10;
    const lanes = stackMarks(xs, size, 1);
    for (let i = 0; i < xs.length; i++) {
      for (let j = i + 1; j < xs.length; j++) {
        if (lanes[i] === lanes[j]) expect(Math.abs(xs[i] - xs[j])).toBeGreaterThanOrEqual(size + 1);
      }
    }
    expect(lanes.slice(0, 3)).toEqual([0, 1, 2]);
    expect(lanes[6]).toBe(0);
  });
  it('handles no marks', () => {
    expect(stackMarks([], 10)).toEqual([]);
  });
  it('zooms in far enough to show single days', () => {
    expect(maxZoomFor(1200, 600, 24)).toBe(48);
    expect(maxZoomFor(5, 600)).toBe(1);
  });
});

describe('stationOffsets', () => {
  it('leaves lone stations in place and fans out those that share a city', () => {
    const { slots, offsets } = stationOffsets([[0, 0], [10, 10], [10, 10], [10, 10]]);
    expect(offsets[slots[0]]).toEqual([0, 0]);
    const fanned = slots.slice(1).map((s) => offsets[s]);
    expect(new Set(fanned.map((o) => o.join(','))).size).toBe(3);
    for (const [x, y] of fanned) expect(Math.hypot(x, y)).toBeGreaterThan(5);
  });
});

describe('unwrapRing', () => {
  it('keeps a ring that crosses the antimeridian continuous', () => {
    const ring = unwrapRing([[178, 60], [-179, 61], [-178, 62], [179, 63], [178, 60]]);
    const lons = ring.map((p) => p[0]);
    for (let i = 1; i < lons.length; i++) expect(Math.abs(lons[i] - lons[i - 1])).toBeLessThan(180);
    expect(lons).toEqual([178, 181, 182, 179, 178]);
  });
});
