// "Get the data": what the reader sees (range, filters) as CSV and GeoJSON, and the whole
// dataset, built in the browser. Every file carries the credit and licence.
import { eventsShownMemo, stationsAsOf, type Model } from '../model/model';
import { formatDay } from '../model/dates';
import { exportCsv, guardCell, serialiseCsv } from '../model/csv';
import type { Dataset } from '../model/validate';
import type { AppState } from '../state/state';
import { el, replaceChildren } from '../dom';
import type { I18n } from '../i18n';

export interface DownloadFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

function sourcesOf(model: Model, ids: readonly string[]) {
  return ids.map((id) => model.sourceById.get(id)).filter((s) => s !== undefined);
}

function creditRows(model: Model, state: AppState): string[][] {
  const c = model.config;
  return [[], ['Credit', c.credit.en], ['Licence', c.license.en], ['View', `as of ${formatDay(state.to)}; events from ${formatDay(state.from)} to ${formatDay(state.to)}; types: ${state.types.join(' ')}`], ['Data updated', c.dataUpdated]];
}

/** The events in the range (types switched on), one row each, with their sources' URLs. */
export function shownEventsCsv(model: Model, state: AppState): DownloadFile {
  const events = eventsShownMemo(model, state.from, state.to, state.types);
  const rows = [
    ['id', 'date', 'precision', 'type', 'country', 'stations', 'actor', 'title', 'summary', 'disputed', 'source_urls', 'source_titles'],
    ...events.map((e) => {
      const sources = sourcesOf(model, e.sources);
      return [e.id, e.date, e.precision, e.type, e.country ?? '', (e.stationIds ?? []).join(';'), e.actor, e.title, e.summary, e.disputed ?? '', sources.map((s) => s.url).join(' '), sources.map((s) => `${s.publisher}: ${s.title}`).join(' | ')];
    }),
    ...creditRows(model, state),
  ];
  return { name: `events-${formatDay(state.from)}-to-${formatDay(state.to)}.csv`, type: 'text/csv;charset=utf-8', text: serialiseCsv(rows.map((r) => r.map(guardCell))) };
}

/** The stations drawn as of `to`, with their status then. */
export function shownStationsCsv(model: Model, state: AppState): DownloadFile {
  const rows = [
    ['id', 'name', 'city', 'country', 'location_precision', 'longitude', 'latitude', 'operator', 'first_reported', 'status_as_of', 'status', 'source_urls'],
    ...stationsAsOf(model, state.to).map(({ station: s, status }) => [
      s.id, s.props.name, s.props.city ?? '', s.props.country, s.props.locationPrecision, String(s.lon), String(s.lat), s.props.operator, s.props.firstReported.date, formatDay(state.to), status,
      sourcesOf(model, s.props.sources).map((x) => x.url).join(' '),
    ]),
    ...creditRows(model, state),
  ];
  return { name: `stations-as-of-${formatDay(state.to)}.csv`, type: 'text/csv;charset=utf-8', text: serialiseCsv(rows.map((r) => r.map(guardCell))) };
}

/** Stations as of `to` as GeoJSON, with the events in range and every cited source as foreign members. */
export function shownGeoJson(model: Model, state: AppState): DownloadFile {
  const events = eventsShownMemo(model, state.from, state.to, state.types);
  const stations = stationsAsOf(model, state.to);
  const cited = new Set([...stations.flatMap((s) => s.station.props.sources), ...events.flatMap((e) => e.sources)]);
  const doc = {
    type: 'FeatureCollection',
    metadata: { title: model.config.title.en, credit: model.config.credit.en, license: model.config.license.en, dataUpdated: model.config.dataUpdated, from: formatDay(state.from), to: formatDay(state.to), types: state.types },
    features: stations.map(({ station: s, status }) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { ...s.props, statusAsOf: formatDay(state.to), status } })),
    events: events.map(({ start: _s, end: _e, index: _i, ...e }) => e),
    sources: [...cited].map((id) => model.sourceById.get(id)).filter((s) => s !== undefined),
  };
  return { name: `chronomap-${formatDay(state.from)}-to-${formatDay(state.to)}.geojson`, type: 'application/geo+json', text: `${JSON.stringify(doc, null, 2)}\n` };
}

/** The whole dataset as the three CSV files editors use. */
export function wholeDatasetCsv(dataset: Dataset): DownloadFile[] {
  const { csv } = exportCsv({ stations: { type: 'FeatureCollection', features: dataset.stations }, events: dataset.events, sources: dataset.sources });
  if (!csv) return [];
  return (['stations', 'events', 'sources'] as const).map((k) => ({ name: `${k}.csv`, type: 'text/csv;charset=utf-8', text: csv[k] }));
}

export function download(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = el('a', { href: url, download: file.name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class DownloadsView {
  constructor(
    private readonly root: HTMLElement,
    private readonly model: Model,
    private readonly dataset: Dataset,
    private readonly state: () => AppState,
  ) {}

  render(i18n: I18n): void {
    const button = (label: string, make: () => DownloadFile | DownloadFile[], id: string) => {
      const b = el('button', { type: 'button', class: 'button', 'data-download': id }, [label]);
      b.addEventListener('click', () => {
        const files = make();
        for (const f of Array.isArray(files) ? files : [files]) download(f);
      });
      return el('li', {}, [b]);
    };
    replaceChildren(this.root, [
      el('h2', { id: 'downloads-heading' }, [i18n.t('getTheData')]),
      el('p', {}, [i18n.t('getTheDataHelp')]),
      el('ul', { class: 'downloads' }, [
        button(i18n.t('downloadShownEvents'), () => shownEventsCsv(this.model, this.state()), 'events-csv'),
        button(i18n.t('downloadShownStations'), () => shownStationsCsv(this.model, this.state()), 'stations-csv'),
        button(i18n.t('downloadShownGeoJson'), () => shownGeoJson(this.model, this.state()), 'geojson'),
        button(i18n.t('downloadAllCsv'), () => wholeDatasetCsv(this.dataset), 'all-csv'),
      ]),
      el('p', { class: 'note' }, [i18n.pick(this.model.config.license)]),
    ]);
  }
}
