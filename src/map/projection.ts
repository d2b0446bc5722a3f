// Web Mercator in MapLibre's world units (0..1 across and down) and the station icons' size by
// zoom: shared by the GPU layer and its CPU hit-testing, so what is clicked is what was drawn.

export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

/** Inverse of mercatorY. */
export function latitudeOf(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

const SCALE_STOPS: readonly (readonly [number, number])[] = [
  [0, 0.8],
  [4, 1],
  [8, 1.3],
];

/** Icons grow a little as the map zooms in (linear between stops). */
export function iconScale(zoom: number): number {
  if (zoom <= SCALE_STOPS[0][0]) return SCALE_STOPS[0][1];
  for (let i = 1; i < SCALE_STOPS.length; i++) {
    const [z1, s1] = SCALE_STOPS[i];
    const [z0, s0] = SCALE_STOPS[i - 1];
    if (zoom <= z1) return s0 + ((zoom - z0) / (z1 - z0)) * (s1 - s0);
  }
  return SCALE_STOPS[SCALE_STOPS.length - 1][1];
}

/** World units to CSS pixels: x = tx + k · mercatorX(lon), y = ty + k · mercatorY(lat). */
export interface Fit {
  readonly k: number;
  readonly tx: number;
  readonly ty: number;
}

/** The largest view of the bounds that fits inside the padding, centred, as MapLibre's fitBounds does. */
export function fitBounds([[west, south], [east, north]]: readonly [readonly [number, number], readonly [number, number]], width: number, height: number, padding: number): Fit {
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const k = Math.max(1e-9, Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y1 - y0)));
  return { k, tx: (width - k * (x0 + x1)) / 2, ty: (height - k * (y0 + y1)) / 2 };
}

export function project(fit: Fit, lon: number, lat: number): [number, number] {
  return [fit.tx + fit.k * mercatorX(lon), fit.ty + fit.k * mercatorY(lat)];
}

/**
 * An SVG path for polygons, with straight edges in Mercator as MapLibre draws them: no
 * resampling and no clipping (the basemap is already cut at the antimeridian), to a tenth of a
 * pixel. About ten times faster than d3's geoPath, which mattered on the first paint.
 */
export function polygonsPath(polygons: readonly (readonly (readonly number[])[])[][], fit: Fit): string {
  const parts: string[] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [x, y] = project(fit, ring[i][0], ring[i][1]);
        parts.push(`${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`);
      }
      parts.push('Z');
    }
  }
  return parts.join('');
}
