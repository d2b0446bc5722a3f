// Wheel, drag, pinch and double-click on the SVG map (d3-zoom), in MapLibre's camera terms, so
// the reader's first gesture moves the map at once while MapLibre starts. Loaded after the
// first paint: the gestures are not needed to draw it.
import { easeCubicInOut, interpolateZoom, select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3';
import { MAX_ZOOM, TILE_SIZE, wrapLon, type Camera } from './camera';
import { latitudeOf, mercatorX, mercatorY } from './projection';
import type { SvgMapView } from './svg-map-view';

export interface Gestures {
  /** Whether a gesture is under way (the hand-over to MapLibre waits for its end). */
  active(): boolean;
}

/**
 * `onStart`: the reader began to move the map. The transform is d3's, in pixels of a world
 * TILE_SIZE wide at zoom 0: scale 2^zoom.
 */
export function attachGestures(view: SvgMapView, onStart: () => void): Gestures {
  const svg = view.element;
  // Moves to a selection follow van Wijk and Nuij's smooth zoom-and-pan path, as d3's zoom transitions do.
  view.useFlight((from, to) => {
    const path = interpolateZoom(from, to);
    return { duration: path.duration, at: (t) => path(easeCubicInOut(t)) as [number, number, number] };
  });
  const toTransform = (c: Camera): ZoomTransform => {
    const { width, height } = view.size();
    const k = 2 ** c.zoom;
    return zoomIdentity.translate(width / 2 - mercatorX(c.lon) * TILE_SIZE * k, height / 2 - mercatorY(c.lat) * TILE_SIZE * k).scale(k);
  };
  const toCamera = (t: ZoomTransform): Camera => {
    const { width, height } = view.size();
    const x = (width / 2 - t.x) / (TILE_SIZE * t.k);
    const y = (height / 2 - t.y) / (TILE_SIZE * t.k);
    return { lon: wrapLon(x * 360 - 180), lat: latitudeOf(Math.max(0, Math.min(1, y))), zoom: Math.log2(t.k) };
  };
  let gesturing = false;
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 2 ** MAX_ZOOM])
    .translateExtent([
      [-Infinity, 0],
      [Infinity, TILE_SIZE],
    ])
    .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (!e.sourceEvent) return;
      // A press that does not move (a click) is not a gesture.
      if (!gesturing) onStart();
      gesturing = true;
      view.setCamera(toCamera(e.transform), { byUser: true, ended: false });
    })
    .on('end', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (!gesturing) return;
      gesturing = false;
      view.setCamera(toCamera(e.transform), { byUser: true, ended: true });
    });
  const selection = select(svg);
  selection.call(behavior);
  // Moves made elsewhere (a selection, keys, an embedding page) update d3's transform quietly.
  const sync = (camera: Camera) => {
    if (!gesturing) selection.property('__zoom', toTransform(camera));
  };
  sync(view.camera());
  view.onMove((camera) => sync(camera));
  return { active: () => gesturing };
}
