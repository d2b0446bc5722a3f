// Where the camera goes for a selection: a country framed to its stations (or its mainland), a
// station at a zoom where its neighbours separate, and by default every station. Pure: the SVG
// map and the WebGL map frame alike, and the rules are tested without a map.
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { MapModel } from '../model/model';
import type { Selection } from '../state/state';
import { boundsOfPoints, boundsPoints, fitBounds, uniformPadding, wrapLon, type Bounds, type Camera, type Size } from './camera';
import { mercatorX, mercatorY } from './projection';
import type { StationLayout } from './station-layout';

/** A country is shown no closer than this, so that a one-station country keeps its surroundings. */
export const COUNTRY_MAX_ZOOM = 6;
/** A station is shown at least this close. */
export const STATION_MIN_ZOOM = 5;
const STATION_MAX_ZOOM = 10;
/** When the data has no station at all. */
const WORLD: Bounds = [-150, -50, 170, 70];

export interface FramingContext {
  readonly model: Pick<MapModel, 'stations' | 'stationById' | 'stationsByCountry' | 'eventById'>;
  readonly layout: StationLayout;
  /** A country's largest polygon's bounds. */
  mainland(iso: string): Bounds | null;
  /** The story's own default bounds (config `defaultView.bounds`), if any. */
  readonly defaultBounds: Bounds | null;
}

/** Room around framed stations: a share of the map, and at least an icon and a half. */
export function framingPadding(size: Size): number {
  return Math.round(Math.max(20, Math.min(size.width, size.height) * 0.1));
}

export function defaultBounds(ctx: FramingContext): Bounds {
  return ctx.defaultBounds ?? ctx.layout.boundsOf(ctx.model.stations.map((s) => s.index)) ?? WORLD;
}

export function defaultCamera(ctx: FramingContext, size: Size): Camera {
  return fitBounds(defaultBounds(ctx), size, uniformPadding(framingPadding(size)), COUNTRY_MAX_ZOOM);
}

/** The camera for a selection, or the default framing for none (or one the data cannot place). */
export function cameraFor(selection: Selection | null, ctx: FramingContext, size: Size): Camera {
  if (selection?.kind === 'station') {
    const s = ctx.model.stationById.get(selection.id);
    if (s) return stationCamera(s.index, ctx);
  }
  if (selection?.kind === 'country') {
    const b = countryBounds(selection.id, ctx);
    if (b) return fitBounds(b, size, uniformPadding(framingPadding(size)), COUNTRY_MAX_ZOOM);
  }
  if (selection?.kind === 'event') {
    const e = ctx.model.eventById.get(selection.id);
    const stations = (e?.stationIds ?? []).map((id) => ctx.model.stationById.get(id)).filter((s) => s !== undefined);
    if (stations.length === 1) return stationCamera(stations[0].index, ctx);
    const b = stations.length > 1 ? ctx.layout.boundsOf(stations.map((s) => s.index)) : e?.country ? countryBounds(e.country, ctx) : null;
    if (b) return fitBounds(b, size, uniformPadding(framingPadding(size)), COUNTRY_MAX_ZOOM);
  }
  return defaultCamera(ctx, size);
}

function stationCamera(index: number, ctx: FramingContext): Camera {
  const place = ctx.layout.places[ctx.layout.placeOf[index]];
  const zoom = Math.min(STATION_MAX_ZOOM, Math.max(STATION_MIN_ZOOM, ctx.layout.separationZoom(index)));
  return { lon: place.lon, lat: place.lat, zoom };
}

function middleOf([west, south, east, north]: Bounds): [number, number] {
  // Bounds across the antimeridian run east of 180.
  return [wrapLon((west + east) / 2), (south + north) / 2];
}

/**
 * A country's stations placed in a city and the middle of its mainland, or its whole mainland
 * where a station stands for the whole country or there is no station; the mainland alone leaves
 * out overseas territories unless a station is there.
 */
export function countryBounds(iso: string, ctx: FramingContext): Bounds | null {
  const stations = ctx.model.stationsByCountry.get(iso) ?? [];
  const points: [number, number][] = [];
  let wholeCountry = stations.length === 0;
  for (const s of stations) {
    if (s.props.locationPrecision === 'country') wholeCountry = true;
    else points.push([s.lon, s.lat]);
  }
  const mainland = ctx.mainland(iso);
  if (wholeCountry && mainland) points.push(...boundsPoints(mainland));
  // Stations along a border (Canada's) or in one city (France's) would frame the neighbour or a
  // suburb: the mainland's middle keeps the selected country itself in view.
  else if (mainland) points.push(middleOf(mainland));
  if (points.length === 0) for (const s of stations) points.push([s.lon, s.lat]);
  return boundsOfPoints(points);
}

type Countries = FeatureCollection<Polygon | MultiPolygon, { readonly iso: string }>;

/** Each country's largest polygon (by area on the Mercator plane), as bounds. */
export function mainlandBounds(countries: Countries): Map<string, Bounds> {
  const out = new Map<string, Bounds>();
  for (const f of countries.features) {
    const b = f.properties.iso ? mainlandOf(f.geometry) : null;
    if (b) out.set(f.properties.iso, b);
  }
  return out;
}

/**
 * The same, each country's computed when first asked for: a tap that frames a country does not
 * pay for every country in the world.
 */
export function lazyMainlands(countries: Countries): (iso: string) => Bounds | null {
  const features = new Map(countries.features.map((f) => [f.properties.iso, f.geometry]));
  const known = new Map<string, Bounds | null>();
  return (iso) => {
    if (!known.has(iso)) {
      const geometry = features.get(iso);
      known.set(iso, geometry ? mainlandOf(geometry) : null);
    }
    return known.get(iso) ?? null;
  };
}

function mainlandOf(geometry: Polygon | MultiPolygon): Bounds | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const rings of polygons) {
    const a = Math.abs(ringArea(rings[0]));
    if (a > bestArea) {
      bestArea = a;
      best = rings[0];
    }
  }
  return best ? boundsOfPoints(best.map(([lon, lat]) => [lon, lat] as [number, number])) : null;
}

function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (mercatorX(ring[j][0]) - mercatorX(ring[i][0])) * (mercatorY(ring[j][1]) + mercatorY(ring[i][1]));
  }
  return sum / 2;
}

