import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { countryMesh } from '../../src/map/country-mesh';
import { countriesFromTopology, type CountryProps } from '../../src/map/basemap';
import { mercatorX, mercatorY } from '../../src/map/projection';

type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

const square = (x0: number, y0: number, size: number): Position[] => [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];

/** Shoelace area of a ring in world units. */
function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = [mercatorX(ring[i][0]), mercatorY(ring[i][1])];
    const [x1, y1] = [mercatorX(ring[i + 1][0]), mercatorY(ring[i + 1][1])];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** Equal to 1 part in 10,000 (the mesh is stored in 32-bit floats). */
function expectNear(actual: number | undefined, expected: number, name?: string): void {
  expect(Math.abs((actual ?? 0) - expected) / expected, name).toBeLessThan(1e-4);
}

/** The area the mesh's triangles cover, per country index. */
function meshAreas(positions: Float32Array, country: Float32Array): Map<number, number> {
  const areas = new Map<number, number>();
  for (let t = 0; t < positions.length / 6; t++) {
    const [ax, ay, bx, by, cx, cy] = positions.subarray(t * 6, t * 6 + 6);
    const c = country[t * 3];
    expect(country[t * 3 + 1]).toBe(c);
    expect(country[t * 3 + 2]).toBe(c);
    areas.set(c, (areas.get(c) ?? 0) + Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2);
  }
  return areas;
}

describe('countryMesh', () => {
  it('covers each polygon exactly, leaves holes open and tags every vertex with its country', () => {
    const countries: Countries = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { iso: 'AA', name: 'A' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 20), square(5, 5, 10).reverse()] } },
        { type: 'Feature', properties: { iso: 'BB', name: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[square(40, 10, 5)], [square(-60, -20, 8)]] } },
      ],
    };
    const mesh = countryMesh(countries);
    expect(mesh.isos).toEqual(['AA', 'BB']);
    expect([...mesh.offsets]).toEqual([0, expect.any(Number), mesh.country.length]);
    mesh.isos.forEach((_, i) => {
      expect(mesh.offsets[i + 1]).toBeGreaterThan(mesh.offsets[i]);
      for (let v = mesh.offsets[i]; v < mesh.offsets[i + 1]; v++) expect(mesh.country[v]).toBe(i);
    });
    expect(mesh.positions.length).toBe(mesh.country.length * 2);
    const areas = meshAreas(mesh.positions, mesh.country);
    expectNear(areas.get(0), ringArea(square(0, 0, 20)) - ringArea(square(5, 5, 10)));
    expectNear(areas.get(1), ringArea(square(40, 10, 5)) + ringArea(square(-60, -20, 8)));
    // Nothing of country A is inside its hole.
    for (let t = 0; t < mesh.positions.length / 6; t++) {
      if (mesh.country[t * 3] !== 0) continue;
      const cx = (mesh.positions[t * 6] + mesh.positions[t * 6 + 2] + mesh.positions[t * 6 + 4]) / 3;
      const cy = (mesh.positions[t * 6 + 1] + mesh.positions[t * 6 + 3] + mesh.positions[t * 6 + 5]) / 3;
      const inHole = cx > mercatorX(5) && cx < mercatorX(15) && cy < mercatorY(5) && cy > mercatorY(15);
      expect(inHole).toBe(false);
    }
  });

  it('triangulates the whole basemap to the area of its rings (the antimeridian unwrapped, no stripes)', () => {
    const require = createRequire(import.meta.url);
    const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
    const countries = countriesFromTopology(topology);
    const mesh = countryMesh(countries);
    const areas = meshAreas(mesh.positions, mesh.country);
    countries.features.forEach((f, i) => {
      // Sudan's ring touches itself at 1:110m: the shoelace sum nets its loop out, while earcut
      // fills it (as MapLibre, which also triangulates with earcut, does).
      if (f.properties.name === 'Sudan') return;
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const expected = polygons.reduce((sum, rings) => sum + ringArea(rings[0]) - rings.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);
      expectNear(areas.get(i), expected, f.properties.name);
    });
    // Holes stay open: South Africa is its outer ring less Lesotho.
    const za = countries.features.findIndex((f) => f.properties.iso === 'ZA');
    const zaRings = countries.features[za].geometry.coordinates as Position[][];
    expect(zaRings.length).toBe(2);
    expect(areas.get(za)!).toBeLessThan(ringArea(zaRings[0]) * 0.99);
    // A stripe across the map would be a triangle wider than any country.
    for (let t = 0; t < mesh.positions.length / 6; t++) {
      const xs = [mesh.positions[t * 6], mesh.positions[t * 6 + 2], mesh.positions[t * 6 + 4]];
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.5);
    }
  });
});
