import { describe, expect, it } from 'vitest';
import { geoMercator } from 'd3';
import { boundsOfPoints, fitBounds, formatCamera, panBy, parseCamera, projectPoint, uniformPadding, unprojectPoint, validCamera, wrapLon, zoomAround, zoomToSeparate } from '../../src/map/camera';

const size = { width: 800, height: 500 };

describe('camera geometry', () => {
  it('projects and unprojects the same place, on the world copy nearest the centre', () => {
    const cam = { lon: 170, lat: -20, zoom: 4 };
    const [x, y] = projectPoint(cam, size, -178, -17);
    expect(x).toBeGreaterThan(400); // east of the centre, across the antimeridian
    const [lon, lat] = unprojectPoint(cam, size, x, y);
    expect(lon).toBeCloseTo(-178, 6);
    expect(lat).toBeCloseTo(-17, 6);
  });
  it('projects as d3\'s Mercator does at the same scale (MapLibre\'s Web Mercator)', () => {
    const cam = { lon: 12, lat: 42, zoom: 4.3 };
    const d3 = geoMercator().scale((512 * 2 ** cam.zoom) / (2 * Math.PI)).center([cam.lon, cam.lat]).translate([size.width / 2, size.height / 2]);
    for (const [lon, lat] of [[2.35, 48.85], [12.5, 41.9], [-3.7, 40.4], [23.7, 37.98]] as const) {
      const [x, y] = projectPoint(cam, size, lon, lat);
      const [ex, ey] = d3([lon, lat])!;
      expect(x).toBeCloseTo(ex, 6);
      expect(y).toBeCloseTo(ey, 6);
    }
  });
  it('zooms about a pixel that stays on the same place, and pans by pixels', () => {
    const cam = { lon: 10, lat: 45, zoom: 3 };
    const before = unprojectPoint(cam, size, 100, 80);
    const zoomed = zoomAround(cam, size, 1.5, 100, 80);
    expect(zoomed.zoom).toBe(4.5);
    const after = projectPoint(zoomed, size, before[0], before[1]);
    expect(after[0]).toBeCloseTo(100, 6);
    expect(after[1]).toBeCloseTo(80, 6);
    const panned = panBy(cam, size, 100, 0);
    expect(projectPoint(panned, size, cam.lon, cam.lat)[0]).toBeCloseTo(300, 6);
  });
  it('fits bounds inside the padding, as large as they go', () => {
    const b = [-10, 35, 30, 60] as const;
    const cam = fitBounds(b, size, uniformPadding(40));
    const corners = [projectPoint(cam, size, b[0], b[3]), projectPoint(cam, size, b[2], b[1])];
    for (const [x, y] of corners) {
      expect(x).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(x).toBeLessThanOrEqual(760 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(y).toBeLessThanOrEqual(460 + 1e-6);
    }
    // One side touches its padding.
    expect(Math.min(corners[0][0] - 40, 760 - corners[1][0], corners[0][1] - 40, 460 - corners[1][1])).toBeCloseTo(0, 6);
    expect(fitBounds([5, 5, 5, 5], size, uniformPadding(40), 7).zoom).toBe(7);
  });
  it('bounds points across the antimeridian when that is shorter (Fiji, Russia)', () => {
    const fiji = boundsOfPoints([[178.4, -18.1], [-179.9, -16.5], [177.4, -17.6]]);
    expect(fiji).not.toBeNull();
    const [west, , east] = fiji!;
    expect(west).toBeCloseTo(177.4);
    expect(east).toBeCloseTo(180.1);
    const cam = fitBounds(fiji!, size, uniformPadding(40), 12);
    expect(Math.abs(wrapLon(cam.lon - 178.75))).toBeLessThan(0.01);
    expect(cam.zoom).toBeGreaterThan(6);
    const russia = boundsOfPoints([[37.6, 55.8], [131.9, 43.1], [177.5, 64.7], [-173.2, 65.7], [20.5, 54.7]]);
    expect(russia![0]).toBeCloseTo(20.5);
    expect(russia![2]).toBeCloseTo(186.8);
    // Points on both sides of Greenwich stay a short box.
    boundsOfPoints([[-3.7, 40.4], [2.35, 48.85]])!.forEach((v, i) => expect(v).toBeCloseTo([-3.7, 40.4, 2.35, 48.85][i], 9));
  });
  it('writes and reads at=zoom/lat/lon, and refuses what is not a camera', () => {
    const c = { lon: -74.006, lat: 40.7128, zoom: 9.5 };
    const text = formatCamera(c);
    expect(text).toBe('9.5/40.7128/-74.006');
    expect(parseCamera(text)).toEqual(c);
    for (const bad of ['', '1/2', '1/2/3/4', 'x/1/2', '1/91/0', '1/0/1e3', '30/0/0', '-1/0/0', '1//2']) expect(parseCamera(bad), bad).toBeNull();
    expect(validCamera({ lon: 190, lat: 10, zoom: 2 })).toEqual({ lon: -170, lat: 10, zoom: 2 });
    expect(validCamera({ lon: '1', lat: 10, zoom: 2 })).toBeNull();
  });
  it('finds the zoom at which two points are some pixels apart', () => {
    const z = zoomToSeparate([11.1, 43.9], [11.25, 43.77], 40);
    const a = projectPoint({ lon: 11.1, lat: 43.9, zoom: z }, size, 11.1, 43.9);
    const b = projectPoint({ lon: 11.1, lat: 43.9, zoom: z }, size, 11.25, 43.77);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(40, 6);
    expect(zoomToSeparate([1, 1], [1, 1], 40)).toBe(Infinity);
  });
});
