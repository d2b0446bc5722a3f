// The map: the only module that touches MapLibre. It draws what the state says (stations as of
// `to`, countries by response, the selection) and reports clicks as intents. Stations and countries
// are drawn once; each date change only updates feature-state, never the sources' data.
import { Map as MapLibreMap, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification, type ExpressionSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Model } from '../model/model';
import { statusAsOf, countryResponseAsOf } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { labelPoints, type CountryProps } from './basemap';
import { stationOffsets } from './offsets';
import { makeHalo, makeIcon } from './icons';
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

const STATION_SOURCE = 'stations';
const COUNTRY_SOURCE = 'countries';
const LABEL_SOURCE = 'country-labels';
const FONT = 'Noto Sans Regular';
const HALO_ICON = 'selection-halo';
/** The selected country's outline: a line layer, added on first use (see updateHighlight). */
const SELECTED_LAYER = 'countries-selected';

export class MapView {
  private readonly map: MapLibreMap;
  private readonly model: Model;
  private readonly opts: MapViewOptions;
  private ready: Promise<void>;
  private lastTo: number | null = null;
  private lastLang: string | null = null;
  private lastHighlight = new Set<number>();
  private lastCountry: string | null = null;
  private readonly statusIndex: ReadonlyMap<string, number>;
  private readonly responseIndex: ReadonlyMap<string, number>;
  private statusOf: (number | null)[] = [];
  private readonly responseOf = new Map<string, number>();
  /** A change is waiting for its frame: later renders wait for it too. */
  private pendingFrame = false;
  private palette: Palette;

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
      fadeDuration: 0,
      cooperativeGestures: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.fitWorld();
    // Icons are drawn on a canvas, not fetched: supply them the moment the style asks.
    this.map.setMissingStyleImageResolver(() => this.addIcons(this.palette));
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.bindEvents();
        resolve();
      });
    });
  }

  /** Shows the whole inhabited world at any container size. */
  private fitWorld(): void {
    this.map.fitBounds(WORLD_BOUNDS, { padding: FIT_PADDING, animate: false });
  }

  private style(): StyleSpecification {
    const { model, opts } = this;
    const p = this.palette;
    const { slots, offsets } = stationOffsets(model.stations.map((s) => [s.lon, s.lat]));
    const offsetExpression = ['match', ['get', 'slot'], ...offsets.flatMap((o, k) => [k, ['literal', o]]), ['literal', [0, 0]]];
    const stations: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: model.stations.map((s, i) => ({
        type: 'Feature',
        id: i,
        properties: { id: s.id, precision: s.props.locationPrecision, slot: slots[i] },
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      })),
    };
    const labels = labelPoints(opts.countries, new Set(model.countries));
    const responseColors = model.config.responses.flatMap((r, i) => [i, p.dark ? r.darkColor : r.color]);
    const statusLayers = model.config.statuses.map((s, i) => ({
      id: `stations-${s.id}`,
      type: 'symbol' as const,
      source: STATION_SOURCE,
      layout: {
        'icon-image': ['concat', `${s.id}-`, ['get', 'precision']] as ExpressionSpecification,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        // Stations that share a city fan out around it: a static per-feature slot.
        'icon-offset': offsetExpression as ExpressionSpecification,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 0, 0.8, 4, 1, 8, 1.3] as ExpressionSpecification,
      },
      paint: {
        'icon-opacity': ['case', ['==', ['feature-state', 'status'], i], 1, 0] as ExpressionSpecification,
      },
    }));
    return {
      version: 8,
      'font-faces': { [FONT]: opts.fontUrl },
      sources: {
        [COUNTRY_SOURCE]: { type: 'geojson', data: opts.countries, promoteId: 'iso' },
        [STATION_SOURCE]: { type: 'geojson', data: stations },
        [LABEL_SOURCE]: { type: 'geojson', data: { ...labels, features: labels.features.map((f) => ({ ...f, properties: { ...f.properties, label: '' } })) } },
      },
      layers: [
        { id: 'ocean', type: 'background', paint: { 'background-color': p.ocean } },
        {
          id: 'countries-fill',
          type: 'fill',
          source: COUNTRY_SOURCE,
          paint: {
            'fill-color': ['match', ['coalesce', ['feature-state', 'r'], 0], ...responseColors, p.dark ? model.config.responses[0].darkColor : model.config.responses[0].color] as unknown as ExpressionSpecification,
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
        {
          // The selection halo is an icon too, drawn by the same program as the stations.
          id: 'stations-halo',
          type: 'symbol',
          source: STATION_SOURCE,
          layout: { 'icon-image': HALO_ICON, 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-offset': offsetExpression as ExpressionSpecification, 'icon-size': ['interpolate', ['linear'], ['zoom'], 0, 0.8, 4, 1, 8, 1.3] as ExpressionSpecification },
          paint: { 'icon-opacity': ['case', ['all', ['boolean', ['feature-state', 'hl'], false], ['boolean', ['feature-state', 'on'], false]], 1, 0] },
        },
        ...statusLayers,
      ],
    } as StyleSpecification;
  }

  private addIcons(p: Palette): void {
    if (!this.map) return;
    const halo = makeHalo(p.highlight);
    if (this.map.hasImage(HALO_ICON)) this.map.updateImage(HALO_ICON, halo as never);
    else this.map.addImage(HALO_ICON, halo, { pixelRatio: 2 });
    for (const s of this.model.config.statuses) {
      for (const precision of ['city', 'country'] as const) {
        const icon = makeIcon(s.shape, p.dark ? s.darkColor : s.color, p.iconOutline, precision === 'country');
        const name = `${s.id}-${precision}`;
        if (this.map.hasImage(name)) this.map.updateImage(name, icon as never);
        else this.map.addImage(name, icon, { pixelRatio: 2 });
      }
    }
  }

  private bindEvents(): void {
    const stationLayers = this.model.config.statuses.map((s) => `stations-${s.id}`);
    const visibleStations = (features: MapGeoJSONFeature[]) => {
      const seen = new Set<number>();
      for (const f of features) {
        const i = Number(f.id);
        if (this.statusOf[i] !== null && this.statusOf[i] !== undefined) seen.add(i);
      }
      return [...seen];
    };
    this.map.on('click', (e) => {
      const box: [[number, number], [number, number]] = [[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]];
      const hits = visibleStations(this.map.queryRenderedFeatures(box, { layers: stationLayers }));
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
    const setCursor = (e: { point: { x: number; y: number } }) => {
      const hits = visibleStations(this.map.queryRenderedFeatures([[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]], { layers: stationLayers }));
      this.map.getCanvas().style.cursor = hits.length > 0 ? 'pointer' : '';
    };
    this.map.on('mousemove', setCursor);
  }

  /** Brings the map up to date with the state; resolves when the map has drawn it. */
  async render(state: AppState, i18n: I18n, palette: Palette): Promise<void> {
    await this.ready;
    const map = this.map;
    if (palette.dark !== this.palette.dark) {
      this.palette = palette;
      map.setStyle(this.style(), { diff: true });
      this.addIcons(palette);
      this.lastTo = null;
      this.statusOf = [];
      this.responseOf.clear();
      this.lastHighlight = new Set();
      this.lastCountry = null;
      this.lastLang = null;
    }
    let changed = this.pendingFrame;
    if (this.lastTo !== state.to) {
      changed = this.updateDay(state.to) || changed;
      this.lastTo = state.to;
    }
    if (this.lastLang !== i18n.lang) {
      this.updateLabels(i18n);
      this.lastLang = i18n.lang;
      changed = true;
    }
    changed = this.updateHighlight(state) || changed;
    // Most scrub steps change nothing on the map (no station appears or changes status): then
    // there is no frame to wait for. Otherwise the state is drawn when the map is idle again.
    if (!changed && !this.map.isMoving()) return;
    this.pendingFrame = true;
    await this.idle();
    this.pendingFrame = false;
  }

  /** Sets feature-state only where it changes; returns whether anything did. */
  private updateDay(day: number): boolean {
    const { model, map } = this;
    let changed = false;
    const next = model.stations.map((s) => {
      const status = statusAsOf(model, s, day);
      return status === null ? null : this.statusIndex.get(status) ?? 0;
    });
    next.forEach((status, i) => {
      if (status === this.statusOf[i]) return;
      map.setFeatureState({ source: STATION_SOURCE, id: i }, { status: status ?? -1, on: status !== null });
      changed = true;
    });
    this.statusOf = next;
    for (const iso of model.countries) {
      const r = this.responseIndex.get(countryResponseAsOf(model, iso, day)) ?? 0;
      if (this.responseOf.get(iso) === r) continue;
      map.setFeatureState({ source: COUNTRY_SOURCE, id: iso }, { r });
      this.responseOf.set(iso, r);
      changed = true;
    }
    return changed;
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

  private updateHighlight(state: AppState): boolean {
    const next = new Set(highlightedStations(this.model, state.selection).map((s) => s.index));
    let changed = next.size !== this.lastHighlight.size || [...next].some((i) => !this.lastHighlight.has(i));
    for (const i of this.lastHighlight) if (!next.has(i)) this.map.setFeatureState({ source: STATION_SOURCE, id: i }, { hl: false });
    for (const i of next) if (!this.lastHighlight.has(i)) this.map.setFeatureState({ source: STATION_SOURCE, id: i }, { hl: true });
    this.lastHighlight = next;
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

  /** For tests: which stations the map currently shows. */
  shownStations(): number {
    return this.statusOf.filter((s) => s !== null).length;
  }
}
