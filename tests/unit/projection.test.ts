import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3';
import { fitBounds, iconScale, latitudeOf, mercatorX, mercatorY, polygonsPath, project } from '../../src/map/projection';

describe('Mercator world units', () => {
  it('puts the origin at the middle and the edges at 0 and 1', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorY(0)).toBeCloseTo(0.5);
    expect(mercatorY(85.051129)).toBeCloseTo(0, 5);
  });
  it('latitudeOf undoes mercatorY', () => {
    for (const lat of [-60, -33.9, 0, 22.3, 53.35, 70]) expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 6);
  });
  it('icons grow linearly between the zoom stops and stay put outside them', () => {
    expect(iconScale(-1)).toBe(0.8);
    expect(iconScale(2)).toBeCloseTo(0.9);
    expect(iconScale(6)).toBeCloseTo(1.15);
    expect(iconScale(12)).toBe(1.3);
  });
});

describe('fitBounds and polygonsPath (the SVG map)', () => {
  const bounds: [[number, number], [number, number]] = [[-140, -50], [165, 70]];

  it('places points where d3 Mercator fitted to the same bounds does', () => {
    for (const [w, h] of [[860, 420], [360, 300], [1200, 900]]) {
      const fit = fitBounds(bounds, w, h, 8);
      const d3 = geoMercator().fitExtent([[8, 8], [w - 8, h - 8]], { type: 'MultiPoint', coordinates: bounds });
      for (const [lon, lat] of [[0, 0], [-140, -50], [165, 70], [116.4, 39.9], [-79.4, 43.7]]) {
        const [x, y] = project(fit, lon, lat);
        const [ex, ey] = d3([lon, lat])!;
        expect(Math.abs(x - ex)).toBeLessThan(0.01);
        expect(Math.abs(y - ey)).toBeLessThan(0.01);
      }
    }
  });

  it('keeps the bounds inside the padding and fills one dimension', () => {
    const fit = fitBounds(bounds, 500, 500, 10);
    const [x0, y0] = project(fit, -140, 70);
    const [x1, y1] = project(fit, 165, -50);
    expect(x0).toBeCloseTo(10, 6);
    expect(x1).toBeCloseTo(490, 6);
    expect(y0).toBeGreaterThanOrEqual(10);
    expect(y1).toBeLessThanOrEqual(490);
    expect((y0 + y1) / 2).toBeCloseTo(250, 6);
  });

  it('writes one closed subpath per ring, in straight Mercator segments', () => {
    const fit = { k: 360, tx: 0, ty: 0 };
    const d = polygonsPath([[[[0, 0], [10, 0], [10, 10], [0, 0]]], [[[20, 0], [30, 0], [20, 5], [20, 0]]]], fit);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
    expect(d.startsWith('M180.0,180.0L190.0,180.0')).toBe(true);
  });
});
