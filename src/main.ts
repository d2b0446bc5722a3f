// Wiring only: load -> validate -> model -> state -> views. Views never call each other;
// each renders from the state and sends intents to the store.
//
// What this entry bundle holds is what the first map paint needs: the data, the model, the state
// and the light SVG map. The timeline, panel and other controls come in a second chunk, and the
// WebGL map (MapLibre, the heaviest part) after them.
import './early-fetch';
import './style.css';
import type { Topology } from 'topojson-specification';
import { startLoading, type Loaded } from './load';
import { DATA_BASE } from './data-files';
import { buildModel, countModelEvents, type CountEvents, type EventMark, type MapModel, type Model } from './model/model';
import { overviewMatches, type Preview } from './model/overview';
import type { Config } from './model/schema';
import { dateSpan } from './model/dates';
import { formatProblem } from './model/problems';
import { createPreviewStore, type Store } from './state/store';
import type { AppState, Intent, StateContext } from './state/state';
import { patchFromParams, queryFromState, stateFromQuery } from './state/url';
import { throttledUrlWriter } from './state/url-sync';
import { i18n, LANGUAGES, LANGUAGE_CODES, setMessageOverrides, type I18n } from './i18n';
import { byId, el, replaceChildren, safeLink } from './dom';
import { afterNextFrame } from './frame';
import { countriesFromTopology } from './map/basemap';
import { SvgMapView } from './map/svg-map-view';
import { paletteFor } from './map/palette';
import { countsLine, mapAltText, summarize, type Summary } from './panel/summary';
import { embedExtras, fullViewLink, isEmbedded, setupEmbedChrome, startHeightMessages, startMessageApi, type EmbedApi } from './embed/embed-mode';
import { parseSetMessage } from './embed/messages';
import type { MapView } from './map/map-view';
import type { Ui } from './ui';

const $ = byId;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function contextFor(model: MapModel): StateContext {
  const { config } = model;
  const clamp = (d: number) => Math.min(model.end, Math.max(model.start, d));
  return {
    start: model.start,
    end: model.end,
    defaultFrom: config.defaultView.from ? clamp(dateSpan(config.defaultView.from).start) : model.start,
    defaultTo: config.defaultView.to ? clamp(dateSpan(config.defaultView.to).end) : model.end,
    stationIds: model.stationById,
    countryIds: new Set(model.countries),
    eventIds: model.eventById,
    types: config.eventTypes.map((t) => t.id),
    langs: LANGUAGE_CODES,
    defaultLang: 'en',
  };
}

function isDark(state: AppState): boolean {
  return state.theme === 'dark' || (state.theme === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

async function fetchTopology(): Promise<Topology> {
  const res = await fetch('basemap/countries-110m.json', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`basemap: HTTP ${res.status}`);
  return (await res.json()) as Topology;
}

const urlLang = () => i18n(new URLSearchParams(location.search).get('lang') ?? 'en');

function showLoading(): void {
  const notice = $('notice');
  notice.hidden = false;
  notice.className = 'notice loading';
  replaceChildren(notice, [urlLang().t('loading')]);
}

function showFatal(message: string): void {
  const t = urlLang();
  const notice = $('notice');
  notice.hidden = false;
  notice.className = 'notice error';
  notice.setAttribute('role', 'alert');
  const retry = el('button', { type: 'button', class: 'button', id: 'retry' }, [t.t('retry')]);
  retry.addEventListener('click', () => {
    notice.removeAttribute('role');
    void start();
  });
  replaceChildren(notice, [el('strong', {}, [t.t('loadError')]), ' ', el('span', { class: 'detail' }, [message]), ' ', retry]);
}

function showProblems(loaded: Loaded, t: I18n, mapNotice: string | null): void {
  const notice = $('notice');
  const skipped = loaded.problems.filter((p) => p.skipsRecord);
  const records = new Set(skipped.map((p) => `${p.file}#${p.index}`));
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && loaded.missing.length === 0 && !mapNotice) {
    notice.hidden = true;
    replaceChildren(notice, []);
    return;
  }
  notice.hidden = false;
  notice.className = 'notice warning';
  notice.removeAttribute('role');
  replaceChildren(notice, [
    mapNotice ? el('p', { class: 'map-unavailable' }, [mapNotice]) : null,
    loaded.missing.length > 0 ? el('p', { role: 'alert' }, [t.t('missingFiles', { files: loaded.missing.join(', ') })]) : null,
    records.size > 0 ? el('p', {}, [t.t('skippedRecords', { n: records.size })]) : null,
    errors.length > 0 ? el('details', {}, [el('summary', {}, [t.t('details')]), el('ul', {}, errors.map((p) => el('li', {}, [formatProblem(p)])))]) : null,
  ]);
}

/**
 * The page's text that depends only on the story's config and the language, the controls' labels
 * included: written with the first map paint, so that the page does not shift when the controls
 * start working.
 */
function renderStoryText(config: Config, t: I18n, embedded: boolean): void {
  document.documentElement.lang = t.lang;
  $('view-map').textContent = t.t('mapView');
  $('view-list').textContent = t.t('listView');
  $('theme-label').textContent = t.t('theme');
  $('share').textContent = t.t('shareEmbed');
  const themeSelect = $<HTMLSelectElement>('theme-select');
  const theme = themeSelect.value;
  replaceChildren(themeSelect, [
    el('option', { value: 'auto' }, [t.t('themeAuto')]),
    el('option', { value: 'light' }, [t.t('themeLight')]),
    el('option', { value: 'dark' }, [t.t('themeDark')]),
  ]);
  if (theme) themeSelect.value = theme;
  const langSelect = $<HTMLSelectElement>('lang-select');
  if (langSelect.options.length === 0) for (const code of LANGUAGE_CODES) langSelect.append(el('option', { value: code }, [LANGUAGES[code].langName]));
  langSelect.value = t.lang;
  document.title = t.pick(config.title);
  $('title').textContent = t.pick(config.title);
  $('standfirst').textContent = t.pick(config.standfirst);
  $('skip-link').textContent = t.t('skipToTimeline');
  $('lang-label').textContent = t.t('language');
  $('map-heading').textContent = t.t('mapLabel');
  $('legend-summary').textContent = t.t('legend');
  const sourcesHref = embedded ? `${location.origin}${location.pathname}#about` : '#about';
  replaceChildren($('credit'), [t.pick(config.credit), ' ', el('a', { href: sourcesHref, id: 'sources-link', ...(embedded ? { target: '_blank', rel: 'noopener' } : {}) }, [t.t('sourcesLink')])]);
  $('about-summary').textContent = t.t('about');
  replaceChildren($('about-body'), [
    ...config.about.map((p) => el('p', {}, [t.pick(p)])),
    el('p', {}, [t.pick(config.license)]),
    el('p', {}, [t.t('dataUpdated', { date: t.date(dateSpan(config.dataUpdated).start, 'long') })]),
    el('p', {}, [safeLink('https://github.com/topojson/world-atlas', ['Basemap: Natural Earth via world-atlas'])]),
  ]);
}

/** Whether the state's theme is dark; sets the page's theme to match. */
function isDarkTheme(state: AppState): boolean {
  const dark = isDark(state);
  const theme = dark ? 'dark' : 'light';
  if (document.documentElement.dataset.theme !== theme) document.documentElement.dataset.theme = theme;
  return dark;
}

/** Writes the counts line; returns the summary it says, for the map's text alternative. */
function showCounts(model: MapModel, state: AppState, t: I18n, countEvents: CountEvents): Summary {
  const summary = summarize(model, state, countEvents);
  announceCounts(countsLine(summary, state, t));
  return summary;
}

/** Writes the map's text alternative (it names countries); returns it for the map's own label. */
function showMapAlt(summary: Summary, state: AppState, t: I18n): string {
  const alt = mapAltText(summary, state, t);
  $('map-alt').textContent = alt;
  return alt;
}

// The counts line is a polite live region: it changes on every frame of a drag or of Play, but
// aria-busy holds the announcement until the change has settled, so it is read once.
let settle: ReturnType<typeof setTimeout> | null = null;
function announceCounts(text: string): void {
  const counts = $('counts');
  if (counts.textContent === text) return;
  counts.setAttribute('aria-busy', 'true');
  counts.textContent = text;
  if (settle !== null) clearTimeout(settle);
  settle = setTimeout(() => {
    settle = null;
    counts.setAttribute('aria-busy', 'false');
  }, 500);
}

/** The map drawn from the overview while the events load: a picture whose clicks wait for the model. */
interface PreviewPaint {
  readonly preview: Preview;
  readonly countries: ReturnType<typeof countriesFromTopology>;
  readonly svgMap: SvgMapView;
  readonly pending: Intent[];
}

function paintPreview(preview: Preview, countries: ReturnType<typeof countriesFromTopology>): PreviewPaint {
  const { model } = preview;
  const params = new URLSearchParams(location.search);
  if (isEmbedded(params)) setupEmbedChrome(params);
  if (window.matchMedia('(max-width: 760px)').matches) $<HTMLDetailsElement>('legend-box').open = false;
  setMessageOverrides(model.config.messages);
  const state = stateFromQuery(location.search, contextFor(model));
  const t = i18n(state.lang);
  const dark = isDarkTheme(state);
  renderStoryText(model.config, t, isEmbedded(params));
  $<HTMLSelectElement>('theme-select').value = state.theme;
  const pending: Intent[] = [];
  const svgMap = new SvgMapView($('map'), model, countries, (intent) => pending.push(intent));
  const summary = showCounts(model, state, t, preview.countEvents);
  svgMap.render(state, paletteFor(dark));
  // The text alternative names countries, and the first country name starts ICU's locale data
  // (50 ms or more): written once the frame is out.
  void afterNextFrame().then(() => {
    if (!started) svgMap.element.setAttribute('aria-label', showMapAlt(summary, state, t));
  });
  $('notice').hidden = true;
  return { preview, countries, svgMap, pending };
}

let started = false;
let app: App | null = null;

async function start(): Promise<void> {
  showLoading();
  let previewShown!: () => void;
  const previewSettled = new Promise<void>((resolve) => (previewShown = resolve));
  let controlsShown!: () => void;
  const controlsSettled = new Promise<void>((resolve) => (controlsShown = resolve));
  const loading = startLoading(DATA_BASE, previewSettled, controlsSettled);
  const topologyFetch = fetchTopology();
  // At 100,000 events the events file takes seconds to arrive and read; the overview lets the
  // map paint first. The events are read once that frame is out, or once there is no preview.
  const preview: { painted: PreviewPaint | null; stale: boolean } = { painted: null, stale: false };
  const painting = Promise.all([loading.preview, topologyFetch])
    .then(async ([overview, topology]) => {
      if (!overview || started || app || preview.stale) return;
      preview.painted = paintPreview(overview, countriesFromTopology(topology));
      await afterNextFrame();
      // The controls' chunk loads while the stations file arrives (they mount once it has).
      void import('./ui');
    })
    .catch(() => undefined)
    .finally(() => {
      previewShown();
      if (!preview.painted) controlsShown();
    });
  void loading.previewStationsMatch.then(async (match) => {
    if (match) {
      // The overview's stations are the data's: the controls can start working on it while the
      // events load (the rest of the overview cannot be checked before they arrive).
      // Reading the events (a second's work at 100,000) waits for the controls' first frame.
      await painting;
      const { painted } = preview;
      if (painted && !started && !app) {
        app = mountApp(previewStage(painted.preview), painted.countries, painted.svgMap, painted.pending);
        await app.controlsPainted;
      }
      controlsShown();
      return;
    }
    controlsShown();
    preview.stale = true;
    if (!preview.painted || started) return;
    // Drawn from other stations: taken down before anyone can read much into it.
    preview.painted.svgMap.remove();
    preview.painted = null;
    $('counts').textContent = '';
    $('map-alt').textContent = '';
    showLoading();
  });
  let loaded: Loaded;
  let topology: Topology;
  try {
    [loaded, topology] = await Promise.all([loading.loaded, topologyFetch]);
  } catch (err) {
    showFatal(err instanceof Error ? err.message : String(err));
    return;
  }
  if (started) return;
  started = true;
  setMessageOverrides(loaded.dataset.config.messages);
  const model = buildModel(loaded.dataset);
  const { painted } = preview;
  app ??= mountApp(modelStage(model), painted?.countries ?? countriesFromTopology(topology), painted?.svgMap ?? null, painted?.pending ?? []);
  app.complete(model, loaded);
  if (painted && !overviewMatches(painted.preview, model)) {
    console.warn('data/overview.json does not match the data files: rebuild (npm run build) so that the first map paint shows the current data');
  }
}

/** What the map, the counts line and the timeline read: the overview's preview, then the model. */
interface Stage {
  readonly map: MapModel;
  readonly countEvents: CountEvents;
  readonly marks: () => readonly EventMark[];
  readonly typesPresent: ReadonlySet<string>;
}

const previewStage = (p: Preview): Stage => ({ map: p.model, countEvents: p.countEvents, marks: p.marks, typesPresent: p.typesPresent });
const modelStage = (model: Model): Stage => ({ map: model, countEvents: countModelEvents(model), marks: () => model.events, typesPresent: new Set(model.events.map((e) => e.type)) });

interface App {
  /** Once the timeline and player have first reached the screen (or failed to). */
  readonly controlsPainted: Promise<void>;
  /** The model is built: everything that needs the events starts working, and the WebGL map loads. */
  complete(model: Model, loaded: Loaded): void;
}

/**
 * WebGL can be missing (old phones, locked-down browsers, --disable-webgl): then the SVG map stays.
 * Probing with a throwaway context costs as much as MapLibre's own (over a second in software
 * GL), so only the free check happens here; MapLibre's failure to create a context is caught.
 */
function webglMaybeAvailable(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined' || typeof WebGLRenderingContext !== 'undefined';
}

interface MapLike {
  render(state: AppState, t: I18n): Promise<void>;
  shownStations(): number;
}

/**
 * The app on a stage: on the overview's preview the map, counts line, timeline and player work
 * (a big story can be scrubbed while its events load); `complete` brings the model, and with it
 * the panel, search, list, downloads, the URL, the embed messages and the WebGL map. Intents made
 * on the preview are applied again on the model's context then (`PreviewStore.settle`).
 */
function mountApp(stage: Stage, countries: ReturnType<typeof countriesFromTopology>, previewMap: SvgMapView | null, pending: readonly Intent[]): App {
  const config = stage.map.config;
  const params = new URLSearchParams(location.search);
  const embedded = isEmbedded(params);
  const extras = embedExtras(params);
  if (embedded) setupEmbedChrome(params);
  let ctx = contextFor(stage.map);
  const store = createPreviewStore(stateFromQuery(location.search, ctx), ctx);
  const { dispatch } = store;
  for (const intent of pending) dispatch(intent);
  // Typed by an assertion: the closures below must not read it as always null.
  let full = null as { readonly model: Model; readonly loaded: Loaded } | null;
  let current = stage;

  // On a phone the legend starts folded: the map and the timeline come first.
  if (!previewMap && window.matchMedia('(max-width: 760px)').matches) $<HTMLDetailsElement>('legend-box').open = false;
  previewMap?.useModel(stage.map, dispatch);
  const svgMap = previewMap ?? new SvgMapView($('map'), stage.map, countries, dispatch);
  let glMap: MapView | null = null;
  let mapNotice: string | null = null;
  const activeMap = (): MapLike =>
    glMap
      ? { render: (s, t) => glMap!.render(s, t, paletteFor(isDark(s))), shownStations: () => glMap!.shownStations() }
      : { render: (s) => (svgMap.render(s, paletteFor(isDark(s))), Promise.resolve()), shownStations: () => svgMap.shownStations() };

  const langSelect = $<HTMLSelectElement>('lang-select');
  langSelect.addEventListener('change', () => dispatch({ type: 'set-lang', lang: langSelect.value }));

  const writeUrl = throttledUrlWriter((q) => history.replaceState(history.state, '', `${location.pathname}${q}${location.hash}`));
  const currentQuery = () => queryFromState(store.getState(), ctx, extras);
  let ui: Ui | null = null;
  let api: EmbedApi | null = null;
  let lastLang = '';

  const renderChrome = (t: I18n) => {
    if (t.lang === lastLang) return;
    lastLang = t.lang;
    renderStoryText(config, t, embedded);
    if (!full) return;
    showProblems(full.loaded, t, mapNotice ? t.t('mapUnavailable') : null);
    // Said once, here, rather than beside every untranslated title.
    const untranslated = t.lang !== 'en' && full.model.events.some((e) => !e.titleZh);
    $('lang-note').hidden = !untranslated;
    $('lang-note').textContent = untranslated ? t.t('englishOnly') : '';
  };

  let renderSeq = 0;
  const render = (state: AppState) => {
    const t = i18n(state.lang);
    const dark = isDarkTheme(state);
    renderChrome(t);
    const alt = showMapAlt(showCounts(current.map, state, t, current.countEvents), state, t);
    svgMap.element.setAttribute('aria-label', alt);
    glMap?.canvas.setAttribute('aria-label', alt);
    ui?.render(state, t, dark);
    // The URL waits for the model: until then it still says what the reader asked for (an event,
    // say, that the preview cannot check), and the model reads it again.
    if (full) {
      const query = queryFromState(state, ctx, extras);
      writeUrl(query);
      if (embedded) replaceChildren($('full-view'), [fullViewLink(t.t('openFullView'), query)]);
    }
    const seq = ++renderSeq;
    void activeMap()
      .render(state, t)
      .then(() => {
        // "Rendered" means the map and every control have drawn this state.
        if (seq !== renderSeq || !ui || !full) return;
        document.documentElement.dataset.rendered = String(seq);
        api?.rendered(state);
      });
  };

  store.subscribe((state, previous) => {
    render(state);
    api?.stateChanged(state);
    if (full && state.selection && state.selection !== previous.selection && state.selection.kind === 'station') {
      const s = full.model.stationById.get(state.selection.id);
      if (s) glMap?.focusOn([s.lon, s.lat], 3);
    }
  });
  $('notice').hidden = true;
  render(store.getState());
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => render(store.getState()));

  let modelIn!: () => void;
  const modelReady = new Promise<void>((resolve) => (modelIn = resolve));
  let controlsIn!: () => void;
  const controlsPainted = new Promise<void>((resolve) => (controlsIn = resolve));
  let mapModule = null as Promise<typeof import('./map/map-view')> | null;

  void (async () => {
    // Each step below waits for the frame of the one before: mounting the controls, and above all
    // MapLibre's synchronous WebGL context creation (a second or more in software GL), would
    // otherwise hold back the frame that shows the map or timeline.
    const uiModule = import('./ui');
    try {
      await afterNextFrame();
      const { mountUi } = await uiModule;
      ui = mountUi({
        model: current.map,
        marks: current.marks(),
        typesPresent: current.typesPresent,
        store,
        countries,
        currentQuery,
        reducedMotion,
        isDark: () => isDark(store.getState()),
        onViewChange: () => glMap?.resize(),
      });
      if (full) ui.useModel(full.model, full.loaded.dataset, current.typesPresent);
      render(store.getState());
      await afterNextFrame();
    } finally {
      controlsIn();
    }
    await modelReady;
    await afterNextFrame();
    if (!mapModule) {
      mapNotice = 'webgl';
      lastLang = '';
      document.documentElement.dataset.map = 'svg';
      render(store.getState());
      return;
    }
    let gl: MapView | null = null;
    try {
      const { MapView: MapViewClass } = await mapModule;
      gl = new MapViewClass({
        container: $('map'),
        model: full!.model,
        countries,
        dispatch,
        palette: paletteFor(isDark(store.getState())),
        reducedMotion,
        fontUrl: new URL('fonts/noto-sans-latin-400-normal.woff2', document.baseURI).href,
      });
      const state = store.getState();
      await gl.render(state, i18n(state.lang), paletteFor(isDark(state)));
      // Hand over only once MapLibre has drawn the same view: no blank frame, no jump.
      glMap = gl;
      svgMap.remove();
      document.documentElement.dataset.map = 'webgl';
      performance.mark('chronomap:webgl-ready');
      render(store.getState());
    } catch (err) {
      console.warn('WebGL map unavailable, keeping the SVG map:', err);
      gl?.remove();
      mapNotice = 'failed';
      lastLang = '';
      document.documentElement.dataset.map = 'svg';
      render(store.getState());
    }
  })();

  return {
    controlsPainted,
    complete(model, loaded) {
      // MapLibre's chunk (1 MB of script to compile and run) is asked for only now, so that it does
      // not land on the main thread while the events are read.
      mapModule = webglMaybeAvailable() ? import('./map/map-view') : null;
      full = { model, loaded };
      if (current.map !== model) current = modelStage(model);
      ctx = contextFor(model);
      svgMap.useModel(model, dispatch);
      ui?.useModel(model, loaded.dataset, current.typesPresent);
      lastLang = '';
      api = startMessageApi(store);
      if (embedded) startHeightMessages(params);
      exposeForTests(store, model, () => activeMap().shownStations(), () => glMap);
      const before = store.getState();
      store.settle(stateFromQuery(location.search, ctx), ctx);
      if (store.getState() === before) render(before);
      performance.mark('chronomap:model-ready');
      modelIn();
    },
  };
}

/**
 * A handle for the browser tests and the benchmark. Everything it does goes through the same
 * paths as the reader's input (intents, the URL parser, the message parser).
 */
function exposeForTests(store: Store, model: Model, shownStations: () => number, glMap: () => MapView | null): void {
  (window as unknown as { __chronomap: unknown }).__chronomap = {
    getState: store.getState,
    dispatch: store.dispatch,
    applyQuery: (search: string) => {
      const params = new URLSearchParams(search);
      store.dispatch({ type: 'patch', patch: patchFromParams((k) => params.get(k)) });
    },
    applyMessage: (data: unknown) => {
      const patch = parseSetMessage(data);
      if (patch) store.dispatch({ type: 'patch', patch });
    },
    stationsShown: shownStations,
    /** The WebGL map's clusters (CSS pixels in the map) and zoom; null while the SVG map shows. */
    mapClusters: () => glMap()?.clusters() ?? null,
    mapZoom: () => glMap()?.zoom() ?? null,
    /** MapLibre's frames so far (a date change should draw without one); null with the SVG map. */
    mapFrames: () => glMap()?.mapFrames() ?? null,
    stationCount: model.stations.length,
    stationIds: model.stations.map((s) => s.id),
  };
}

void start();
