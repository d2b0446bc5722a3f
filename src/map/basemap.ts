// World-atlas TopoJSON -> GeoJSON the map can draw: countries keyed by ISO alpha-2, and rings that
// cross the antimeridian unwrapped (no stripes across the map).
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ISO_NUMERIC } from '../model/iso-countries.ts';

export interface CountryProps {
  readonly iso: string;
  readonly name: string;
}

const ALPHA2_BY_NUMERIC: ReadonlyMap<string, string> = new Map(Object.entries(ISO_NUMERIC).map(([a2, num]) => [num, a2]));
/** Antarctica wraps the pole; planar maps draw it as a band, and it hosts no stories. */
const LEFT_OUT = new Set(['010']);

export function countriesFromTopology(topology: Topology): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const collection = feature(topology, topology.objects.countries as GeometryCollection);
  const features: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  for (const f of collection.features) {
    const id = String(f.id ?? '');
    if (LEFT_OUT.has(id)) continue;
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const iso = ALPHA2_BY_NUMERIC.get(id) ?? '';
    const name = String((f.properties as { name?: string } | null)?.name ?? '');
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon' ? { type: 'Polygon', coordinates: unwrapPolygon(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(unwrapPolygon) };
    features.push({ type: 'Feature', properties: { iso, name }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

function unwrapPolygon(rings: Position[][]): Position[][] {
  return rings.map(unwrapRing);
}

/**
 * Where a ring jumps across the antimeridian (lon 179 -> -179), shift the rest of it by 360°
 * so it stays continuous; MapLibre then draws it across the seam instead of a world-wide stripe.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let shift = 0;
  const out: Position[] = [];
  let prev: number | null = null;
  for (const [lon, lat] of ring) {
    if (prev !== null) {
      const delta = lon + shift - prev;
      if (delta > 180) shift -= 360;
      else if (delta < -180) shift += 360;
    }
    const x = lon + shift;
    out.push([x, lat]);
    prev = x;
  }
  return out;
}
