// The countries as triangles in MapLibre's world units (Web Mercator, 0..1 across and down), so
// the GPU can fill them without MapLibre: a date change then recolours countries by rewriting a
// few texels, with no tile reload and no MapLibre frame.
import earcut from 'earcut';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mercatorX, mercatorY } from './projection';
import type { CountryProps } from './basemap';

export interface CountryMesh {
  /** x, y per vertex, three vertices a triangle. */
  readonly positions: Float32Array;
  /** Per vertex: the index of its country in `isos`. */
  readonly country: Float32Array;
  /** The ISO code of each country, in feature order ('' where the basemap has none). */
  readonly isos: readonly string[];
  /** Country i's vertices are `offsets[i]` up to `offsets[i + 1]`: one draw call redraws it. */
  readonly offsets: Uint32Array;
}

export function countryMesh(countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>): CountryMesh {
  const positions: number[] = [];
  const country: number[] = [];
  const offsets = [0];
  countries.features.forEach((f, index) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      const { flat, holes } = flatten(rings);
      const triangles = earcut(flat, holes, 2);
      for (const v of triangles) {
        positions.push(flat[2 * v], flat[2 * v + 1]);
        country.push(index);
      }
    }
    offsets.push(country.length);
  });
  return {
    positions: Float32Array.from(positions),
    country: Float32Array.from(country),
    isos: countries.features.map((f) => f.properties.iso),
    offsets: Uint32Array.from(offsets),
  };
}

/** A polygon's rings in world units, as earcut takes them (the outer ring, then each hole). */
function flatten(rings: readonly Position[][]): { flat: number[]; holes: number[] } {
  const flat: number[] = [];
  const holes: number[] = [];
  rings.forEach((ring, r) => {
    if (r > 0) holes.push(flat.length / 2);
    // GeoJSON rings repeat their first point at the end; earcut wants each vertex once.
    const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
    for (let i = 0; i < n; i++) flat.push(mercatorX(ring[i][0]), mercatorY(ring[i][1]));
  });
  return { flat, holes };
}
