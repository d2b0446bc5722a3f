// Where the WebGL map writes each country's name: the centroid of its largest polygon (France's is
// not in the Atlantic). Apart from basemap.ts, so that d3-geo is not in the first paint's bundle.
import { geoArea, geoCentroid } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CountryProps } from './basemap';

/** A label point per country: the centroid of its largest polygon (France's is not in the Atlantic). */
export function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = polys[0];
  let bestArea = -1;
  for (const p of polys) {
    const a = geoArea({ type: 'Polygon', coordinates: p });
    if (a > bestArea && a < 2 * Math.PI) {
      best = p;
      bestArea = a;
    }
  }
  const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: best });
  return [lon, lat];
}

export function labelPoints(countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>, isos: ReadonlySet<string>): FeatureCollection<Point, { iso: string }> {
  return {
    type: 'FeatureCollection',
    features: countries.features
      .filter((f) => isos.has(f.properties.iso))
      .map((f) => ({ type: 'Feature', properties: { iso: f.properties.iso }, geometry: { type: 'Point', coordinates: labelPoint(f) } })),
  };
}
