// Checks that each station lies in (or within a few km of) the country it names, against the
// world-atlas country shapes. Coarse shapes cut coastlines, hence the tolerance.
import { geoContains, geoDistance } from 'd3';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry, Position } from 'geojson';
import { ISO_NUMERIC } from './iso-countries';
import { pushTo } from '../multimap';

const EARTH_RADIUS_KM = 6371;

export interface CountryShapes {
  /** Several features can share a code (Australia and Ashmore and Cartier Islands are both 036). */
  readonly byNumeric: ReadonlyMap<string, readonly Feature<Geometry>[]>;
}

export function countryShapes(topology: Topology): CountryShapes {
  const collection = feature(topology, topology.objects.countries as GeometryCollection);
  const byNumeric = new Map<string, Feature<Geometry>[]>();
  for (const f of collection.features) {
    if (f.id === undefined) continue;
    pushTo(byNumeric, String(f.id), f);
  }
  return { byNumeric };
}

export type PlacementResult =
  | { readonly kind: 'inside' }
  | { readonly kind: 'near'; readonly km: number }
  | { readonly kind: 'outside'; readonly km: number }
  | { readonly kind: 'no-shape' };

export function placeInCountry(shapes: CountryShapes, country: string, lon: number, lat: number, toleranceKm: number): PlacementResult {
  const parts = shapes.byNumeric.get(ISO_NUMERIC[country] ?? '');
  if (!parts) return { kind: 'no-shape' };
  if (parts.some((f) => geoContains(f, [lon, lat]))) return { kind: 'inside' };
  const km = Math.min(...parts.map((f) => nearestVertexKm(f.geometry, [lon, lat])));
  return km <= toleranceKm ? { kind: 'near', km } : { kind: 'outside', km };
}

function nearestVertexKm(geometry: Geometry, point: [number, number]): number {
  let best = Infinity;
  const visit = (p: Position) => {
    const d = geoDistance(point, [p[0], p[1]]) * EARTH_RADIUS_KM;
    if (d < best) best = d;
  };
  const walk = (g: Geometry): void => {
    if (g.type === 'Polygon') g.coordinates.flat().forEach(visit);
    else if (g.type === 'MultiPolygon') g.coordinates.flat(2).forEach(visit);
    else if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
  };
  walk(geometry);
  return best;
}
