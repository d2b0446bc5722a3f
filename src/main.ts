// Wiring only: load -> validate -> model -> state -> views. Views never call each other;
// each renders from the state and sends intents to the store.
import './style.css';
import type { Topology } from 'topojson-specification';
import { loadData, type Loaded } from './load';
import { buildModel, type Model } from './model/model';
import { dateSpan } from './model/dates';
import { formatProblem } from './model/problems';
import { createStore, type Store } from './state/store';
import type { AppState, StateContext } from './state/state';
import { patchFromParams, queryFromState, stateFromQuery } from './state/url';
import { parseSetMessage } from './embed/messages';
import { throttledUrlWriter } from './state/url-sync';
import { i18n, LANGUAGES, LANGUAGE_CODES, setMessageOverrides, type I18n } from './i18n';
import { el, replaceChildren, safeLink } from './dom';
import { countriesFromTopology } from './map/basemap';
import type { MapView, Palette } from './map/map-view';
import { TimelineView } from './timeline/timeline-view';
import { Player } from './timeline/player';
import { PanelView } from './panel/panel-view';
import { LegendView } from './panel/legend-view';
import { SearchView } from './panel/search-view';
import { countsLine, mapAltText, summarize } from './panel/summary';
import { embedExtras, fullViewLink, isEmbedded, setupEmbedChrome, startHeightMessages, startMessageApi } from './embed/embed-mode';
import { ShareDialog } from './embed/share-dialog';
import { TableView } from './panel/table-view';
import { staticMapSvg } from './map/static-map';
import { DownloadsView } from './panel/downloads';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const SPEEDS = { slow: 15, medium: 45, fast: 120 } as const;

function contextFor(model: Model): StateContext {
  const { config } = model;
  const clamp = (d: number) => Math.min(model.end, Math.max(model.start, d));
  return {
    start: model.start,
    end: model.end,
    defaultFrom: config.defaultView.from ? clamp(dateSpan(config.defaultView.from).start) : model.start,
    defaultTo: config.defaultView.to ? clamp(dateSpan(config.defaultView.to).end) : model.end,
    stationIds: new Set(model.stationById.keys()),
    countryIds: new Set(model.countries),
    eventIds: new Set(model.eventById.keys()),
    types: config.eventTypes.map((t) => t.id),
    langs: LANGUAGE_CODES,
    defaultLang: 'en',
  };
}

function isDark(state: AppState): boolean {
  return state.theme === 'dark' || (state.theme === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

function paletteFor(dark: boolean): Palette {
  return dark
    ? { dark, ocean: '#14181d', border: '#5a6270', label: '#e8eaed', labelHalo: '#14181d', iconOutline: '#0b0d10', highlight: '#ffffff' }
    : { dark, ocean: '#dce6ee', border: '#8a96a3', label: '#23272d', labelHalo: '#ffffff', iconOutline: '#ffffff', highlight: '#111111' };
}

async function fetchTopology(): Promise<Topology> {
  const res = await fetch('basemap/countries-110m.json', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`basemap: HTTP ${res.status}`);
  return (await res.json()) as Topology;
}

function showLoading(): void {
  const notice = $('notice');
  notice.hidden = false;
  notice.className = 'notice loading';
  replaceChildren(notice, [i18n(new URLSearchParams(location.search).get('lang') ?? 'en').t('loading')]);
}

function showFatal(message: string): void {
  const t = i18n(new URLSearchParams(location.search).get('lang') ?? 'en');
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

function showProblems(loaded: Loaded, t: I18n): void {
  const notice = $('notice');
  const skipped = loaded.problems.filter((p) => p.skipsRecord);
  const records = new Set(skipped.map((p) => `${p.file}#${p.index}`));
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && loaded.missing.length === 0) {
    notice.hidden = true;
    replaceChildren(notice, []);
    return;
  }
  notice.hidden = false;
  notice.className = 'notice warning';
  notice.removeAttribute('role');
  replaceChildren(notice, [
    loaded.missing.length > 0 ? el('p', { role: 'alert' }, [t.t('missingFiles', { files: loaded.missing.join(', ') })]) : null,
    records.size > 0 ? el('p', {}, [t.t('skippedRecords', { n: records.size })]) : null,
    el('details', {}, [el('summary', {}, [t.t('details')]), el('ul', {}, errors.map((p) => el('li', {}, [formatProblem(p)])))]),
  ]);
}

let started = false;

async function start(): Promise<void> {
  showLoading();
  let loaded: Loaded;
  let topology: Topology;
  try {
    [loaded, topology] = await Promise.all([loadData(), fetchTopology()]);
  } catch (err) {
    showFatal(err instanceof Error ? err.message : String(err));
    return;
  }
  if (started) return;
  started = true;
  setMessageOverrides(loaded.dataset.config.messages);
  const model = buildModel(loaded.dataset);
  const ctx = contextFor(model);
  const store = createStore(stateFromQuery(location.search, ctx), ctx);
  const countries = countriesFromTopology(topology);
  await mount(model, store, ctx, countries, loaded);
}

async function mount(model: Model, store: Store, ctx: StateContext, countries: ReturnType<typeof countriesFromTopology>, loaded: Loaded): Promise<void> {
  const { dispatch } = store;
  const config = model.config;
  const params = new URLSearchParams(location.search);
  const embedded = isEmbedded(params);
  const extras = embedExtras(params);
  const currentQuery = () => queryFromState(store.getState(), ctx, extras);
  if (embedded) setupEmbedChrome(params);
  const api = startMessageApi(store);
  const share = new ShareDialog(currentQuery, () => i18n(store.getState().lang).pick(config.title));
  const shareButton = $('share');
  shareButton.addEventListener('click', () => share.open(i18n(store.getState().lang), shareButton));
  const timeline = new TimelineView({ container: $('timeline'), model, dispatch, dark: () => isDark(store.getState()) });
  const panel = new PanelView($('panel'), model, dispatch);
  const legend = new LegendView($('legend'), model, dispatch);
  const search = new SearchView($('search'), model, dispatch);
  const table = new TableView($('table'), model, dispatch);
  const downloads = new DownloadsView($('downloads'), model, loaded.dataset, store.getState);
  for (const id of ['view-map', 'view-list']) {
    const b = $(id);
    b.addEventListener('click', () => dispatch({ type: 'set-view', view: b.dataset.view === 'list' ? 'list' : 'map' }));
  }
  const themeSelect = $<HTMLSelectElement>('theme-select');
  themeSelect.addEventListener('change', () => {
    const v = themeSelect.value;
    dispatch({ type: 'set-theme', theme: v === 'light' || v === 'dark' ? v : 'auto' });
  });
  // The printed page gets a static map of the current date (a WebGL canvas does not print).
  window.addEventListener('beforeprint', () => {
    const img = $<HTMLImageElement>('print-map');
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(staticMapSvg(model, countries, store.getState().to))}`;
    img.alt = $('map-alt').textContent ?? '';
    img.hidden = false;
    table.render(store.getState(), i18n(store.getState().lang));
  });
  window.addEventListener('afterprint', () => {
    $<HTMLImageElement>('print-map').hidden = true;
  });
  const langSelect = $<HTMLSelectElement>('lang-select');
  for (const code of LANGUAGE_CODES) langSelect.append(el('option', { value: code }, [LANGUAGES[code].langName]));
  langSelect.addEventListener('change', () => dispatch({ type: 'set-lang', lang: langSelect.value }));

  const speed = $<HTMLSelectElement>('speed');
  const player = new Player({
    end: () => model.end,
    current: () => store.getState().to,
    restartAt: () => store.getState().from,
    setTo: (to) => dispatch({ type: 'set-to', to }),
    daysPerSecond: () => SPEEDS[(speed.value as keyof typeof SPEEDS) || 'medium'] ?? SPEEDS.medium,
    reducedMotion,
    onStop: () => renderPlay(),
  });
  const playButton = $('play');
  playButton.addEventListener('click', () => {
    if (player.isPlaying) player.stop();
    else player.start();
    renderPlay();
  });
  $('zoom-in').addEventListener('click', () => timeline.zoomBy(2));
  $('zoom-out').addEventListener('click', () => timeline.zoomBy(0.5));
  $('zoom-reset').addEventListener('click', () => timeline.resetZoom());
  document.addEventListener('keydown', (e) => {
    // An open dialog takes Escape for itself.
    if (e.key === 'Escape' && store.getState().selection && !document.querySelector('dialog[open]')) dispatch({ type: 'select', selection: null });
  });

  const renderPlay = () => {
    const t = i18n(store.getState().lang);
    playButton.textContent = player.isPlaying ? `❚❚ ${t.t('pause')}` : `▶ ${t.t('play')}`;
    playButton.setAttribute('aria-pressed', String(player.isPlaying));
  };

  let map: MapView | null = null;
  const writeUrl = throttledUrlWriter((q) => history.replaceState(history.state, '', `${location.pathname}${q}${location.hash}`));
  let lastLang = '';
  let lastDarkKey = '';

  const renderChrome = (t: I18n) => {
    if (t.lang === lastLang) return;
    lastLang = t.lang;
    document.documentElement.lang = t.lang;
    document.title = t.pick(config.title);
    $('title').textContent = t.pick(config.title);
    $('standfirst').textContent = t.pick(config.standfirst);
    $('skip-link').textContent = t.t('skipToTimeline');
    $('lang-label').textContent = t.t('language');
    $('timeline-heading').textContent = t.t('timeline');
    $('map-heading').textContent = t.t('mapLabel');
    $('speed-label').textContent = `${t.t('speed')} `;
    $('zoom-in').setAttribute('aria-label', t.t('zoomIn'));
    $('zoom-out').setAttribute('aria-label', t.t('zoomOut'));
    $('zoom-reset').textContent = t.t('resetZoom');
    $('view-map').textContent = t.t('mapView');
    $('view-list').textContent = t.t('listView');
    $('theme-label').textContent = t.t('theme');
    replaceChildren(themeSelect, [
      el('option', { value: 'auto' }, [t.t('themeAuto')]),
      el('option', { value: 'light' }, [t.t('themeLight')]),
      el('option', { value: 'dark' }, [t.t('themeDark')]),
    ]);
    const current = speed.value || 'medium';
    replaceChildren(speed, [
      el('option', { value: 'slow' }, [t.t('speedSlow')]),
      el('option', { value: 'medium' }, [t.t('speedMedium')]),
      el('option', { value: 'fast' }, [t.t('speedFast')]),
    ]);
    speed.value = current;
    langSelect.value = t.lang;
    replaceChildren($('credit'), [t.pick(config.credit), ' ', el('a', { href: '#about', id: 'sources-link' }, [t.t('sourcesLink')])]);
    shareButton.textContent = t.t('shareEmbed');
    $('about-summary').textContent = t.t('about');
    replaceChildren($('about-body'), [
      ...config.about.map((p) => el('p', {}, [t.pick(p)])),
      el('p', {}, [t.pick(config.license)]),
      el('p', {}, [t.t('dataUpdated', { date: t.date(dateSpan(config.dataUpdated).start, 'long') })]),
      el('p', {}, [safeLink('https://github.com/topojson/world-atlas', ['Basemap: Natural Earth via world-atlas'])]),
    ]);
    renderPlay();
    downloads.render(t);
    showProblems(loaded, t);
    // Said once, here, rather than beside every untranslated title.
    const untranslated = t.lang !== 'en' && model.events.some((e) => !e.titleZh);
    $('lang-note').hidden = !untranslated;
    $('lang-note').textContent = untranslated ? t.t('englishOnly') : '';
  };

  let renderSeq = 0;
  let previousView = store.getState().view;
  // The counts line is a polite live region: it changes on every frame of a drag or of Play, but
  // aria-busy holds the announcement until the change has settled, so it is read once.
  const counts = $('counts');
  let settle: ReturnType<typeof setTimeout> | null = null;
  const announceCounts = (text: string) => {
    if (counts.textContent === text) return;
    counts.setAttribute('aria-busy', 'true');
    counts.textContent = text;
    if (settle !== null) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      counts.setAttribute('aria-busy', 'false');
    }, 500);
  };
  const render = (state: AppState) => {
    const t = i18n(state.lang);
    const dark = isDark(state);
    const darkKey = String(dark);
    if (darkKey !== lastDarkKey) {
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
      lastDarkKey = darkKey;
    }
    renderChrome(t);
    const summary = summarize(model, state);
    announceCounts(countsLine(summary, state, t));
    const alt = mapAltText(summary, state, t);
    $('map-alt').textContent = alt;
    map?.canvas.setAttribute('aria-label', alt);
    themeSelect.value = state.theme;
    const listView = state.view === 'list';
    $('map').hidden = listView;
    $('table').hidden = !listView;
    $('view-map').setAttribute('aria-pressed', String(!listView));
    $('view-list').setAttribute('aria-pressed', String(listView));
    if (listView) table.render(state, t);
    if (!listView && previousView === 'list') map?.resize();
    previousView = state.view;
    legend.render(state, t, dark);
    timeline.render(state, t);
    panel.render(state, t, dark);
    search.render(t);
    const query = queryFromState(state, ctx, extras);
    writeUrl(query);
    if (embedded) replaceChildren($('full-view'), [fullViewLink(t.t('openFullView'), query)]);
    const seq = ++renderSeq;
    if (map) {
      void map.render(state, t, paletteFor(dark)).then(() => {
        if (seq !== renderSeq) return;
        document.documentElement.dataset.rendered = String(seq);
        api.rendered(state);
      });
    }
  };
  store.subscribe((state, previous) => {
    render(state);
    api.stateChanged(state);
    if (state.selection && state.selection !== previous.selection && map) focusSelection(model, state, map);
  });
  $('notice').hidden = true;
  render(store.getState());

  // The map bundle is the heaviest part: load it after the rest is on screen.
  const { MapView: MapViewClass } = await import('./map/map-view');
  map = new MapViewClass({
    container: $('map'),
    model,
    countries,
    dispatch,
    palette: paletteFor(isDark(store.getState())),
    reducedMotion,
    fontUrl: new URL('fonts/noto-sans-latin-400-normal.woff2', document.baseURI).href,
  });
  render(store.getState());
  if (embedded) startHeightMessages(params);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => render(store.getState()));
  exposeForTests(store, model, () => map);
}

function focusSelection(model: Model, state: AppState, map: MapView): void {
  const sel = state.selection;
  if (sel?.kind !== 'station') return;
  const s = model.stationById.get(sel.id);
  if (s) map.focusOn([s.lon, s.lat], 3);
}

/**
 * A handle for the browser tests and the benchmark. Everything it does goes through the same
 * paths as the reader's input (intents, the URL parser, the message parser).
 */
function exposeForTests(store: Store, model: Model, map: () => MapView | null): void {
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
    stationsShown: () => map()?.shownStations() ?? null,
    stationCount: model.stations.length,
    stationIds: model.stations.map((s) => s.id),
  };
}

void start();
