import { describe, expect, it } from 'vitest';
import { layoutMarks, maxZoomFor, placeAnnotations } from '../../src/timeline/layout';
import { unwrapRing } from '../../src/map/basemap';

describe('layoutMarks (stacking)', () => {
  const lanesOf = (xs: number[], size: number, gap = 1) => [...layoutMarks(xs, size, gap, Infinity, 10).lanes];
  it('puts marks far apart in one lane', () => {
    expect(lanesOf([0, 20, 40], 10)).toEqual([0, 0, 0]);
  });
  it('stacks marks that would overlap, and never lets two in a lane overlap', () => {
    const xs = [5, 6, 7, 12, 30, 31, 100];
    const size = 10;
    const lanes = lanesOf(xs, size, 1);
    for (let i = 0; i < xs.length; i++) {
      for (let j = i + 1; j < xs.length; j++) {
        if (lanes[i] === lanes[j]) expect(Math.abs(xs[i] - xs[j])).toBeGreaterThanOrEqual(size + 1);
      }
    }
    expect(lanes.slice(0, 3)).toEqual([0, 1, 2]);
    expect(lanes[6]).toBe(0);
  });
  it('handles no marks', () => {
    expect(lanesOf([], 10)).toEqual([]);
  });
  it('zooms in far enough to show single days', () => {
    expect(maxZoomFor(1200, 600, 24)).toBe(48);
    expect(maxZoomFor(5, 600)).toBe(1);
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

describe('layoutMarks (density binning)', () => {
  it('stacks like stackMarks while lanes last', () => {
    const xs = [0, 1, 2, 30, 60];
    const { lanes, laneCount, density } = layoutMarks(xs, 10, 1, 8, 10);
    expect([...lanes]).toEqual([0, 1, 2, 0, 0]);
    expect(laneCount).toBe(3);
    expect(density.size).toBe(0);
  });
  it('counts marks beyond the lane limit per bucket, and nothing is lost', () => {
    const xs = Array.from({ length: 100 }, (_, i) => (i < 50 ? 5 : 105));
    const { lanes, density } = layoutMarks(xs, 10, 1, 4, 20);
    expect([...lanes].filter((l) => l >= 0)).toHaveLength(8);
    expect(density.get(0)).toBe(46);
    expect(density.get(5)).toBe(46);
    expect([...lanes].filter((l) => l >= 0).length + [...density.values()].reduce((a, b) => a + b, 0)).toBe(100);
  });
  it('resolves the density into marks when zoomed in (spread x)', () => {
    const xs = Array.from({ length: 40 }, (_, i) => i * 0.5);
    const zoomedOut = layoutMarks(xs, 10, 1, 4, 10);
    const zoomedIn = layoutMarks(xs.map((x) => x * 40), 10, 1, 4, 10);
    expect(zoomedOut.density.size).toBeGreaterThan(0);
    expect(zoomedIn.density.size).toBe(0);
    expect(zoomedIn.laneCount).toBe(1);
  });
  it('lays out 100,000 marks', () => {
    const xs = Float64Array.from({ length: 100_000 }, (_, i) => (i / 100_000) * 800);
    const { lanes, density } = layoutMarks(xs, 12, 2, 8, 4);
    const placed = [...lanes].filter((l) => l >= 0).length;
    expect(placed + [...density.values()].reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(placed).toBeLessThan(1000);
  });
});

describe('placeAnnotations', () => {
  const measure = (t: string) => t.length * 7;
  it('names the most important moments first, short where the full label does not fit, and none over another', () => {
    const items = [
      { x: 100, label: 'A long first label', short: 'First' },
      { x: 160, label: 'Second label', short: 'Two' },
      { x: 300, label: 'Third', short: 'Th' },
    ];
    const placed = placeAnnotations(items, 0, 360, measure);
    expect(placed.map((p) => p.index).sort()).toEqual([0, 1, 2]);
    for (let i = 1; i < placed.length; i++) expect(placed[i].left).toBeGreaterThanOrEqual(placed[i - 1].right);
    // A label grows to its full text only where that leaves the others room.
    expect(placed.find((p) => p.index === 0)!.text).toBe('First');
    expect(placed.find((p) => p.index === 2)!.text).toBe('Third');
    expect(placed.every((p) => p.left >= 0 && p.right <= 360)).toBe(true);
  });
  it('drops the least important when there is no room, and keeps labels inside the edges', () => {
    const items = [
      { x: 50, label: 'Important', short: 'Imp' },
      { x: 52, label: 'Less', short: 'L' },
      { x: 355, label: 'Edge label', short: 'Edge' },
    ];
    const placed = placeAnnotations(items, 0, 360, measure);
    expect(placed.map((p) => p.index)).toContain(0);
    expect(placed.map((p) => p.index)).not.toContain(1);
    const edge = placed.find((p) => p.index === 2)!;
    expect(edge.anchor).toBe('end');
    expect(edge.right).toBeLessThanOrEqual(360);
  });
});
