// The map as the app sees it: one element showing the SVG map, and MapLibre once the reader
// asks for it (or at load when the data is too big for SVG). It keeps the camera on the
// selection, hands over between the two maps in place, and hosts the tooltip and keys layer.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MapModel, Model } from '../model/model';
import type { PlaceTree } from '../model/place-tree';
import type { AppState, Selection } from '../state/state';
import type { Dispatch } from '../state/store';
import type { Hover } from '../state/hover';
import type { I18n } from '../i18n';
import { highlightedStations } from '../selection';
import { el } from '../dom';
import { afterAnswerShown } from '../frame';
import type { CountryProps } from './basemap';
import { panBy as panCamera, sameCamera, zoomAround, MAX_ZOOM, type Bounds, type Camera, type Size } from './camera';
import { cameraFor, lazyMainlands, type FramingContext } from './framing';
import { StationLayout, type ClusterMark } from './station-layout';
import { mapContent, type MapContent } from './map-content';
import { CountryIndex } from './country-hit';
import { SvgMapView } from './svg-map-view';
import { MapOverlay, type Mark } from './map-overlay';
import type { Gestures } from './svg-gestures';
import type { Highlight, MapFrame, MapRenderer } from './renderer';
export { SVG_MAX_STATIONS } from './renderer';
import type { Palette } from './palette';
import type { MapView } from './map-view';

export type WebGlPolicy = 'on-demand' | 'at-load' | 'never';

export interface MapHostOptions {
  readonly container: HTMLElement;
  readonly model: MapModel;
  /** The clustering of the model's places, when the build made it. */
  readonly placeTree: PlaceTree | null;
  readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  readonly state: AppState;
  readonly dispatch: Dispatch;
  readonly hover: Hover;
  readonly reducedMotion: () => boolean;
  readonly webgl: WebGlPolicy;
  readonly defaultBounds: Bounds | null;
  readonly fontUrl: string;
  /** A move has ended (the reader's, or the camera following the selection). */
  readonly onMoveEnd: (camera: Camera) => void;
  /** Which map shows, for the page ('svg' or 'webgl'), and whether WebGL failed. */
  readonly onRenderer: (kind: 'svg' | 'webgl', failed: boolean) => void;
}

export class MapHost {
  private readonly opts: MapHostOptions;
  private model: MapModel;
  private full: Model | null = null;
  private layout: StationLayout;
  private framing: FramingContext;
  private countryIndexNow: CountryIndex | null = null;
  private mainlandsNow: ((iso: string) => Bounds | null) | null = null;
  private readonly svg: SvgMapView;
  private gl: MapView | null = null;
  private active: MapRenderer;
  private gestures: Gestures | null = null;
  private readonly overlay: MapOverlay;
  private readonly glBox: HTMLElement;
  private webgl: 'none' | 'loading' | 'in' | 'failed';
  private state: AppState;
  private t: I18n | null = null;
  private palette: Palette | null = null;
  private content: MapContent | null = null;
  /** What the camera last followed: the selection or the reader's camera, and the map's size. */
  private followed = { what: '', size: '' };
  private lastEnd: Camera | null = null;

  constructor(opts: MapHostOptions) {
    this.opts = opts;
    this.model = opts.model;
    this.state = opts.state;
    this.layout = new StationLayout(opts.model.stations, opts.placeTree);
    this.framing = this.framingContext();
    this.glBox = el('div', { class: 'gl-map', hidden: true });
    opts.container.append(this.glBox);
    const size = { width: Math.max(1, opts.container.clientWidth), height: Math.max(1, opts.container.clientHeight) };
    this.svg = new SvgMapView(opts.container, opts.model, opts.countries, this.layout, this.target(opts.state, size, null));
    this.active = this.svg;
    this.webgl = opts.webgl === 'never' ? 'failed' : 'none';
    this.followed = this.followKey(opts.state, size);
    this.overlay = new MapOverlay(opts.container, this.overlayHost(), opts.dispatch, opts.hover);
    this.svg.onMove((camera, byUser, ended) => this.moved(this.svg, camera, byUser, ended));
    opts.hover.subscribe(() => this.draw());
  }

  /**
   * Once the page has settled: WebGL starts now where the data is too big for SVG, or where the
   * view opened away from the default framing (a deep link), where the coarse SVG borders show.
   */
  settled(): void {
    if (this.opts.webgl === 'at-load' || this.state.camera !== null || this.state.selection !== null) this.requestWebGL();
  }

  // Made on first use (a country framed, a pointer over the map), not in the first paint.
  private get mainlands(): (iso: string) => Bounds | null {
    return (this.mainlandsNow ??= lazyMainlands(this.opts.countries));
  }

  private get countryIndex(): CountryIndex {
    return (this.countryIndexNow ??= new CountryIndex(this.opts.countries));
  }

  private framingContext(): FramingContext {
    return { model: this.model, layout: this.layout, mainland: (iso) => this.mainlands(iso), defaultBounds: this.opts.defaultBounds };
  }

  /** The SVG map's wheel, drag and pinch: loaded after the first paint. */
  async enableGestures(): Promise<void> {
    const { attachGestures } = await import('./svg-gestures');
    this.gestures = attachGestures(this.svg, () => this.requestWebGL());
  }

  get kind(): 'svg' | 'webgl' {
    return this.active.kind;
  }

  camera(): Camera {
    return this.active.camera();
  }

  /** The marks in view (stations on their own, and badges), as the keys step through them. */
  marks(): Mark[] {
    return this.overlay.marks();
  }

  /** Stations drawn as of the state's date (in badges or not). */
  shownStations(): number {
    return this.content?.shown ?? 0;
  }

  /** The stations of another model (the overview's preview, then the model). */
  useModel(model: MapModel, full: Model | null): void {
    const samePlaces = model.stations.length === this.model.stations.length && model.stations.every((s, i) => s.id === this.model.stations[i].id && s.lon === this.model.stations[i].lon && s.lat === this.model.stations[i].lat);
    this.model = model;
    this.full = full;
    if (!samePlaces) this.layout = new StationLayout(model.stations);
    this.framing = this.framingContext();
    this.svg.useModel(model, this.layout);
    this.content = null;
  }

  private overlayHost() {
    return {
      camera: () => this.active.camera(),
      size: () => this.active.size(),
      moveCamera: (camera: Camera) => this.moveByReader(camera),
      panBy: (dx: number, dy: number) => this.moveByReader(panCamera(this.active.camera(), this.active.size(), dx, dy)),
      zoomBy: (delta: number) => this.moveByReader(zoomAround(this.active.camera(), this.active.size(), delta)),
      openCluster: (c: ClusterMark) => this.openCluster(c),
    };
  }

  private moveByReader(camera: Camera): void {
    this.requestWebGL();
    this.active.setCamera(camera, { animate: !this.opts.reducedMotion(), byUser: true });
  }

  /** A badge opens: the camera centres on its stations, at the zoom where they separate. */
  private openCluster(c: ClusterMark): void {
    const bounds = this.layout.boundsOf(c.members);
    const zoom = Math.min(MAX_ZOOM, Math.max(c.expansionZoom, this.active.camera().zoom + 1));
    const center = bounds ? { lon: (bounds[0] + bounds[2]) / 2, lat: (bounds[1] + bounds[3]) / 2 } : { lon: c.lon, lat: c.lat };
    this.moveByReader({ ...center, zoom });
  }

  private moved(from: MapRenderer, camera: Camera, byUser: boolean, ended: boolean): void {
    if (from !== this.active) return;
    this.updateOverlay();
    if (!ended) return;
    if (byUser) {
      this.requestWebGL();
      this.opts.dispatch({ type: 'set-camera', camera });
    }
    if (!sameCamera(this.lastEnd, camera)) {
      this.lastEnd = camera;
      this.opts.onMoveEnd(camera);
    }
  }

  /** The camera for a state: the reader's own, else the selection's framing. */
  private target(state: AppState, size: Size, current: Camera | null): Camera {
    if (state.camera) return state.camera;
    const framed = cameraFor(state.selection, this.framing, size);
    // A station chosen while zoomed in deeper keeps the deeper zoom.
    if (state.selection?.kind === 'station' && current) return { ...framed, zoom: Math.max(framed.zoom, current.zoom) };
    return framed;
  }

  private followKey(state: AppState, size: Size): { what: string; size: string } {
    const c = state.camera;
    const sel = state.selection;
    // An event named before the events are in (a deep link, a story step) is framed once they are.
    const pending = sel?.kind === 'event' && !this.model.eventById.has(sel.id) ? ' pending' : '';
    const what = c ? `camera ${c.lon} ${c.lat} ${c.zoom}` : `${sel?.kind ?? ''} ${sel?.id ?? ''}${pending}`;
    return { what, size: `${size.width}x${size.height}` };
  }

  /** Moves the camera when the selection or the reader's camera changed, or (while framing) the size. */
  private follow(state: AppState): void {
    const size = this.active.size();
    const key = this.followKey(state, size);
    const before = this.followed;
    if (key.what === before.what && (key.size === before.size || state.camera)) return;
    this.followed = key;
    const target = this.target(state, size, this.active.camera());
    if (sameCamera(this.active.camera(), target, 1e-4)) return;
    // A new size refits at once, and so does an event the data has just placed; a new selection
    // moves there (at once with reduced motion).
    const placed = before.what === `${key.what} pending`;
    if (key.what === before.what || placed || this.opts.reducedMotion()) {
      if (key.what !== before.what && !placed) this.requestWebGL();
      this.active.setCamera(target);
      return;
    }
    this.requestWebGL();
    // The move starts once the frame that answers the reader's tap (the panel, the highlight) is
    // shown, so that answer is not held back by the move's first frames.
    void afterAnswerShown().then(() => {
      if (this.followed === key) this.active.setCamera(target, { animate: true });
    });
  }

  render(state: AppState, t: I18n, palette: Palette): Promise<void> {
    this.state = state;
    this.t = t;
    this.palette = palette;
    this.follow(state);
    return this.draw();
  }

  private highlight(target: Selection | null, cluster?: number): Highlight {
    const stations = new Set(highlightedStations(this.model, target).map((s) => s.index));
    let country: string | null = null;
    if (target?.kind === 'country') country = target.id;
    else if (target?.kind === 'event' && stations.size === 0) country = this.model.eventById.get(target.id)?.country ?? null;
    return { stations, country, cluster };
  }

  private frame(): MapFrame | null {
    const { t, palette, state } = this;
    if (!t || !palette) return null;
    if (this.content?.day !== state.to || !this.content) this.content = mapContent(this.model, state.to);
    const full = this.full;
    return {
      content: this.content,
      palette,
      selected: this.highlight(state.selection),
      hovered: this.highlight(this.opts.hover.get(), this.overlay.hoveredCluster),
      cityLabel: (i) => {
        const city = full?.stations[i]?.props.city;
        return city ? t.textLang(city) : null;
      },
      countryName: (iso) => t.countryName(iso),
      lang: t.lang,
    };
  }

  private drawnDay: number | null = null;
  private glQueued = false;

  private draw(): Promise<void> {
    const frame = this.frame();
    if (!frame) return Promise.resolve();
    this.updateOverlay();
    if (this.gl && this.active !== this.gl) void this.gl.render(frame);
    if (this.active === this.gl && this.drawnDay === frame.content.day) {
      // A new selection or hover on the WebGL map: its outline costs a MapLibre frame (and, in
      // software GL, the GPU process's time before the page's next frame is shown), so it waits
      // until the frame that answers the reader (the panel, the counts, the timeline) is shown. A new date
      // (a scrub step) draws at once: only our own canvases change then.
      const gl = this.gl;
      if (this.glQueued) return afterAnswerShown();
      this.glQueued = true;
      return afterAnswerShown().then(() => {
        this.glQueued = false;
        const latest = this.frame();
        return latest && this.active === gl ? gl.render(latest) : undefined;
      });
    }
    this.drawnDay = frame.content.day;
    const drawn = this.active.render(frame);
    // The SVG map changed the DOM: drawn once the next frame is produced (its animation frame,
    // the same point in the frame as MapLibre's 'idle').
    return drawn ?? new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }

  private updateOverlay(): void {
    if (!this.t || !this.content) return;
    this.overlay.update({ model: this.model, full: this.full, layout: this.layout, content: this.content, countries: () => this.countryIndex, t: this.t });
  }

  /** Starts MapLibre, once; it takes over from the SVG map when it has drawn the same view. */
  requestWebGL(): void {
    if (this.webgl !== 'none' || typeof WebGLRenderingContext === 'undefined') return;
    this.webgl = 'loading';
    void this.startWebGL();
  }

  private async startWebGL(): Promise<void> {
    let gl: MapView | null = null;
    // A context lost while MapLibre starts (other maps on the page took it) ends the start: the
    // SVG map stays, as it does when the context goes later.
    let stop: (err: Error) => void = () => {};
    const lost = new Promise<never>((_, reject) => (stop = reject));
    lost.catch(() => {});
    try {
      const { MapView: MapViewClass } = await import('./map-view');
      // Its set-up holds the main thread for a while: not in the frame of a gesture.
      await this.quiet();
      this.glBox.hidden = false;
      gl = new MapViewClass({
        container: this.glBox,
        model: this.model,
        layout: this.layout,
        countries: this.opts.countries,
        camera: this.svg.camera(),
        palette: this.palette!,
        fontUrl: this.opts.fontUrl,
        onDetail: (detail) => {
          this.countryIndexNow = new CountryIndex(detail.countries);
          this.updateOverlay();
        },
        onLost: () => (this.gl !== null && this.gl === gl ? this.lose() : stop(new Error('the WebGL context was lost'))),
      });
      await Promise.race([gl.whenReady(), lost]);
      const frame = this.frame();
      if (frame) await Promise.race([gl.render(frame), lost]);
      // The SVG map may have moved meanwhile, even while MapLibre drew (a reader's keys, a flight):
      // MapLibre joins it where it is, and takes over only once the two agree.
      for (;;) {
        await Promise.race([this.quiet(), lost]);
        if (sameCamera(gl.camera(), this.svg.camera(), 1e-6)) break;
        gl.setCamera(this.svg.camera());
        const again = this.frame();
        if (again) await Promise.race([gl.render(again), lost]);
      }
      this.gl = gl;
      this.active = gl;
      const live = gl;
      gl.onMove((camera, byUser, ended) => this.moved(live, camera, byUser, ended));
      this.svg.setVisible(false);
      this.webgl = 'in';
      this.opts.onRenderer('webgl', false);
      performance.mark('chronomap:webgl-ready');
    } catch (err) {
      console.warn('WebGL map unavailable, keeping the SVG map:', err);
      const wasLost = gl?.isLost() ?? false;
      gl?.remove();
      this.glBox.hidden = true;
      this.webgl = 'failed';
      // A lost context is no fault to report: the SVG map serves, as after a later loss.
      this.opts.onRenderer('svg', !wasLost);
    }
  }

  /** Resolves when no gesture or camera move is under way on the SVG map. */
  private async quiet(): Promise<void> {
    while (this.gestures?.active() || this.svg.isMoving()) await new Promise((r) => setTimeout(r, 100));
  }

  /** The WebGL context is gone (too many on the page, a GPU reset): the SVG map takes over where it was. */
  private lose(): void {
    const gl = this.gl;
    if (!gl) return;
    const camera = gl.camera();
    this.gl = null;
    this.active = this.svg;
    this.webgl = 'failed';
    this.svg.setVisible(true);
    this.svg.setCamera(camera);
    gl.remove();
    this.glBox.hidden = true;
    this.opts.onRenderer('svg', false);
    void this.draw();
  }

  /** The map's text alternative, on its one tab stop. */
  setLabel(text: string): void {
    this.opts.container.setAttribute('aria-label', text);
  }
}
