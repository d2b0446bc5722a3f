// Web Mercator in MapLibre's world units (0..1 across and down) and the station icons' size by
// zoom: shared by both maps and the hit-testing, so what is clicked is what was drawn.

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
