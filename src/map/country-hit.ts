// Which country a place is in, by its polygons: one answer for the SVG map (world copies
// included), the WebGL map and the keyboard, from the borders the map draws. Pure.
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

interface Entry {
  readonly iso: string;
  /** Outer ring first, then holes. */
  readonly rings: readonly (readonly Position[])[];
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export class CountryIndex {
  private readonly entries: Entry[] = [];

  constructor(countries: FeatureCollection<Polygon | MultiPolygon, { readonly iso: string }>) {
    for (const f of countries.features) {
      if (!f.properties.iso) continue;
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) {
        let west = Infinity;
        let east = -Infinity;
        let south = Infinity;
        let north = -Infinity;
        for (const [lon, lat] of rings[0]) {
          west = Math.min(west, lon);
          east = Math.max(east, lon);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
        this.entries.push({ iso: f.properties.iso, rings, west, south, east, north });
      }
    }
  }

  /** The country at a place, or null (the sea). Rings cut at the antimeridian may run past 180°. */
  at(lon: number, lat: number): string | null {
    for (const e of this.entries) {
      if (lat < e.south || lat > e.north) continue;
      for (const x of [lon, lon + 360, lon - 360]) {
        if (x < e.west || x > e.east) continue;
        if (inside(e.rings[0], x, lat) && !e.rings.slice(1).some((hole) => inside(hole, x, lat))) return e.iso;
      }
    }
    return null;
  }
}

/** Even-odd rule, in degrees (the map's edges are straight in Mercator; at a click's scale the difference is nil). */
function inside(ring: readonly Position[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
