// "Get the data": what the reader sees (range, filters) as CSV and GeoJSON, and the whole
// dataset, built in the browser. Every file carries the credit and licence, and every text in
// each of the story's languages (a column per language, named as in the editors' CSV: `title.en`).
import { eventsShownMemo, stationsAsOf, type Model, type Station, type TimedEvent } from '../model/model';
import { formatDay } from '../model/dates';
import { exportCsv, guardCell, localizedColumns, serialiseCsv } from '../model/csv';
import type { Localized } from '../model/schema';
import type { Dataset } from '../model/validate';
import type { AppState } from '../state/state';
import { el, replaceChildren } from '../dom';
import type { I18n } from '../i18n';
import { langAttr } from './texts';

export interface DownloadFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

function sourcesOf(model: Model, ids: readonly string[]) {
  return ids.map((id) => model.sourceById.get(id)).filter((s) => s !== undefined);
}

/** A column of a download: a plain cell, or a text of the data, which gets a column per language. */
type Column<T> =
  | { readonly name: string; readonly cell: (record: T) => string | undefined }
  | { readonly name: string; readonly text: (record: T) => Localized | undefined };

/**
 * The header and rows for `columns`. Each text's English stays where the text's one column was
 * before the translations (`title.en`), and the other languages' columns follow the rest, field
 * by field: a sheet or script that reads these files by position reads them as before.
 */
function table<T>(model: Model, columns: readonly Column<T>[], records: readonly T[]): string[][] {
  const others = model.config.languages.filter((lang) => lang !== 'en');
  const texts = columns.flatMap((c) => ('text' in c ? [c] : []));
  return [
    [...columns.map((c) => ('text' in c ? `${c.name}.en` : c.name)), ...texts.flatMap((c) => localizedColumns(c.name, others))],
    ...records.map((r) => [
      ...columns.map((c) => ('text' in c ? c.text(r)?.en : c.cell(r)) ?? ''),
      ...texts.flatMap((c) => {
        const value = c.text(r);
        return others.map((lang) => value?.[lang] ?? '');
      }),
    ]),
  ];
}

/** The credit and licence in each of the story's languages, English first. */
function creditRows(model: Model, state: AppState): string[][] {
  const c = model.config;
  const languages = ['en', ...model.config.languages.filter((lang) => lang !== 'en')];
  return [
    [],
    ['Credit', ...languages.map((lang) => c.credit[lang] ?? '')],
    ['Licence', ...languages.map((lang) => c.license[lang] ?? '')],
    ['View', `as of ${formatDay(state.to)}; events from ${formatDay(state.from)} to ${formatDay(state.to)}; types: ${state.types.join(' ')}`],
    ['Data updated', c.dataUpdated],
  ];
}

/** The events in the range (types switched on), one row each, with their sources' URLs. */
export function shownEventsCsv(model: Model, state: AppState): DownloadFile {
  const events = eventsShownMemo(model, state.from, state.to, state.types);
  const columns: Column<TimedEvent>[] = [
    { name: 'id', cell: (e) => e.id },
    { name: 'date', cell: (e) => e.date },
    { name: 'precision', cell: (e) => e.precision },
    { name: 'type', cell: (e) => e.type },
    { name: 'country', cell: (e) => e.country },
    { name: 'stations', cell: (e) => (e.stationIds ?? []).join(';') },
    { name: 'actor', text: (e) => e.actor },
    { name: 'title', text: (e) => e.title },
    { name: 'summary', text: (e) => e.summary },
    { name: 'disputed', text: (e) => e.disputed },
    { name: 'source_urls', cell: (e) => sourcesOf(model, e.sources).map((s) => s.url).join(' ') },
    { name: 'source_titles', cell: (e) => sourcesOf(model, e.sources).map((s) => `${s.publisher}: ${s.title}`).join(' | ') },
  ];
  const rows = [...table(model, columns, events), ...creditRows(model, state)];
  return { name: `events-${formatDay(state.from)}-to-${formatDay(state.to)}.csv`, type: 'text/csv;charset=utf-8', text: serialiseCsv(rows.map((r) => r.map(guardCell))) };
}

/** The stations drawn as of `to`, with their status then. */
export function shownStationsCsv(model: Model, state: AppState): DownloadFile {
  const asOf = formatDay(state.to);
  const columns: Column<{ readonly station: Station; readonly status: string }>[] = [
    { name: 'id', cell: ({ station: s }) => s.id },
    { name: 'name', text: ({ station: s }) => s.props.name },
    { name: 'city', text: ({ station: s }) => s.props.city },
    { name: 'country', cell: ({ station: s }) => s.props.country },
    { name: 'location_precision', cell: ({ station: s }) => s.props.locationPrecision },
    { name: 'longitude', cell: ({ station: s }) => String(s.lon) },
    { name: 'latitude', cell: ({ station: s }) => String(s.lat) },
    { name: 'operator', text: ({ station: s }) => s.props.operator },
    { name: 'first_reported', cell: ({ station: s }) => s.props.firstReported.date },
    { name: 'status_as_of', cell: () => asOf },
    { name: 'status', cell: ({ status }) => status },
    { name: 'source_urls', cell: ({ station: s }) => sourcesOf(model, s.props.sources).map((x) => x.url).join(' ') },
  ];
  const rows = [...table(model, columns, stationsAsOf(model, state.to)), ...creditRows(model, state)];
  return { name: `stations-as-of-${asOf}.csv`, type: 'text/csv;charset=utf-8', text: serialiseCsv(rows.map((r) => r.map(guardCell))) };
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
  const { csv } = exportCsv({ stations: { type: 'FeatureCollection', features: dataset.stations }, events: dataset.events, sources: dataset.sources }, { languages: dataset.config.languages });
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
      el('p', { class: 'note', lang: langAttr(i18n, i18n.textLang(this.model.config.license).lang) }, [i18n.text(this.model.config.license)]),
    ]);
  }
}
