// The map's camera as MapLibre has it (a centre and a zoom level on 512-pixel tiles), and the
// pure geometry around it: framing bounds, projecting points, the `at=` URL form. The SVG map,
// the WebGL map and the framing of a selection all use these, so the two maps agree to the pixel.
import { latitudeOf, mercatorX, mercatorY } from './projection.ts';

export interface Camera {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * West, south, east, north in degrees. West is always less than east: bounds that cross the
 * antimeridian have an east beyond 180 (Fiji: [177, -19, 182, -16]).
 */
export type Bounds = readonly [number, number, number, number];

/** MapLibre's tile size: a world is 512 · 2^zoom pixels wide. */
export const TILE_SIZE = 512;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 12;
const MAX_LAT = 85.051129;

export const worldSize = (zoom: number): number => TILE_SIZE * 2 ** zoom;

/** Longitude in [-180, 180). */
export function wrapLon(lon: number): number {
  if (lon >= -180 && lon < 180) return lon;
  const w = (((lon + 180) % 360) + 360) % 360;
  return w - 180;
}

/** A camera with every field finite and in range, or null. */
export function validCamera(c: { lon: unknown; lat: unknown; zoom: unknown }): Camera | null {
  const { lon, lat, zoom } = c;
  if (typeof lon !== 'number' || typeof lat !== 'number' || typeof zoom !== 'number') return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(zoom)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 540) return null;
  if (zoom < MIN_ZOOM || zoom > 24) return null;
  return { lon: wrapLon(lon), lat: Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)), zoom: Math.min(MAX_ZOOM, zoom) };
}

/** `zoom/lat/lon`, MapLibre's hash order, with as many decimals as the zoom makes visible. */
export function formatCamera(c: Camera): string {
  const digits = Math.max(0, Math.ceil((c.zoom * Math.LN2 + Math.log(TILE_SIZE / 360 / 0.5)) / Math.LN10));
  const round = (n: number, d: number) => String(Number(n.toFixed(d)));
  return `${round(c.zoom, 2)}/${round(c.lat, digits)}/${round(c.lon, digits)}`;
}

export function parseCamera(text: string): Camera | null {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p.trim()))) return null;
  const [zoom, lat, lon] = parts.map(Number);
  return validCamera({ lon, lat, zoom });
}

/**
 * A camera as messages and story steps give it: {lon, lat, zoom}, or the URL's "zoom/lat/lon".
 * Null for anything else, or out of range.
 */
export function cameraFromField(value: unknown): Camera | null {
  if (typeof value === 'string') return value.length <= 100 ? parseCamera(value) : null;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return validCamera(value as { lon: unknown; lat: unknown; zoom: unknown });
  return null;
}

export function sameCamera(a: Camera | null, b: Camera | null, epsilon = 1e-6): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.zoom - b.zoom) < epsilon && Math.abs(a.lat - b.lat) < epsilon && Math.abs(wrapLon(a.lon - b.lon)) < epsilon;
}

/** Pixel position of a point in a view of `size` (the world copy nearest the camera's centre). */
export function projectPoint(camera: Camera, size: Size, lon: number, lat: number): [number, number] {
  const scale = worldSize(camera.zoom);
  let dx = mercatorX(lon) - mercatorX(camera.lon);
  dx -= Math.round(dx);
  return [size.width / 2 + dx * scale, size.height / 2 + (mercatorY(lat) - mercatorY(camera.lat)) * scale];
}

/** The longitude and latitude under a pixel. */
export function unprojectPoint(camera: Camera, size: Size, x: number, y: number): [number, number] {
  const scale = worldSize(camera.zoom);
  const mx = mercatorX(camera.lon) + (x - size.width / 2) / scale;
  const my = mercatorY(camera.lat) + (y - size.height / 2) / scale;
  return [wrapLon(mx * 360 - 180), latitudeOf(Math.max(0, Math.min(1, my)))];
}

/** The camera moved by a number of pixels (a drag, an arrow key). */
export function panBy(camera: Camera, size: Size, dx: number, dy: number): Camera {
  const [lon, lat] = unprojectPoint(camera, size, size.width / 2 + dx, size.height / 2 + dy);
  return { lon, lat, zoom: camera.zoom };
}

/** The camera zoomed by `delta` levels about a pixel, which stays on the same place. */
export function zoomAround(camera: Camera, size: Size, delta: number, x = size.width / 2, y = size.height / 2, maxZoom = MAX_ZOOM): Camera {
  const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, camera.zoom + delta));
  const [lon, lat] = unprojectPoint(camera, size, x, y);
  const scale = worldSize(zoom);
  const cx = mercatorX(lon) - (x - size.width / 2) / scale;
  const cy = mercatorY(lat) - (y - size.height / 2) / scale;
  return { lon: wrapLon(cx * 360 - 180), lat: latitudeOf(Math.max(0, Math.min(1, cy))), zoom };
}

/**
 * The bounds holding every point, crossing the antimeridian when that is much shorter (Fiji,
 * Russia's far east): longitudes are placed on a circle and the widest gap between neighbours is
 * left out. A world-wide spread keeps Greenwich-centred bounds, as readers know the world map.
 */
export function boundsOfPoints(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  const lons = points.map(([lon]) => wrapLon(lon)).sort((a, b) => a - b);
  let south = Infinity;
  let north = -Infinity;
  for (const [, lat] of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const plain: Bounds = [lons[0], south, lons[lons.length - 1], north];
  let gap = lons[0] + 360 - lons[lons.length - 1];
  let across: Bounds = plain;
  for (let i = 1; i < lons.length; i++) {
    const g = lons[i] - lons[i - 1];
    if (g > gap) {
      gap = g;
      across = [lons[i], south, lons[i - 1] + 360, north];
    }
  }
  return across[2] - across[0] < (2 / 3) * (plain[2] - plain[0]) ? across : plain;
}

/** Points along bounds' edges, so that a union through boundsOfPoints keeps what they cover. */
export function boundsPoints(b: Bounds): [number, number][] {
  const [west, south, east, north] = b;
  const out: [number, number][] = [];
  const steps = Math.max(1, Math.ceil((east - west) / 60));
  for (let i = 0; i <= steps; i++) {
    const lon = west + ((east - west) * i) / steps;
    out.push([lon, south], [lon, north]);
  }
  return out;
}

export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const uniformPadding = (p: number): Padding => ({ top: p, right: p, bottom: p, left: p });

/**
 * The camera that shows the bounds as large as they fit inside the padding, as MapLibre's
 * fitBounds does; a single point (or anything smaller than `maxZoom` shows) gets `maxZoom`.
 */
export function fitBounds(bounds: Bounds, size: Size, padding: Padding, maxZoom = MAX_ZOOM, minZoom = MIN_ZOOM): Camera {
  const [west, south, east, north] = bounds;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(Math.min(MAX_LAT, north));
  const y1 = mercatorY(Math.max(-MAX_LAT, south));
  const innerW = Math.max(1, size.width - padding.left - padding.right);
  const innerH = Math.max(1, size.height - padding.top - padding.bottom);
  const spanX = Math.max(1e-12, x1 - x0);
  const spanY = Math.max(1e-12, y1 - y0);
  const zoom = Math.max(minZoom, Math.min(maxZoom, Math.log2(Math.min(innerW / spanX, innerH / spanY) / TILE_SIZE)));
  // The padding may be uneven: the bounds' centre sits at the centre of the padded box.
  const scale = worldSize(zoom);
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / scale;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / scale;
  return { lon: wrapLon(cx * 360 - 180), lat: latitudeOf(Math.max(0, Math.min(1, cy))), zoom };
}

/** The smallest zoom at which two points lie at least `pixels` apart. */
export function zoomToSeparate(a: readonly [number, number], b: readonly [number, number], pixels: number): number {
  let dx = Math.abs(mercatorX(a[0]) - mercatorX(b[0]));
  dx = Math.min(dx, 1 - dx);
  const dy = mercatorY(a[1]) - mercatorY(b[1]);
  const d = Math.hypot(dx, dy);
  if (d === 0) return Infinity;
  return Math.log2(pixels / (d * TILE_SIZE));
}
