import { describe, expect, it } from 'vitest';
import { clusterCellSize, clusterPoints } from '../../src/map/clusters';

describe('clusterPoints', () => {
  const cell = 0.1;
  it('turns a crowded cell into one cluster at the mean of its members, and leaves sparse ones alone', () => {
    // 5 stations in cell (0,0), 2 in cell (5,5): with min 4 only the first becomes a cluster.
    const xs = Float64Array.from([0.01, 0.02, 0.03, 0.04, 0.05, 0.55, 0.56]);
    const ys = Float64Array.from([0.01, 0.01, 0.02, 0.02, 0.04, 0.55, 0.56]);
    const { inCluster, clusters } = clusterPoints(xs, ys, () => true, cell, 4);
    expect([...inCluster]).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].members).toEqual([0, 1, 2, 3, 4]);
    expect(clusters[0].x).toBeCloseTo(0.03);
    expect(clusters[0].y).toBeCloseTo(0.02);
  });
  it('counts only stations that are shown on the date', () => {
    const xs = Float64Array.from([0.01, 0.02, 0.03, 0.04]);
    const ys = Float64Array.from([0.01, 0.02, 0.03, 0.04]);
    expect(clusterPoints(xs, ys, () => true, cell, 4).clusters).toHaveLength(1);
    const r = clusterPoints(xs, ys, (i) => i !== 2, cell, 4);
    expect(r.clusters).toHaveLength(0);
    expect([...r.inCluster]).toEqual([0, 0, 0, 0]);
  });
  it('keeps cells apart across rows and columns', () => {
    // Same column, different rows; same row, different columns: never one cell.
    const xs = Float64Array.from([0.05, 0.05, 0.15, 0.95]);
    const ys = Float64Array.from([0.05, 0.15, 0.05, 0.05]);
    expect(clusterPoints(xs, ys, () => true, cell, 2).clusters).toHaveLength(0);
  });
  it('halves the cell with each whole zoom level and ignores fractions', () => {
    expect(clusterCellSize(1)).toBeCloseTo(clusterCellSize(0) / 2);
    expect(clusterCellSize(1.9)).toBe(clusterCellSize(1));
  });
});
