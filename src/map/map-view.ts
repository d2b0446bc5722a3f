// The WebGL map: the only module that touches MapLibre. It starts when the reader asks for it
// (a zoom, a pan, a selection that moves the camera; or at load when the data is too big for
// SVG) and takes over from the SVG map in place. MapLibre owns the camera, the borders, the
// labels and the selected country's outline; what a date changes (the countries' fills, the
// stations) is drawn on two canvases of our own, under and over MapLibre's (layer-canvas.ts),
// with its camera, so a date change never asks MapLibre for a frame.
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapLibreEvent, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { MapModel } from '../model/model';
import type { CountryProps } from './basemap';
import { labelPoints } from './label-points';
import { makeAtlas } from './icons';
import { StationLayer } from './station-layer';
import { CountryFillLayer } from './country-fill-layer';
import { countryMesh, type CountryMesh } from './country-mesh';
import { LayerCanvas, type GlLayer, type GlView } from './layer-canvas';
import { ViewProbe } from './view-probe';
import { rgbBytes, type GL } from './gl-program';
import { MAX_ZOOM, type Camera, type Size } from './camera';
import { HIDDEN } from './map-content';
import { loadDetail, type Detail } from './detail';
import { CITY_LABEL_ZOOM } from './svg-map-view';
import type { MapFrame, MapRenderer, MoveListener } from './renderer';
import type { Palette } from './palette';
import type { StationLayout } from './station-layout';
import { TapGate, type TouchPhase } from './tap-gate';

setWorkerUrl(workerUrl);

export interface MapViewOptions {
  readonly container: HTMLElement;
  readonly model: MapModel;
  readonly layout: StationLayout;
  readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  readonly camera: Camera;
  readonly palette: Palette;
  readonly fontUrl: string;
  /** The finer borders have arrived (the host's hit-testing follows them). */
  readonly onDetail?: (detail: Detail) => void;
  /** The WebGL context was lost and not given back: the host falls back to the SVG map. */
  readonly onLost: () => void;
}

const VIEW_PROBE = 'view-probe';
const COUNTRY_SOURCE = 'countries';
const DETAIL_SOURCE = 'countries-detail';
const LABEL_SOURCE = 'country-labels';
const CITY_SOURCE = 'cities';
const FONT = 'Noto Sans Regular';
/** The finer borders are drawn from this zoom in, and fetched a little before. */
export const DETAIL_ZOOM = 3;
/** The selected and hovered countries' outlines (a casing under a line), coarse and fine: added on first use. */
const OUTLINE_LAYERS = [
  { id: 'outline-casing', source: COUNTRY_SOURCE, casing: true },
  { id: 'outline', source: COUNTRY_SOURCE, casing: false },
  { id: 'outline-casing-detail', source: DETAIL_SOURCE, casing: true },
  { id: 'outline-detail', source: DETAIL_SOURCE, casing: false },
] as const;

/** The country fills: the 1:110m mesh, and the 1:50m one from DETAIL_ZOOM in once it has arrived. */
class TieredFills implements GlLayer {
  fine: CountryFillLayer | null = null;
  private drawnFine: boolean | null = null;
  constructor(readonly coarse: CountryFillLayer) {}
  private pick(view: GlView): CountryFillLayer {
    return this.fine && view.zoom >= DETAIL_ZOOM ? this.fine : this.coarse;
  }
  draw(gl: GL, view: GlView): void {
    const layer = this.pick(view);
    this.drawnFine = layer === this.fine;
    layer.draw(gl, view);
  }
  drawChanges(gl: GL, view: GlView): void {
    const layer = this.pick(view);
    // Another mesh covers other pixels: the canvas is drawn whole.
    if ((layer === this.fine) !== this.drawnFine) this.draw(gl, view);
    else layer.drawChanges(gl, view);
  }
}

export class MapView implements MapRenderer {
  readonly kind = 'webgl' as const;
  private readonly map: MapLibreMap;
  private readonly opts: MapViewOptions;
  private readonly ready: Promise<void>;
  private failReady: (err: Error) => void = () => {};
  private lost = false;
  private readonly stations: StationLayer;
  private readonly fills: TieredFills;
  private readonly meshIsos: { coarse: readonly string[]; fine: readonly string[] };
  private palette: Palette;
  private under: LayerCanvas | null = null;
  private over: LayerCanvas | null = null;
  private underDirty = true;
  private overDirty = true;
  /** The camera as of MapLibre's last frame; null until its first. */
  private view: GlView | null = null;
  private ownFrame: Promise<void> | null = null;
  private pendingFrame = false;
  private lastDay: number | null = null;
  private lastLang: string | null = null;
  /** The whole zoom level the city names were chosen for. */
  private labelLevel = -1;
  private lastCountry: string | null = null;
  private lastHoverCountry: string | null = null;
  private responses: ReadonlyMap<string, string> = new Map();
  private readonly listeners = new Set<MoveListener>();
  private detail: 'none' | 'loading' | 'in' = 'none';
  private frame: MapFrame | null = null;

  constructor(opts: MapViewOptions) {
    this.opts = opts;
    this.palette = opts.palette;
    this.map = new MapLibreMap({
      container: opts.container,
      style: this.style(),
      center: [opts.camera.lon, opts.camera.lat],
      zoom: opts.camera.zoom,
      minZoom: 0,
      maxZoom: MAX_ZOOM,
      renderWorldCopies: true,
      attributionControl: { compact: true, customAttribution: 'Natural Earth (world-atlas)' },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // The map's one tab stop and its keys are the overlay's (map-overlay.ts), as on the SVG map.
      keyboard: false,
      // Not 0: with 0, MapLibre redoes symbol placement on every frame, even when nothing moved.
      fadeDuration: 1,
    });
    this.map.touchZoomRotate.disableRotation();
    holdTapsBack(opts.container);
    const container = opts.container;
    this.sizeNow = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
    new ResizeObserver(() => {
      this.sizeNow = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
    }).observe(container);
    const canvas = this.map.getCanvas();
    canvas.removeAttribute('tabindex');
    canvas.setAttribute('aria-hidden', 'true');
    this.stations = new StationLayer(opts.model.stations, opts.layout, this.atlas());
    const mesh = countryMesh(opts.countries);
    this.meshIsos = { coarse: mesh.isos, fine: [] };
    this.fills = new TieredFills(new CountryFillLayer(mesh));
    this.ready = new Promise((resolve, reject) => {
      this.failReady = reject;
      // Before the first load an error means no map at all (its worker blocked by a policy, say):
      // the host keeps the SVG map. After it, MapLibre's errors are its own (logged, not fatal).
      const failed = (e: { error?: unknown }) => reject(e.error instanceof Error ? e.error : new Error('the map failed to load'));
      this.map.once('error', failed);
      this.map.once('load', () => {
        this.map.off('error', failed);
        try {
          const lost = () => this.contextLost();
          this.under = new LayerCanvas(canvas, 'under', [this.fills], lost, { incremental: true });
          this.over = new LayerCanvas(canvas, 'over', [this.stations], lost);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        this.setOcean(this.palette);
        this.map.addLayer(new ViewProbe(VIEW_PROBE, (view) => this.drawOwn(view, true)));
        this.bindEvents();
        resolve();
      });
    });
    // MapLibre cannot restore our custom layer; the host draws the SVG map instead.
    canvas.addEventListener('webglcontextlost', () => this.contextLost());
  }

  get element(): HTMLElement {
    return this.map.getCanvasContainer();
  }

  /** Resolves once the map can draw (its style and our canvases are in). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Kept from the container's resize observations: reading clientWidth in a move would force a layout. */
  private sizeNow: Size = { width: 1, height: 1 };

  size(): Size {
    return this.sizeNow;
  }

  camera(): Camera {
    const c = this.map.getCenter().wrap();
    return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  onMove(listener: MoveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setCamera(camera: Camera, { animate = false, byUser = false } = {}): void {
    const options = { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom };
    // Event data: the move listeners tell the reader's moves from the host's.
    const data = { byUser };
    if (animate) this.map.flyTo({ ...options, maxDuration: 1800 }, data);
    else this.map.jumpTo(options, data);
  }

  isMoving(): boolean {
    return this.map.isMoving();
  }

  private bindEvents(): void {
    const emit = (e: MapLibreEvent & { byUser?: boolean }, ended: boolean) => {
      const byUser = e.byUser === true || e.originalEvent !== undefined;
      const camera = this.camera();
      for (const l of [...this.listeners]) l(camera, byUser, ended);
      if (camera.zoom >= DETAIL_ZOOM - 0.5) this.wantDetail();
    };
    this.map.on('move', (e) => emit(e, false));
    this.map.on('moveend', (e) => emit(e, true));
    if (this.map.getZoom() >= DETAIL_ZOOM - 0.5) this.wantDetail();
  }

  /** Draws our canvases that are out of date; in MapLibre's frame the camera may have moved too. */
  private drawOwn(view: GlView, moved: boolean): void {
    this.view = view;
    if (this.frame && Math.floor(view.zoom) !== this.labelLevel) this.updateCityLabels(this.frame, Math.floor(view.zoom));
    if (this.under && (this.underDirty || (moved && !this.under.shows(view)))) {
      this.under.drawChanges(view);
      this.underDirty = false;
    }
    if (this.over && (this.overDirty || (moved && !this.over.shows(view)))) {
      this.over.draw(view);
      this.overDirty = false;
    }
  }

  private ownFrameDrawn(): Promise<void> {
    this.ownFrame ??= new Promise((resolve) =>
      requestAnimationFrame(() => {
        this.ownFrame = null;
        if (this.view) this.drawOwn(this.view, false);
        resolve();
      }),
    );
    return this.ownFrame;
  }

  /** Any of the three contexts lost, once: before the map is ready it never will be. */
  private contextLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.failReady(new Error('the WebGL context was lost'));
    this.opts.onLost();
  }

  /** Whether a context was lost: the map will draw no more. */
  isLost(): boolean {
    return this.lost;
  }

  remove(): void {
    // MapLibre gives its context back; ours are given back too, not left to the collector, so
    // that other maps on the page (other embeds) keep theirs.
    this.under?.remove();
    this.over?.remove();
    this.map.remove();
  }

  private style(): StyleSpecification {
    const { opts } = this;
    const p = this.palette;
    const labels = labelPoints(opts.countries, new Set(opts.model.countries));
    const empty: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
    const outline = (id: string, source: string, minzoom: number, maxzoom: number) => ({
      id,
      type: 'fill' as const,
      source,
      minzoom,
      maxzoom,
      // Only the borders show; the fills are on our canvas under this one.
      paint: { 'fill-color': 'rgba(0, 0, 0, 0)', 'fill-outline-color': p.border },
    });
    return {
      version: 8,
      'font-faces': { [FONT]: opts.fontUrl },
      sources: {
        [COUNTRY_SOURCE]: { type: 'geojson', data: opts.countries, promoteId: 'iso' },
        [DETAIL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'iso' },
        [LABEL_SOURCE]: { type: 'geojson', data: { ...labels, features: labels.features.map((f) => ({ ...f, properties: { ...f.properties, label: '' } })) } },
        [CITY_SOURCE]: { type: 'geojson', data: empty },
      },
      // No background: the ocean and the countries' fills are on our canvas under this one.
      // Borders are the fills' outlines, not line layers: every layer type is one more shader
      // program to compile before the first frame, which costs seconds in software GL.
      layers: [
        outline('countries-fill', COUNTRY_SOURCE, 0, 24),
        outline('countries-detail', DETAIL_SOURCE, DETAIL_ZOOM, 24),
        {
          id: 'city-labels',
          type: 'symbol',
          source: CITY_SOURCE,
          minzoom: CITY_LABEL_ZOOM,
          layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 12, 'text-anchor': 'left', 'text-offset': [1.2, 0], 'text-max-width': 10, 'text-padding': 2 },
          paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 },
        },
        {
          id: 'country-labels',
          type: 'symbol',
          source: LABEL_SOURCE,
          minzoom: 1.5,
          layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 11, 'text-max-width': 8, 'text-padding': 4 },
          paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 },
        },
      ],
    } as StyleSpecification;
  }

  /** From DETAIL_ZOOM in, the borders and fills come from the 1:50m basemap. */
  private wantDetail(): void {
    if (this.detail !== 'none') return;
    this.detail = 'loading';
    loadDetail().then(
      (detail) => {
        if (!this.map.getSource(DETAIL_SOURCE)) return;
        (this.map.getSource(DETAIL_SOURCE) as GeoJSONSource).setData(detail.countries);
        // The coarse borders give way to the fine ones where those are drawn.
        for (const id of ['countries-fill', ...OUTLINE_LAYERS.filter((l) => l.source === COUNTRY_SOURCE).map((l) => l.id)]) {
          if (this.map.getLayer(id)) this.map.setLayerZoomRange(id, 0, DETAIL_ZOOM);
        }
        const fine = new CountryFillLayer(detail.mesh as CountryMesh);
        this.meshIsos.fine = detail.mesh.isos;
        this.fills.fine = fine;
        this.detail = 'in';
        fine.setColors(this.fillColors(this.meshIsos.fine, this.palette));
        if (this.lastCountry) this.map.setFeatureState({ source: DETAIL_SOURCE, id: this.lastCountry }, { sel: true });
        if (this.lastHoverCountry) this.map.setFeatureState({ source: DETAIL_SOURCE, id: this.lastHoverCountry }, { hover: true });
        this.underDirty = true;
        this.map.triggerRepaint();
        this.opts.onDetail?.(detail);
      },
      (err: unknown) => {
        // The coarse borders stay.
        console.warn('finer borders unavailable:', err);
      },
    );
  }

  private atlas(): ReturnType<typeof makeAtlas> {
    const p = this.palette;
    return makeAtlas(
      this.opts.model.config.statuses.map((s) => ({ shape: s.shape, color: p.dark ? s.darkColor : s.color })),
      p.iconOutline,
      p.highlight,
      p.casing,
      { fill: p.clusterFill, text: p.clusterText },
    );
  }

  /** Each country's fill, in a mesh's order. */
  private fillColors(isos: readonly string[], p: Palette): string[] {
    const { responses } = this.opts.model.config;
    const byId = new Map(responses.map((r) => [r.id, r]));
    return isos.map((iso) => {
      const r = byId.get(this.responses.get(iso) ?? '') ?? responses[0];
      return p.dark ? r.darkColor : r.color;
    });
  }

  private setFills(): boolean {
    const coarse = this.fills.coarse.setColors(this.fillColors(this.meshIsos.coarse, this.palette));
    const fine = this.fills.fine?.setColors(this.fillColors(this.meshIsos.fine, this.palette)) ?? false;
    return coarse || fine;
  }

  private setOcean(p: Palette): void {
    const [r, g, b] = rgbBytes(p.ocean);
    this.under?.setClearColor([r / 255, g / 255, b / 255, 1]);
    this.underDirty = true;
  }

  /** A theme change repaints in place: paint properties, fills and the icon atlas, no new style. */
  private applyPalette(p: Palette): void {
    this.palette = p;
    const map = this.map;
    this.setOcean(p);
    this.setFills();
    this.stations.setAtlas(this.atlas());
    this.overDirty = true;
    for (const id of ['countries-fill', 'countries-detail']) map.setPaintProperty(id, 'fill-outline-color', p.border);
    for (const id of ['country-labels', 'city-labels']) {
      map.setPaintProperty(id, 'text-color', p.label);
      map.setPaintProperty(id, 'text-halo-color', p.labelHalo);
    }
    for (const l of OUTLINE_LAYERS) if (map.getLayer(l.id)) map.setPaintProperty(l.id, 'line-color', l.casing ? p.casing : p.highlight);
  }

  /** Brings the map up to date with the frame; resolves when the map has drawn it. */
  async render(frame: MapFrame): Promise<void> {
    this.frame = frame;
    await this.ready;
    if (this.frame !== frame) return;
    // MapLibre needs a frame only for what it draws (borders, labels, the selected country).
    let mapChanged = this.pendingFrame;
    if (frame.palette.dark !== this.palette.dark) {
      this.applyPalette(frame.palette);
      mapChanged = true;
    }
    if (this.lastDay !== frame.content.day) {
      this.lastDay = frame.content.day;
      this.responses = frame.content.response;
      if (this.stations.setCells(Array.from(frame.content.cell, (c) => (c === HIDDEN ? null : c)))) this.overDirty = true;
      if (this.setFills()) this.underDirty = true;
    }
    if (this.lastLang !== frame.lang) {
      this.updateLabels(frame);
      this.lastLang = frame.lang;
      mapChanged = true;
    }
    if (this.stations.setHighlighted(frame.selected.stations, frame.hovered.stations, frame.hovered.cluster)) this.overDirty = true;
    mapChanged = this.updateOutline(frame) || mapChanged;
    if (mapChanged || this.map.isMoving()) {
      // Our canvases draw in MapLibre's frame (ViewProbe).
      this.pendingFrame = true;
      await this.idle();
      this.pendingFrame = false;
    } else if (this.underDirty || this.overDirty || this.ownFrame) {
      await this.ownFrameDrawn();
    }
  }

  private updateLabels(frame: MapFrame): void {
    const { opts } = this;
    const labels = labelPoints(opts.countries, new Set(opts.model.countries));
    (this.map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined)?.setData({
      ...labels,
      features: labels.features.map((f) => ({ ...f, properties: { ...f.properties, label: frame.countryName(f.properties.iso) } })),
    });
    this.updateCityLabels(frame, Math.floor(this.map.getZoom()));
  }

  /**
   * City names beside places that stand alone at the zoom level: a place inside a badge gets
   * none, or the name of one of its cities would read as the badge's. Redone when the whole zoom
   * level changes, as the badges are.
   */
  private updateCityLabels(frame: MapFrame, level: number): void {
    const { opts } = this;
    this.labelLevel = level;
    const seen = new Set<number>();
    const cities: FeatureCollection<Point, { label: string }> = { type: 'FeatureCollection', features: [] };
    opts.model.stations.forEach((s, i) => {
      const place = opts.layout.placeOf[i];
      if (seen.has(place) || s.props.locationPrecision === 'country' || opts.layout.clustered(place, level)) return;
      const label = frame.cityLabel(i);
      if (!label) return;
      seen.add(place);
      const p = opts.layout.places[place];
      cities.features.push({ type: 'Feature', properties: { label: label.text }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    });
    (this.map.getSource(CITY_SOURCE) as GeoJSONSource | undefined)?.setData(cities);
  }

  /** The selected and hovered countries' outlines; returns whether MapLibre must draw a frame. */
  private updateOutline(frame: MapFrame): boolean {
    const country = frame.selected.country;
    const hover = frame.hovered.country !== country ? frame.hovered.country : null;
    if ((country || hover) && !this.map.getLayer(OUTLINE_LAYERS[0].id)) {
      for (const l of OUTLINE_LAYERS) {
        const w = l.casing ? 5.5 : 2.5;
        const fine = l.source === DETAIL_SOURCE;
        this.map.addLayer(
          {
            id: l.id,
            type: 'line',
            source: l.source,
            minzoom: fine ? DETAIL_ZOOM : 0,
            maxzoom: !fine && this.detail === 'in' ? DETAIL_ZOOM : 24,
            paint: {
              'line-color': l.casing ? this.palette.casing : this.palette.highlight,
              'line-width': ['case', ['boolean', ['feature-state', 'sel'], false], w, ['boolean', ['feature-state', 'hover'], false], w * 0.6, 0],
            },
          },
          'city-labels',
        );
      }
    }
    let changed = false;
    const set = (iso: string | null, key: 'sel' | 'hover', value: boolean) => {
      if (!iso) return;
      for (const source of [COUNTRY_SOURCE, DETAIL_SOURCE]) this.map.setFeatureState({ source, id: iso }, { [key]: value });
    };
    if (country !== this.lastCountry) {
      set(this.lastCountry, 'sel', false);
      set(country, 'sel', true);
      this.lastCountry = country;
      changed = true;
    }
    if (hover !== this.lastHoverCountry) {
      set(this.lastHoverCountry, 'hover', false);
      set(hover, 'hover', true);
      this.lastHoverCountry = hover;
      changed = true;
    }
    return changed;
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      } else this.map.once('idle', () => resolve());
    });
  }
}

/**
 * Touches reach MapLibre only once they are a gesture it has a use for (tap-gate.ts): a tap is
 * answered by the overlay without MapLibre's handlers, or its repaint, in the way.
 */
function holdTapsBack(container: HTMLElement): void {
  const gate = new TapGate<TouchEvent>();
  const replayed = new WeakSet<Event>();
  const phases: Record<string, TouchPhase> = { touchstart: 'start', touchmove: 'move', touchend: 'end', touchcancel: 'cancel' };
  const onTouch = (e: TouchEvent) => {
    if (replayed.has(e)) return;
    const changed = e.changedTouches[0];
    if (!changed) return;
    const { replay, pass } = gate.offer(e, { phase: phases[e.type], time: e.timeStamp, fingers: e.touches.length, x: changed.clientX, y: changed.clientY });
    for (const held of replay) {
      const copy = new TouchEvent(held.type, {
        bubbles: true,
        cancelable: true,
        composed: true,
        touches: [...held.touches],
        targetTouches: [...held.targetTouches],
        changedTouches: [...held.changedTouches],
      });
      replayed.add(copy);
      (held.target ?? container).dispatchEvent(copy);
    }
    if (!pass) e.stopPropagation();
  };
  for (const type of Object.keys(phases)) container.addEventListener(type, onTouch as EventListener, { capture: true, passive: true });
  const onMouse = (e: MouseEvent) => {
    if (!gate.passMouse(e.timeStamp, e.clientX, e.clientY)) e.stopPropagation();
  };
  for (const type of ['mousedown', 'mousemove', 'mouseup']) container.addEventListener(type, onMouse as EventListener, { capture: true, passive: true });
}
