// The light map: SVG with the same camera as MapLibre's (camera.ts). It paints first, serves
// readers who do not zoom or pan (MapLibre is not even downloaded then), answers a tap at once
// while MapLibre starts, and remains the whole map where WebGL is unavailable. Countries are
// drawn once, in world pixels, and moved by one transform; stations are drawn in screen pixels,
// a few paths per status, not one element each (thousands of elements made the first frame's
// style and layout the slowest part of the load).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps } from './basemap';
import type { MapModel } from '../model/model';
import { el, svgEl } from '../dom';
import { shapeAt } from '../shapes';
import { MAX_ZOOM, projectPoint, validCamera, wrapLon, type Camera, type Size } from './camera';
import { iconScale, latitudeOf, mercatorX, mercatorY } from './projection';
import { HIDDEN } from './map-content';
import type { MapFrame, MapRenderer } from './renderer';
import type { StationLayout } from './station-layout';

/** Countries are written in pixels of a world this many zoom levels in, to a tenth of a pixel. */
const BASE_ZOOM = 6;
const BASE_WORLD = 512 * 2 ** BASE_ZOOM;
// Matches the WebGL icons (75 px² at icon scale 1, drawn at about 0.85).
const ICON_AREA = 64;
/** Stations are drawn in paths of one status per square of this many pixels. */
const CELL = 128;
/** City names are written from this zoom in. */
export const CITY_LABEL_ZOOM = 4;
const ANIMATION_MS = 700;

/** A path between two views ([centre x, centre y, width] in world units), over t from 0 to 1. */
export type Flight = (from: [number, number, number], to: [number, number, number]) => { readonly duration: number; at(t: number): [number, number, number] };

/** The icons of one status in one square, and how many stations they stand for. */
interface Cell {
  readonly icons: string[];
  stations: number;
}

export class SvgMapView implements MapRenderer {
  readonly kind = 'svg' as const;
  private readonly svg: SVGSVGElement;
  private readonly world: SVGGElement;
  private readonly countryGroup: SVGGElement;
  private readonly countryNodes = new Map<string, SVGPathElement>();
  /** Shapes with no ISO code (Kosovo, Somaliland, N. Cyprus): drawn, never shaded or selected. */
  private readonly otherNodes: SVGPathElement[] = [];
  private readonly outline: SVGGElement;
  /** The world's copies west and east of it, shown only where the view reaches past its edges. */
  private readonly copies: [SVGUseElement, SVGUseElement];
  private readonly marks: SVGGElement;
  private readonly labels: SVGGElement;
  private readonly attribution: HTMLElement;
  private view: Camera;
  private sizeNow: Size;
  private frame: MapFrame | null = null;
  private animation: number | null = null;
  private drawQueued = false;
  private readonly moveListeners = new Set<(camera: Camera, byUser: boolean, ended: boolean) => void>();
  /** Smooth moves come with the gestures (svg-gestures.ts), after the first paint; until then it jumps. */
  private flight: Flight | null = null;

  constructor(
    private readonly container: HTMLElement,
    private model: MapModel,
    countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>,
    private layout: StationLayout,
    camera: Camera,
  ) {
    this.view = camera;
    this.sizeNow = this.measure();
    this.svg = svgEl('svg', { class: 'svg-map', 'aria-hidden': 'true' });
    this.world = svgEl('g', { class: 'world' });
    this.countryGroup = svgEl('g', { id: 'svg-countries', class: 'countries' });
    this.outline = svgEl('g', { class: 'outline' });
    this.marks = svgEl('g', { class: 'marks' });
    this.labels = svgEl('g', { class: 'labels' });
    for (const f of countries.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const node = svgEl('path', { d: basePath(polygons), 'data-iso': f.properties.iso, class: 'country' });
      this.countryGroup.append(node);
      if (f.properties.iso) this.countryNodes.set(f.properties.iso, node);
      else this.otherNodes.push(node);
    }
    // The world repeats sideways when zoomed out, as MapLibre's does.
    this.copies = [svgEl('use', { href: '#svg-countries', x: -BASE_WORLD }), svgEl('use', { href: '#svg-countries', x: BASE_WORLD })];
    this.world.append(this.countryGroup, ...this.copies, this.outline);
    this.svg.append(svgEl('rect', { class: 'ocean', x: 0, y: 0, width: '100%', height: '100%' }), this.world, this.marks, this.labels);
    // The basemap's credit, as MapLibre writes its own. Painted in the same frame as the map: the
    // benchmark reads that frame's time from its element timing.
    this.attribution = el('p', { class: 'map-attribution', elementtiming: 'map-frame' }, ['Natural Earth (world-atlas)']);
    container.append(this.svg, this.attribution);
    new ResizeObserver(() => {
      const next = this.measure();
      if (next.width === this.sizeNow.width && next.height === this.sizeNow.height) return;
      this.sizeNow = next;
      this.queueDraw();
    }).observe(container);
  }

  get element(): SVGSVGElement {
    return this.svg;
  }

  private measure(): Size {
    return { width: Math.max(1, this.container.clientWidth), height: Math.max(1, this.container.clientHeight) };
  }

  size(): Size {
    return this.sizeNow;
  }

  camera(): Camera {
    return this.view;
  }

  onMove(listener: (camera: Camera, byUser: boolean, ended: boolean) => void): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  /** The stations move to another model (the overview's preview, then the model). */
  useModel(model: MapModel, layout: StationLayout): void {
    this.model = model;
    this.layout = layout;
  }

  useFlight(flight: Flight): void {
    this.flight = flight;
  }

  /**
   * Moves the camera: at once, or along a smooth zoom-and-pan path. `byUser` says whether the
   * reader moved it (a gesture or a key).
   */
  setCamera(camera: Camera, { animate = false, byUser = false, ended = true } = {}): void {
    if (this.animation !== null) cancelAnimationFrame(this.animation);
    this.animation = null;
    if (!animate || !this.flight) {
      this.moveTo(camera, byUser, ended);
      return;
    }
    const from = this.viewTriple(this.view);
    const to = this.viewTriple(camera);
    // The short way round the world.
    to[0] += Math.round(from[0] - to[0]);
    const path = this.flight(from, to);
    const duration = Math.min(1500, Math.max(ANIMATION_MS, path.duration * 0.6));
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      const [x, y, w] = path.at(t);
      const moved = validCamera({ lon: x * 360 - 180, lat: latitudeOf(Math.max(0, Math.min(1, y))), zoom: Math.log2(this.sizeNow.width / w / 512) });
      if (moved) this.moveTo(t === 1 ? camera : moved, byUser, t === 1);
      this.animation = t === 1 ? null : requestAnimationFrame(step);
    };
    this.animation = requestAnimationFrame(step);
  }

  isMoving(): boolean {
    return this.animation !== null;
  }

  /** [centre x, centre y, view width] in world units, the form d3's interpolateZoom takes. */
  private viewTriple(c: Camera): [number, number, number] {
    return [mercatorX(c.lon), mercatorY(c.lat), this.sizeNow.width / (512 * 2 ** c.zoom)];
  }

  private moveTo(camera: Camera, byUser: boolean, ended: boolean): void {
    this.view = { lon: wrapLon(camera.lon), lat: camera.lat, zoom: Math.min(MAX_ZOOM, camera.zoom) };
    this.draw();
    for (const l of [...this.moveListeners]) l(this.view, byUser, ended);
  }

  render(frame: MapFrame): void {
    this.frame = frame;
    this.draw();
  }

  private queueDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  private draw(): void {
    const frame = this.frame;
    if (!frame) return;
    const { width, height } = this.sizeNow;
    const cam = this.view;
    const scale = 2 ** (cam.zoom - BASE_ZOOM);
    const tx = width / 2 - mercatorX(cam.lon) * BASE_WORLD * scale;
    const ty = height / 2 - mercatorY(cam.lat) * BASE_WORLD * scale;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.world.setAttribute('transform', `translate(${tx.toFixed(2)},${ty.toFixed(2)}) scale(${scale.toPrecision(6)})`);
    // Each copy costs as much raster as the world: drawn only where the view shows it.
    const worldPx = BASE_WORLD * scale;
    this.copies[0].style.display = tx > 0 ? '' : 'none';
    this.copies[1].style.display = tx + worldPx < width ? '' : 'none';
    const { palette, content } = frame;
    this.svg.style.setProperty('--svg-ocean', palette.ocean);
    this.svg.style.setProperty('--svg-border', palette.border);
    const { responses } = this.model.config;
    const byId = new Map(responses.map((r) => [r.id, r]));
    const none = responses[0];
    for (const [iso, node] of this.countryNodes) {
      const def = byId.get(content.response.get(iso) ?? none.id) ?? none;
      const fill = palette.dark ? def.darkColor : def.color;
      if (node.getAttribute('fill') !== fill) node.setAttribute('fill', fill);
    }
    for (const node of this.otherNodes) node.setAttribute('fill', palette.dark ? none.darkColor : none.color);
    this.drawOutlines(frame);
    this.drawMarks(frame);
  }

  /** The selected and hovered countries' outlines: a casing under the line, so it shows on any fill. */
  private drawOutlines(frame: MapFrame): void {
    const outlines: SVGElement[] = [];
    const add = (iso: string | null, width: number, cls: string) => {
      const node = iso ? this.countryNodes.get(iso) : undefined;
      if (!node) return;
      const d = node.getAttribute('d') ?? '';
      outlines.push(svgEl('path', { d, class: `${cls} casing`, stroke: frame.palette.casing, 'stroke-width': width + 3 }));
      outlines.push(svgEl('path', { d, class: cls, stroke: frame.palette.highlight, 'stroke-width': width }));
    };
    if (frame.hovered.country !== frame.selected.country) add(frame.hovered.country, 1.5, 'hover-outline');
    add(frame.selected.country, 2.5, 'selected-outline');
    this.outline.replaceChildren(...outlines);
  }

  private drawMarks(frame: MapFrame): void {
    const { model, layout } = this;
    const { content, palette } = frame;
    const size = this.sizeNow;
    const cam = this.view;
    const marks = layout.marks(cam.zoom, (i) => content.status[i] !== HIDDEN);
    const scale = iconScale(cam.zoom);
    const iconArea = ICON_AREA * scale * scale;
    const margin = 24;
    const visible = (x: number, y: number) => x > -margin && y > -margin && x < size.width + margin && y < size.height + margin;
    const statuses = model.config.statuses;
    // One path per status, precision (filled, or hollow for country-level places) and square, in
    // the statuses' order so that later statuses draw on top. Squares keep each path local: a
    // path spanning the map is replayed by every raster tile.
    const groups = statuses.flatMap((def) => [false, true].map((hollow) => ({ def, hollow, draw: shapeAt(def.shape, iconArea), cells: new Map<number, Cell>(), pixels: new Set<number>() })));
    const columns = Math.ceil(size.width / CELL) + 3;
    const rings: SVGElement[] = [];
    const positions = new Float64Array(model.stations.length * 2);
    for (let i = 0; i < model.stations.length; i++) {
      if (!marks.single[i]) continue;
      const s = model.stations[i];
      const [px, py] = projectPoint(cam, size, s.lon, s.lat);
      const x = px + layout.offsets[2 * i] * scale;
      const y = py + layout.offsets[2 * i + 1] * scale;
      positions[2 * i] = x;
      positions[2 * i + 1] = y;
      if (!visible(x, y)) continue;
      const group = groups[content.cell[i]];
      if (!group) continue;
      const key = Math.floor(y / CELL + 1) * columns + Math.floor(x / CELL + 1);
      let cell = group.cells.get(key);
      if (!cell) group.cells.set(key, (cell = { icons: [], stations: 0 }));
      cell.stations++;
      // One icon per pixel: at world zoom 10,000 stations fall on under a thousand pixels.
      const pixel = Math.round(y) * 65_536 + Math.round(x);
      if (!group.pixels.has(pixel)) {
        group.pixels.add(pixel);
        cell.icons.push(group.draw(x, y));
      }
      if (frame.selected.stations.has(i)) rings.push(...ring(x, y, 11 * scale, 2.5, palette.highlight, palette.casing, 'halo'));
      else if (frame.hovered.stations.has(i)) rings.push(...ring(x, y, 10 * scale, 1.5, palette.highlight, palette.casing, 'hover-ring'));
    }
    const icons = groups.flatMap(({ def, hollow, cells }) => {
      const color = palette.dark ? def.darkColor : def.color;
      return [...cells.values()].map(({ icons: d, stations }) =>
        svgEl('path', {
          class: 'station',
          d: d.join(''),
          fill: hollow ? 'none' : color,
          stroke: hollow ? color : palette.iconOutline,
          'stroke-width': hollow ? '2.2' : '1.2',
          'data-status': def.id,
          // Stations the path stands for, those sharing a pixel included.
          'data-count': stations,
        }),
      );
    });
    const badges: SVGElement[] = [];
    for (const c of marks.clusters) {
      const [x, y] = projectPoint(cam, size, c.lon, c.lat);
      if (!visible(x, y)) continue;
      const count = String(c.members.length);
      const r = (9 + 2.5 * count.length) * scale;
      const picked = c.members.some((i) => frame.selected.stations.has(i));
      // A badge is lit for a station inside it, as the station would be.
      const hovered = frame.hovered.cluster === c.id || c.members.some((i) => frame.hovered.stations.has(i));
      if (picked || hovered) badges.push(...ring(x, y, r + 4, picked ? 2.5 : 1.5, palette.highlight, palette.casing, picked ? 'halo' : 'hover-ring'));
      badges.push(
        svgEl('g', { class: 'cluster', 'data-count': c.members.length, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` }, [
          svgEl('circle', { r: r.toFixed(1), fill: palette.clusterFill, stroke: palette.iconOutline, 'stroke-width': 1.5 }),
          svgEl('text', { 'text-anchor': 'middle', dy: '0.35em', fill: palette.clusterText, 'font-size': (11 * scale).toFixed(1) }, [count]),
        ]),
      );
    }
    this.marks.replaceChildren(...rings, ...icons, ...badges);
    this.drawLabels(frame, marks.single, positions);
  }

  /** City names beside single stations, from CITY_LABEL_ZOOM in; a name that would overlap another is left out. */
  private drawLabels(frame: MapFrame, single: Uint8Array, positions: Float64Array): void {
    if (this.view.zoom < CITY_LABEL_ZOOM) {
      if (this.labels.childElementCount > 0) this.labels.replaceChildren();
      return;
    }
    const placed: [number, number, number, number][] = [];
    const nodes: SVGElement[] = [];
    const seen = new Set<string>();
    const order = [...frame.selected.stations, ...this.model.stations.map((_, i) => i)];
    for (const i of order) {
      if (!single[i]) continue;
      const label = frame.cityLabel(i);
      if (!label || seen.has(label.text)) continue;
      const x = positions[2 * i] + 9;
      const y = positions[2 * i + 1];
      const w = label.text.length * (label.lang.startsWith('zh') ? 12 : 6.6);
      const box: [number, number, number, number] = [x, y - 8, x + w, y + 8];
      if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      placed.push(box);
      seen.add(label.text);
      nodes.push(svgEl('text', { x: x.toFixed(1), y: y.toFixed(1), dy: '0.35em', class: 'city-label', lang: label.lang }, [label.text]));
    }
    this.labels.replaceChildren(...nodes);
  }

  /** Shown or not (hidden while MapLibre shows, kept for the case its context is lost). */
  setVisible(visible: boolean): void {
    this.svg.classList.toggle('handed-over', !visible);
    this.attribution.hidden = !visible;
  }

  remove(): void {
    if (this.animation !== null) cancelAnimationFrame(this.animation);
    this.svg.remove();
    this.attribution.remove();
  }
}

/** A ring with a casing of the other theme's colour under it: 3:1 against any fill beside it. */
function ring(x: number, y: number, r: number, width: number, color: string, casing: string, cls: string): SVGElement[] {
  const at = { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: 'none' };
  return [svgEl('circle', { ...at, class: `${cls} casing`, stroke: casing, 'stroke-width': width + 3 }), svgEl('circle', { ...at, class: cls, stroke: color, 'stroke-width': width })];
}

/**
 * An SVG path for polygons in world pixels at BASE_ZOOM, with straight edges in Mercator as
 * MapLibre draws them (no resampling, no clipping: the basemap is already cut at the antimeridian).
 */
function basePath(polygons: readonly (readonly (readonly number[])[])[][]): string {
  const parts: string[] = [];
  for (const rings of polygons) {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        parts.push(`${i === 0 ? 'M' : 'L'}${(mercatorX(r[i][0]) * BASE_WORLD).toFixed(1)},${(mercatorY(r[i][1]) * BASE_WORLD).toFixed(1)}`);
      }
      parts.push('Z');
    }
  }
  return parts.join('');
}
