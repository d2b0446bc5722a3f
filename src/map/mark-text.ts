// What a mark on the map is, in words: the tooltip's lines, and what a screen reader hears when
// the keyboard reaches it. Pure.
import type { MapModel, Model } from '../model/model';
import type { I18n } from '../i18n';
import type { MapContent } from './map-content';
import { HIDDEN } from './map-content';

export interface MarkText {
  /** The first line, in bold. */
  readonly title: string;
  readonly lines: readonly string[];
}

export function stationText(model: MapModel, full: Model | null, content: MapContent, index: number, t: I18n): MarkText {
  const s = model.stations[index];
  const country = t.countryName(s.props.country);
  const statusDef = content.status[index] === HIDDEN ? null : model.config.statuses[content.status[index]];
  const status = statusDef ? t.t('tooltipStatus', { status: t.pick(statusDef.label), date: t.date(content.day) }) : t.t('notYetReported');
  const props = full?.stationById.get(s.id)?.props;
  if (!props) return { title: t.t('stationIn', { country }), lines: [status] };
  const city = props.city ? t.text(props.city) : null;
  return { title: t.text(props.name), lines: [city ? `${city}, ${country}` : country, status] };
}

export function clusterText(model: MapModel, full: Model | null, members: readonly number[], t: I18n): MarkText {
  const names = full ? [...new Set(members.map((i) => full.stations[i].props.city ?? full.stations[i].props.name).map((n) => t.text(n)))] : [...new Set(members.map((i) => t.countryName(model.stations[i].props.country)))];
  const shown = names.slice(0, 3).join(t.lang === 'en' ? ', ' : '、');
  const rest = names.length - 3;
  return { title: t.t('clusterTitle', { n: members.length }), lines: [rest > 0 ? t.t('clusterMore', { names: shown, n: rest }) : shown, t.t('clusterOpen')] };
}

export function countryText(model: MapModel, content: MapContent, iso: string, t: I18n): MarkText {
  const responseId = content.response.get(iso);
  const def = model.config.responses.find((r) => r.id === responseId) ?? model.config.responses[0];
  const stations = (model.stationsByCountry.get(iso) ?? []).filter((s) => content.status[s.index] !== HIDDEN).length;
  return { title: t.countryName(iso), lines: [t.t('tooltipResponse', { response: t.pick(def.label), date: t.date(content.day) }), t.t('stationsCount', { n: stations })] };
}

/** The text as one sentence, for a live region. */
export function spoken(text: MarkText): string {
  return [text.title, ...text.lines].join('. ');
}
