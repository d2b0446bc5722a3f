// The controls that come after the first map paint: timeline and player, panel, legend,
// search, list view, downloads, share dialog, theme and view switches, print.
//
// They mount in two steps. The timeline, player, legend and switches work from the overview, so
// that a big story can be scrubbed while its events load; the panel, search, list view and
// downloads join when the model is built (`useModel`), and the timeline's marks become clickable.
import type { EventMark, MapModel, Model } from './model/model';
import type { Dataset } from './model/validate';
import type { AppState } from './state/state';
import type { Store } from './state/store';
import type { Hover } from './state/hover';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps } from './map/basemap';
import { i18n, type I18n } from './i18n';
import { byId, el, replaceChildren } from './dom';
import { afterNextFrame } from './frame';
import { TimelineView } from './timeline/timeline-view';
import { Player } from './timeline/player';
import { PanelView } from './panel/panel-view';
import { LegendView } from './panel/legend-view';
import { SearchView } from './panel/search-view';
import { TableView } from './panel/table-view';
import { DownloadsView } from './panel/downloads';
import { ShareDialog } from './embed/share-dialog';
import { staticMapSvg } from './map/static-map';
import { StoryView } from './story/story-view';
import type { StoryStep } from './model/schema';

const $ = byId;
const SPEEDS = { slow: 15, medium: 45, fast: 120 } as const;

export interface UiDeps {
  /** The overview's preview, or the model. */
  readonly model: MapModel;
  /** The timeline's marks until the model comes (`Preview.marks`, or the model's events). */
  readonly marks: readonly EventMark[];
  readonly store: Store;
  readonly hover: Hover;
  readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  readonly currentQuery: () => string;
  readonly reducedMotion: () => boolean;
  readonly isDark: () => boolean;
}

export interface Ui {
  render(state: AppState, t: I18n, dark: boolean): void;
  /** The events are in: the controls that need them start working. */
  useModel(model: Model, dataset: Dataset): void;
  /** The guided tour's steps (none: no tour). */
  useStory(steps: readonly StoryStep[]): void;
}

/** The views that read the events. */
interface Details {
  readonly model: Model;
  readonly panel: PanelView;
  readonly search: SearchView;
  readonly table: TableView;
  readonly downloads: DownloadsView;
}

export function mountUi(deps: UiDeps): Ui {
  const { model, store, countries } = deps;
  const { dispatch } = store;
  const config = model.config;
  const timeline = new TimelineView({ container: $('timeline'), model, marks: deps.marks, dispatch, hover: deps.hover, dark: deps.isDark });
  const legend = new LegendView($('legend'), config, dispatch);
  const legendToggle = $('legend-toggle');
  legendToggle.addEventListener('click', () => {
    const open = $('legend-box').classList.toggle('open');
    legendToggle.setAttribute('aria-expanded', String(open));
  });
  let details: Details | null = null;
  const story = new StoryView({
    button: $<HTMLButtonElement>('story-button'),
    card: $('story-card'),
    dispatch,
    // On a phone the card is under the map: show the two together (not inside an embed, where
    // scrolling would move the host's page).
    reveal: () => {
      if (document.documentElement.classList.contains('embed')) return;
      const top = $('map-section').getBoundingClientRect().top;
      const bottom = $('story-card').getBoundingClientRect().bottom;
      if (top < 0 || bottom > window.innerHeight) $('map-section').scrollIntoView({ block: 'start', behavior: deps.reducedMotion() ? 'auto' : 'smooth' });
    },
  });
  const share = new ShareDialog(deps.currentQuery, () => i18n(store.getState().lang).pick(config.title));
  const shareButton = $('share');
  shareButton.addEventListener('click', () => share.open(i18n(store.getState().lang), shareButton));

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
    if (!details) return;
    const img = $<HTMLImageElement>('print-map');
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(staticMapSvg(details.model, countries, store.getState().to))}`;
    img.alt = $('map-alt').textContent ?? '';
    img.hidden = false;
    details.table.render(store.getState(), i18n(store.getState().lang));
  });
  window.addEventListener('afterprint', () => {
    $<HTMLImageElement>('print-map').hidden = true;
  });

  const speed = $<HTMLSelectElement>('speed');
  const playButton = $('play');
  const renderPlay = () => {
    const t = i18n(store.getState().lang);
    playButton.textContent = player.isPlaying ? `❚❚ ${t.t('pause')}` : `▶ ${t.t('play')}`;
    playButton.setAttribute('aria-pressed', String(player.isPlaying));
  };
  const player = new Player({
    end: () => (details?.model ?? model).end,
    current: () => store.getState().to,
    restartAt: () => store.getState().from,
    setTo: (to) => dispatch({ type: 'set-to', to }),
    daysPerSecond: () => SPEEDS[(speed.value as keyof typeof SPEEDS) || 'medium'] ?? SPEEDS.medium,
    reducedMotion: deps.reducedMotion,
    onStop: () => renderPlay(),
  });
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

  let lastLang = '';
  let drawnSelection = JSON.stringify(store.getState().selection);
  const renderChrome = (t: I18n) => {
    if (t.lang === lastLang) return;
    lastLang = t.lang;
    $('timeline-heading').textContent = t.t('timeline');
    $('speed-label').textContent = `${t.t('speed')} `;
    $('zoom-in').setAttribute('aria-label', t.t('zoomIn'));
    $('zoom-out').setAttribute('aria-label', t.t('zoomOut'));
    $('zoom-reset').textContent = t.t('resetZoom');
    const current = speed.value || 'medium';
    replaceChildren(speed, [
      el('option', { value: 'slow' }, [t.t('speedSlow')]),
      el('option', { value: 'medium' }, [t.t('speedMedium')]),
      el('option', { value: 'fast' }, [t.t('speedFast')]),
    ]);
    speed.value = current;
    renderPlay();
    details?.downloads.render(t);
  };

  // Until the model is built, the panel and the list say that the events are loading.
  const loadingNote = (root: HTMLElement, t: I18n) => {
    if (root.dataset.loading !== t.lang) replaceChildren(root, [el('p', { class: 'loading-note' }, [t.t('loadingEvents')])]);
    root.dataset.loading = t.lang;
  };

  return {
    useModel(full, dataset) {
      details = {
        model: full,
        panel: new PanelView($('panel'), full, dispatch),
        search: new SearchView($('search'), full, dispatch),
        table: new TableView($('table'), full, dispatch),
        downloads: new DownloadsView($('downloads'), full, dataset, store.getState),
      };
      for (const id of ['panel', 'table']) delete $(id).dataset.loading;
      timeline.useModel(full);
      lastLang = '';
    },
    useStory(steps) {
      story.setSteps(steps);
    },
    render(state, t, dark) {
      renderChrome(t);
      story.render(state, t);
      themeSelect.value = state.theme;
      const listView = state.view === 'list';
      $('map').hidden = listView;
      $('table').hidden = !listView;
      $('view-map').setAttribute('aria-pressed', String(!listView));
      $('view-list').setAttribute('aria-pressed', String(listView));
      if (listView) {
        if (details) details.table.render(state, t);
        else loadingNote($('table'), t);
      }
      legend.render(state);
      timeline.render(state, t);
      if (!details) {
        loadingNote($('panel'), t);
        return;
      }
      details.search.render(t);
      const selection = JSON.stringify(state.selection);
      if (selection === drawnSelection) {
        details.panel.render(state, t, dark);
        return;
      }
      // A new selection: the panel's new content (the biggest piece of DOM to build and lay out)
      // comes in the frame after the one that answers the tap (the map's highlight, the counts,
      // the timeline), so that answer is not held back.
      drawnSelection = selection;
      const panel = details.panel;
      void afterNextFrame().then(() => {
        const now = store.getState();
        panel.render(now, i18n(now.lang), deps.isDark());
      });
    },
  };
}
