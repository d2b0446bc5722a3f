// The app on a stage: the store, the map and the page's text, then the controls, then the events.
// Start-up (startup.ts) decides when each comes; this module wires them: every input becomes an
// intent, every state change renders each view, and the URL and an embedding page hear of it.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { countModelEvents, type CountEvents, type EventMark, type MapModel, type Model } from './model/model';
import type { Preview } from './model/overview';
import type { PlaceTree } from './model/place-tree';
import type { Config } from './model/schema';
import type { Loaded, StoryFile } from './load';
import type { StoryStep } from './model/schema';
import type { validateStory } from './model/story';
import type { Problem } from './model/problems';
import { createStore, type Store } from './state/store';
import { createHover, type Hover } from './state/hover';
import type { AppState, StateContext } from './state/state';
import { ANY_ID, stateContext } from './state/context';
import { queryFromState, stateFromQuery } from './state/url';
import { throttledUrlWriter } from './state/url-sync';
import { i18n, LANGUAGES, setMessageOverrides, type I18n } from './i18n';
import { byId as $, replaceChildren } from './dom';
import { afterNextFrame } from './frame';
import type { CountryProps } from './map/basemap';
import type { Bounds, Camera } from './map/camera';
import { MapHost, SVG_MAX_STATIONS, type WebGlPolicy } from './map/map-host';
import { paletteFor } from './map/palette';
import { countsLine, mapAltText, summarize } from './panel/summary';
import { embedExtras, fullViewLink, isEmbedded, setupEmbedChrome, startMessageApi, type EmbedApi } from './embed/embed-mode';
import { announceCounts, hideNotice, renderStoryText, showProblems, storyLanguages } from './page';
import type { Ui } from './ui';

/** What the map, the counts line and the timeline read: the overview's preview, then the model. */
export interface Stage {
  readonly map: MapModel;
  readonly countEvents: CountEvents;
  readonly marks: () => readonly EventMark[];
  /** The full model, once the events are in. */
  readonly model: Model | null;
  /** The stations' places clustered by the build (the overview's), if it came with them. */
  readonly placeTree: PlaceTree | null;
}

/**
 * The guided tour's file, with the check that reads it against the data (model/story.ts: it
 * brings zod, so it is loaded with the story, not before the first paint).
 */
export interface Story {
  readonly file: StoryFile;
  readonly check: typeof validateStory;
}

export const previewStage = (p: Preview): Stage => ({ map: p.model, countEvents: p.countEvents, marks: p.marks, model: null, placeTree: p.placeTree });
export const modelStage = (model: Model): Stage => ({ map: model, countEvents: countModelEvents(model), marks: () => model.events, model, placeTree: null });

function contextFor(stage: Stage, languages: readonly string[], steps: readonly StoryStep[] = []): StateContext {
  return stateContext(stage.map, stage.model ? stage.model.eventById : ANY_ID, languages, steps);
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;
const isDark = (state: AppState) => state.theme === 'dark' || (state.theme === 'auto' && systemDark());

function defaultBounds(config: Config): Bounds | null {
  const b = config.defaultView.bounds;
  if (!b) return null;
  const [[west, south], [east, north]] = b;
  return [west, Math.min(south, north), east < west ? east + 360 : east, Math.max(south, north)];
}

export class App {
  readonly store: Store;
  private readonly hover: Hover = createHover();
  private readonly map: MapHost;
  private readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  private stage: Stage;
  private ui: Ui | null = null;
  private loaded: Loaded | null = null;
  private api: EmbedApi | null = null;
  private readonly params = new URLSearchParams(location.search);
  private readonly embedded: boolean;
  private readonly languages: readonly string[];
  private readonly writeUrl = throttledUrlWriter((q) => history.replaceState(history.state, '', `${location.pathname}${q}${location.hash}`));
  private lastLang = '';
  private mapNotice: 'webgl' | 'failed' | null = null;
  private renderSeq = 0;
  private altReady = false;
  private story: Story | null = null;
  private steps: readonly StoryStep[] = [];
  private storyProblems: readonly Problem[] = [];
  /** Drawn from an overview of other stations, until the model comes. */
  private stale = false;

  /** `story`: the guided tour's file, when it came before the first paint (a `?step=` link waits for it). */
  constructor(stage: Stage, countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>, story: Story | null = null) {
    this.stage = stage;
    this.countries = countries;
    const { config } = stage.map;
    setMessageOverrides(config.messages);
    this.embedded = isEmbedded(this.params);
    if (this.embedded) setupEmbedChrome(this.params);
    this.languages = storyLanguages(config, Object.keys(LANGUAGES));
    this.readStory(story);
    const ctx = this.context();
    // Without a language in the URL the boot script chose the reader's (boot.js): the state
    // starts in it, and the URL will say so.
    const query = new URLSearchParams(location.search);
    const pageLang = document.documentElement.lang;
    if (!this.languages.includes(query.get('lang') ?? '') && this.languages.includes(pageLang)) query.set('lang', pageLang);
    this.store = createStore(stateFromQuery(`?${query}`, ctx), ctx);
    const state = this.store.getState();
    const webgl: WebGlPolicy = typeof WebGLRenderingContext === 'undefined' ? 'never' : stage.map.stations.length > SVG_MAX_STATIONS ? 'at-load' : 'on-demand';
    if (webgl === 'never') this.mapNotice = 'webgl';
    this.map = new MapHost({
      container: $('map'),
      model: stage.map,
      placeTree: stage.placeTree,
      countries,
      state,
      dispatch: this.store.dispatch,
      hover: this.hover,
      reducedMotion,
      webgl,
      defaultBounds: defaultBounds(config),
      fontUrl: new URL('fonts/noto-sans-latin-400-normal.woff2', document.baseURI).href,
      onMoveEnd: () => this.api?.stateChanged(this.store.getState(), this.map.camera()),
      onRenderer: (kind, failed) => {
        document.documentElement.dataset.map = kind;
        if (failed) this.mapNotice = 'failed';
        this.lastLang = '';
        this.render(this.store.getState());
      },
    });
    document.documentElement.dataset.map = 'svg';
    this.store.subscribe((s) => {
      this.render(s);
      this.api?.stateChanged(s, this.map.camera());
    });
    $<HTMLSelectElement>('lang-select').addEventListener('change', (e) => this.store.dispatch({ type: 'set-lang', lang: (e.target as HTMLSelectElement).value }));
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.render(this.store.getState()));
    hideNotice();
    this.render(state);
  }

  private controls: Promise<void> | null = null;

  /** The SVG map's gestures and the controls (timeline, player, legend, panel...): after the first paint. Once. */
  mountControls(): Promise<void> {
    this.controls ??= this.mount();
    return this.controls;
  }

  private async mount(): Promise<void> {
    void this.map.enableGestures();
    const { mountUi } = await import('./ui');
    this.ui = mountUi({
      model: this.stage.map,
      marks: this.stage.marks(),
      store: this.store,
      hover: this.hover,
      countries: this.countries,
      currentQuery: () => queryFromState(this.store.getState(), this.context(), embedExtras(this.params)),
      reducedMotion,
      isDark: () => isDark(this.store.getState()),
    });
    if (this.stage.model && this.loaded) this.ui.useModel(this.stage.model, this.loaded.dataset);
    this.ui.useStory(this.steps);
    this.render(this.store.getState());
    await afterNextFrame();
    performance.mark('chronomap:controls-ready');
  }

  /**
   * The stations file is not the one the overview was derived from: the map and the counts line
   * drawn from it are taken down until the model comes, whatever renders meanwhile.
   */
  previewIsStale(): void {
    this.stale = true;
    $('map').classList.add('stale');
    $('counts').textContent = '';
  }

  /** The events are in: the panel, search, list, URL and embed messages start working. */
  useModel(model: Model, loaded: Loaded): void {
    this.loaded = loaded;
    this.stale = false;
    $('map').classList.remove('stale');
    if (this.stage.map !== model) this.stage = modelStage(model);
    this.map.useModel(model, model);
    this.ui?.useModel(model, loaded.dataset);
    this.lastLang = '';
    this.api = startMessageApi(this.store);
    const before = this.store.getState();
    // The steps again, now that the events are known: a step may name one.
    this.takeStory(this.story);
    if (this.store.getState() === before) this.render(before);
    performance.mark('chronomap:model-ready');
    this.map.settled();
  }

  private renderChrome(t: I18n): void {
    if (t.lang === this.lastLang) return;
    this.lastLang = t.lang;
    const config = this.stage.map.config;
    renderStoryText(config, t, this.embedded, this.languages.map((code) => ({ code, name: LANGUAGES[code].langName })));
    if (!this.loaded) return;
    showProblems({ ...this.loaded, problems: [...this.loaded.problems, ...this.storyProblems] }, t, this.mapNotice ? t.t('mapUnavailable') : null);
  }

  render(state: AppState): void {
    const t = i18n(state.lang);
    const dark = isDark(state);
    const theme = dark ? 'dark' : 'light';
    if (document.documentElement.dataset.theme !== theme) document.documentElement.dataset.theme = theme;
    this.renderChrome(t);
    const summary = summarize(this.stage.map, state, this.stage.countEvents);
    if (!this.stale) announceCounts(countsLine(summary, state, t));
    // The text alternative names countries, and the first country name loads ICU's locale data
    // (tens of milliseconds): not in the first paint's task.
    const writeAlt = () => {
      const alt = mapAltText(summary, state, t);
      $('map-alt').textContent = alt;
      this.map.setLabel(alt);
    };
    if (this.altReady) writeAlt();
    else
      void afterNextFrame().then(() => {
        this.altReady = true;
        if (this.store.getState() === state) writeAlt();
      });
    this.ui?.render(state, t, dark);
    // The URL waits for the model: until then it still says what the reader asked for (an event,
    // say, that the preview cannot check).
    const query = this.stage.model ? queryFromState(state, this.context(), embedExtras(this.params)) : null;
    if (query !== null) this.writeUrl(query);
    // Until then the link opens the view the URL asks for.
    if (this.embedded) replaceChildren($('full-view'), [fullViewLink(t.t('openFullView'), query ?? location.search)]);
    const seq = ++this.renderSeq;
    void this.map.render(state, t, paletteFor(dark)).then(() => {
      // "Rendered": the map and every control have drawn this state.
      if (seq !== this.renderSeq || !this.ui || !this.stage.model) return;
      document.documentElement.dataset.rendered = String(seq);
      this.api?.rendered(state, this.map.camera());
    });
  }

  /** The guided tour's file, when it arrives after the first paint. */
  useStory(story: Story | null): void {
    this.lastLang = '';
    const before = this.store.getState();
    this.takeStory(story);
    // A state the new steps changed was rendered by the store's listener.
    if (this.store.getState() === before) this.render(before);
  }

  /** Reads the steps against what is known now, and hands them to the controls and the state. */
  private takeStory(story: Story | null): void {
    this.readStory(story);
    this.ui?.useStory(this.steps);
    this.store.setContext(this.context());
  }

  /** The steps that name what the data has (a bad one is reported and left out). */
  private readStory(story: Story | null): void {
    this.story = story;
    const file = story?.file;
    if (!story || !file || file.raw === undefined) {
      this.steps = [];
      this.storyProblems = file?.problems ?? [];
      return;
    }
    const { story: valid, problems } = story.check(file.raw, contextFor(this.stage, this.languages), this.languages);
    this.steps = valid.steps;
    // What leaves a step out; a text missing in a language is the checker's to report (the step shows in English).
    this.storyProblems = [...file.problems, ...problems.filter((p) => p.skipsRecord || p.index === undefined)];
  }

  private context(): StateContext {
    return contextFor(this.stage, this.languages, this.steps);
  }

  /** Where the map is. */
  camera(): Camera {
    return this.map.camera();
  }

  /** Stations on the map as of the range's end. */
  shownStations(): number {
    return this.map.shownStations();
  }

  /** The map's marks in view: stations on their own, and badges with their counts. */
  mapMarks(): { kind: string; id: string; count: number; x: number; y: number }[] {
    return this.map.marks().map((m) =>
      m.kind === 'station'
        ? { kind: 'station', id: this.stage.map.stations[m.index].id, count: 1, x: m.x, y: m.y }
        : m.kind === 'cluster'
          ? { kind: 'cluster', id: String(m.cluster.id), count: m.cluster.members.length, x: m.x, y: m.y }
          : { kind: 'country', id: m.iso, count: 0, x: m.x, y: m.y },
    );
  }

  stationIds(): string[] {
    return this.stage.map.stations.map((s) => s.id);
  }
}
