// What is shown, counted: the numbers behind the counts line and the map's text alternative.
import { stationsAsOf, type CountEvents, type MapModel } from '../model/model.ts';
import type { AppState } from '../state/state';
import type { I18n } from '../i18n';

export interface Summary {
  readonly stations: number;
  readonly countries: number;
  readonly events: number;
  /** Countries by number of stations shown, most first (ties by code). */
  readonly byCountry: readonly { readonly country: string; readonly stations: number }[];
}

/** `countEvents` is the model's, or the overview's before the events have loaded. */
export function summarize(model: MapModel, state: AppState, countEvents: CountEvents): Summary {
  const shown = stationsAsOf(model, state.to);
  const events = countEvents(state.from, state.to, state.types);
  const counts = new Map<string, number>();
  for (const { station } of shown) counts.set(station.props.country, (counts.get(station.props.country) ?? 0) + 1);
  const byCountry = [...counts].map(([country, stations]) => ({ country, stations })).sort((a, b) => b.stations - a.stations || (a.country < b.country ? -1 : 1));
  return { stations: shown.length, countries: counts.size, events, byCountry };
}

export function countsLine(summary: Summary, state: AppState, i18n: I18n): string {
  return i18n.t('countsLine', {
    stations: i18n.t('stationsCount', { n: summary.stations }),
    countries: i18n.t('countriesCount', { n: summary.countries }),
    to: i18n.date(state.to),
    events: i18n.t('eventsCount', { n: summary.events }),
    from: i18n.date(state.from),
  });
}

export function mapAltText(summary: Summary, state: AppState, i18n: I18n): string {
  const base = i18n.t('mapSummary', {
    stations: i18n.t('stationsCount', { n: summary.stations }),
    countries: i18n.t('countriesCount', { n: summary.countries }),
    date: i18n.date(state.to, 'long'),
  });
  const top = summary.byCountry.slice(0, 2);
  if (top.length === 0) return base;
  const list = top.map((c) => `${i18n.countryName(c.country)} (${i18n.number(c.stations)})`).join(i18n.lang === 'en' ? ' and ' : '和');
  return `${base}; ${i18n.t('mapSummaryMost', { list })}`;
}
