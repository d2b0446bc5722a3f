// The map: the only module that touches MapLibre. It draws what the state says (stations as of
// `to`, countries by response, the selection) and reports clicks as intents. MapLibre owns the
// camera, the borders, the labels and the selected outline; what a date changes (the countries'
// fills, the stations) is drawn on two canvases of our own, one under MapLibre's and one over it
// (layer-canvas.ts), with MapLibre's camera. A date change never replaces a source's data and
// never asks MapLibre for a frame.
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Model } from '../model/model';
import { statusAsOf, countryResponseAsOf } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { labelPoints, type CountryProps } from './basemap';
import { stationOffsets } from './offsets';
import { makeAtlas } from './icons';
import { StationLayer } from './station-layer';
import { CountryFillLayer } from './country-fill-layer';
import { countryMesh } from './country-mesh';
import { LayerCanvas, type GlView } from './layer-canvas';
import { ViewProbe } from './view-probe';
import { rgbBytes } from './gl-program';
import { highlightedStations } from '../selection';
import type { I18n } from '../i18n';
import type { Palette } from './palette';
import { FIT_PADDING, WORLD_BOUNDS } from './framing';

setWorkerUrl(workerUrl);


export interface MapViewOptions {
  readonly container: HTMLElement;
  readonly model: Model;
  readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  readonly dispatch: Dispatch;
  readonly palette: Palette;
  readonly reducedMotion: () => boolean;
  readonly fontUrl: string;
}

const VIEW_PROBE = 'view-probe';
const COUNTRY_SOURCE = 'countries';
const LABEL_SOURCE = 'country-labels';
const FONT = 'Noto Sans Regular';
/** The selected country's outline: a line layer, added on first use (see updateHighlight). */
const SELECTED_LAYER = 'countries-selected';

export class MapView {
  private readonly map: MapLibreMap;
  private readonly model: Model;
  private readonly opts: MapViewOptions;
  private ready: Promise<void>;
  private lastTo: number | null = null;
  private lastLang: string | null = null;
  private lastCountry: string | null = null;
  private readonly statusIndex: ReadonlyMap<string, number>;
  private readonly stations: StationLayer;
  private readonly fills: CountryFillLayer;
  /** The basemap's countries in the fill mesh's order: each one's code where the story has it,
   * else null (never shaded). */
  private readonly storyIsos: readonly (string | null)[];
  private readonly responseIndex: ReadonlyMap<string, number>;
  private statusOf: (number | null)[] = [];
  /** Each basemap country's response index (in the mesh's order). */
  private responseOf: number[] = [];
  /** A change is waiting for MapLibre's frame: later renders wait for it too. */
  private pendingFrame = false;
  private palette: Palette;
  /** Our canvases: country fills under MapLibre's, stations over it. Made on load. */
  private under: LayerCanvas | null = null;
  private over: LayerCanvas | null = null;
  private underDirty = true;
  private overDirty = true;
  /** The camera as of MapLibre's last frame; null until its first. */
  private view: GlView | null = null;
  /** Our canvases' next frame, when one is asked for outside MapLibre's frames. */
  private ownFrame: Promise<void> | null = null;
  /** MapLibre frames drawn so far (for tests: a scrub step should not need one). */
  private mapFrameCount = 0;

  constructor(opts: MapViewOptions) {
    this.opts = opts;
    this.model = opts.model;
    this.palette = opts.palette;
    this.statusIndex = new Map(opts.model.config.statuses.map((s, i) => [s.id, i]));
    this.responseIndex = new Map(opts.model.config.responses.map((r, i) => [r.id, i]));
    this.map = new MapLibreMap({
      container: opts.container,
      style: this.style(),
      center: [15, 25],
      zoom: 0.6,
      minZoom: 0,
      maxZoom: 9,
      renderWorldCopies: true,
      attributionControl: { compact: true, customAttribution: 'Natural Earth (world-atlas)' },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Not 0: with 0, MapLibre redoes symbol placement on every frame, even when nothing moved.
      fadeDuration: 1,
      cooperativeGestures: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.fitWorld();
    const { slots, offsets } = stationOffsets(opts.model.stations.map((s) => [s.lon, s.lat]));
    const atlas = this.atlas();
    this.stations = new StationLayer(
      opts.model.stations.map((s, i) => ({ lon: s.lon, lat: s.lat, dx: offsets[slots[i]][0], dy: offsets[slots[i]][1] })),
      atlas,
    );
    const mesh = countryMesh(opts.countries);
    const inStory = new Set(opts.model.countries);
    this.storyIsos = mesh.isos.map((iso) => (inStory.has(iso) ? iso : null));
    this.fills = new CountryFillLayer(mesh);
    this.ready = new Promise((resolve, reject) => {
      // Before the first load an error means no map at all (its worker blocked by a policy, say):
      // the app keeps the SVG map. After it, MapLibre's errors are its own (logged, not fatal).
      const failed = (e: { error?: unknown }) => reject(e.error instanceof Error ? e.error : new Error('the map failed to load'));
      this.map.once('error', failed);
      this.map.once('load', () => {
        this.map.off('error', failed);
        try {
          const canvas = this.map.getCanvas();
          const redraw = () => this.map.triggerRepaint();
          this.under = new LayerCanvas(canvas, 'under', [this.fills], redraw, { incremental: true });
          this.over = new LayerCanvas(canvas, 'over', [this.stations], redraw);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        this.setOcean(this.palette);
        this.fills.setColors(this.fillColors(this.palette));
        this.map.addLayer(
          new ViewProbe(VIEW_PROBE, (view) => {
            this.mapFrameCount++;
            this.drawOwn(view, true);
          }),
        );
        this.bindEvents();
        resolve();
      });
    });
  }

  /**
   * Draws our canvases that are out of date. In MapLibre's frame (`moved`), the camera may have
   * changed too, so a canvas is redrawn unless it already shows this view.
   */
  private drawOwn(view: GlView, moved: boolean): void {
    this.view = view;
    if (this.under && (this.underDirty || (moved && !this.under.shows(view)))) {
      // Mostly a few countries recoloured: only those are redrawn (all of them when the camera
      // moved or the ocean changed colour).
      this.under.drawChanges(view);
      this.underDirty = false;
    }
    if (this.over && (this.overDirty || (moved && !this.over.shows(view)))) {
      this.over.draw(view);
      this.overDirty = false;
    }
  }

  /** Resolves once our canvases have drawn what is dirty, in the next animation frame. */
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

  /** Removes the map and its canvas (after a failure to load). */
  remove(): void {
    this.map.remove();
  }

  /** Shows the whole inhabited world at any container size. */
  private fitWorld(): void {
    this.map.fitBounds(WORLD_BOUNDS, { padding: FIT_PADDING, animate: false });
  }

  private style(): StyleSpecification {
    const { model, opts } = this;
    const p = this.palette;
    const labels = labelPoints(opts.countries, new Set(model.countries));
    return {
      version: 8,
      'font-faces': { [FONT]: opts.fontUrl },
      sources: {
        [COUNTRY_SOURCE]: { type: 'geojson', data: opts.countries, promoteId: 'iso' },
        [LABEL_SOURCE]: { type: 'geojson', data: { ...labels, features: labels.features.map((f) => ({ ...f, properties: { ...f.properties, label: '' } })) } },
      },
      // No background: the ocean and the countries' fills are on our canvas under this one.
      layers: [
        {
          id: 'countries-fill',
          type: 'fill',
          source: COUNTRY_SOURCE,
          paint: {
            // Only the borders show; the fill itself is there to be clicked (queryRenderedFeatures).
            'fill-color': 'rgba(0, 0, 0, 0)',
            // Borders as the fill's outline, not a line layer: every layer type is one more shader
            // program to compile before the first frame, which costs seconds in software GL.
            'fill-outline-color': p.border,
          },
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

  private atlas(): ReturnType<typeof makeAtlas> {
    const p = this.palette;
    return makeAtlas(this.model.config.statuses.map((s) => ({ shape: s.shape, color: p.dark ? s.darkColor : s.color })), p.iconOutline, p.highlight, { fill: p.clusterFill, text: p.clusterText });
  }

  /** Each basemap country's fill for its response index, in the mesh's order. */
  private fillColors(p: Palette): string[] {
    const { responses } = this.model.config;
    return this.storyIsos.map((_, i) => {
      const r = responses[this.responseOf[i] ?? 0] ?? responses[0];
      return p.dark ? r.darkColor : r.color;
    });
  }

  /** The ocean is what shows behind the fills, on the canvas under MapLibre's. */
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
    this.fills.setColors(this.fillColors(p));
    this.stations.setAtlas(this.atlas());
    this.overDirty = true;
    map.setPaintProperty('countries-fill', 'fill-outline-color', p.border);
    map.setPaintProperty('country-labels', 'text-color', p.label);
    map.setPaintProperty('country-labels', 'text-halo-color', p.labelHalo);
    if (map.getLayer(SELECTED_LAYER)) map.setPaintProperty(SELECTED_LAYER, 'line-color', p.highlight);
  }

  private bindEvents(): void {
    this.map.on('click', (e) => {
      const hits = this.stations.stationsAt(this.map, e.point.x, e.point.y, 6);
      if (hits.length > 1 && this.map.getZoom() < 6) {
        // Crowded: expand by zooming in rather than guessing which station was meant.
        const options = { center: e.lngLat, zoom: Math.min(this.map.getZoom() + 2, 9) };
        if (this.opts.reducedMotion()) this.map.jumpTo(options);
        else this.map.easeTo({ ...options, duration: 400 });
        return;
      }
      if (hits.length >= 1) {
        this.opts.dispatch({ type: 'select', selection: { kind: 'station', id: this.model.stations[hits[0]].id } });
        return;
      }
      const country = this.map.queryRenderedFeatures(e.point, { layers: ['countries-fill'] })[0];
      const iso = country?.properties?.iso;
      if (typeof iso === 'string' && iso !== '' && this.model.countries.includes(iso)) {
        this.opts.dispatch({ type: 'select', selection: { kind: 'country', id: iso } });
      } else {
        this.opts.dispatch({ type: 'select', selection: null });
      }
    });
    // Hit-testing projects every station: once per frame at most, however fast the mouse moves.
    let pending: { x: number; y: number } | null = null;
    this.map.on('mousemove', (e) => {
      if (pending === null) {
        requestAnimationFrame(() => {
          const { x, y } = pending!;
          pending = null;
          this.map.getCanvas().style.cursor = this.stations.stationsAt(this.map, x, y, 6).length > 0 ? 'pointer' : '';
        });
      }
      pending = { x: e.point.x, y: e.point.y };
    });
  }

  /** Brings the map up to date with the state; resolves when the map has drawn it. */
  async render(state: AppState, i18n: I18n, palette: Palette): Promise<void> {
    await this.ready;
    // MapLibre needs a frame only for what it draws (borders, labels, the selected country).
    let mapChanged = this.pendingFrame;
    if (palette.dark !== this.palette.dark) {
      this.applyPalette(palette);
      mapChanged = true;
    }
    if (this.lastTo !== state.to) {
      this.updateDay(state.to);
      this.lastTo = state.to;
    }
    if (this.lastLang !== i18n.lang) {
      this.updateLabels(i18n);
      this.lastLang = i18n.lang;
      mapChanged = true;
    }
    mapChanged = this.updateHighlight(state) || mapChanged;
    if (mapChanged || this.map.isMoving()) {
      // Our canvases draw in MapLibre's frame (ViewProbe).
      this.pendingFrame = true;
      await this.idle();
      this.pendingFrame = false;
    } else if (this.underDirty || this.overDirty || this.ownFrame) {
      await this.ownFrameDrawn();
    }
    // Otherwise (most scrub steps: no station appears or changes status) there is nothing to draw.
  }

  /** Updates the fills and the stations as of `day`, marking what changed for our canvases. */
  private updateDay(day: number): void {
    const { model } = this;
    const next = model.stations.map((s) => {
      const status = statusAsOf(model, s, day);
      return status === null ? null : this.statusIndex.get(status) ?? 0;
    });
    if (this.stations.setCells(next.map((status, i) => (status === null ? null : 2 * status + (model.stations[i].props.locationPrecision === 'country' ? 1 : 0))))) this.overDirty = true;
    this.statusOf = next;
    this.responseOf = this.storyIsos.map((iso) => (iso === null ? 0 : this.responseIndex.get(countryResponseAsOf(model, iso, day)) ?? 0));
    if (this.fills.setColors(this.fillColors(this.palette))) this.underDirty = true;
  }

  private updateLabels(i18n: I18n): void {
    const labels = labelPoints(this.opts.countries, new Set(this.model.countries));
    const source = this.map.getSource(LABEL_SOURCE);
    if (source && source.type === 'geojson') {
      (source as unknown as { setData(d: unknown): void }).setData({
        ...labels,
        features: labels.features.map((f) => ({ ...f, properties: { ...f.properties, label: i18n.countryName(f.properties.iso) } })),
      });
    }
  }

  /** Returns whether MapLibre must draw a frame (the selected country's outline). */
  private updateHighlight(state: AppState): boolean {
    const next = new Set(highlightedStations(this.model, state.selection).map((s) => s.index));
    if (this.stations.setHighlighted(next)) this.overDirty = true;
    let changed = false;
    const country = state.selection?.kind === 'country' ? state.selection.id : null;
    if (country && !this.map.getLayer(SELECTED_LAYER)) {
      this.map.addLayer(
        { id: SELECTED_LAYER, type: 'line', source: COUNTRY_SOURCE, paint: { 'line-color': this.palette.highlight, 'line-width': ['case', ['boolean', ['feature-state', 'sel'], false], 2.5, 0] } },
        'country-labels',
      );
    }
    if (country !== this.lastCountry) {
      if (this.lastCountry) this.map.setFeatureState({ source: COUNTRY_SOURCE, id: this.lastCountry }, { sel: false });
      if (country) this.map.setFeatureState({ source: COUNTRY_SOURCE, id: country }, { sel: true });
      this.lastCountry = country;
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

  /** Moves the camera to a station or country (no animation when motion is reduced). */
  focusOn(lonLat: [number, number], zoom: number): void {
    const options = { center: lonLat, zoom: Math.max(this.map.getZoom(), zoom) };
    if (this.opts.reducedMotion()) this.map.jumpTo(options);
    else this.map.easeTo({ ...options, duration: 500 });
  }

  resize(): void {
    this.map.resize();
  }

  get canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  /** For tests: the clusters drawn, in CSS pixels within the map. */
  clusters(): { x: number; y: number; count: number }[] {
    return this.stations.drawnClusters().map((c) => {
      const p = this.map.project([c.lon, c.lat]);
      return { x: p.x, y: p.y, count: c.count };
    });
  }

  zoom(): number {
    return this.map.getZoom();
  }

  /** For tests: how many frames MapLibre has drawn. */
  mapFrames(): number {
    return this.mapFrameCount;
  }

  /** For tests: which stations the map currently shows. */
  shownStations(): number {
    return this.statusOf.filter((s) => s !== null).length;
  }
}
