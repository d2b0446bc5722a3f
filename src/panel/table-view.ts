// The list view: the events in the range as a table (date, place, type, title, sources),
// sortable by date and by place. It is the screen-reader and keyboard route to everything the
// canvas map shows, and what a printed page lists.
import { eventsShownMemo, type Model, type TimedEvent, listOrder } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { el, replaceChildren, safeLink } from '../dom';
import { eventDateLabel } from '../i18n/date-labels';
import type { I18n, TextInLang } from '../i18n';
import { langAttr, textSpan } from './texts';

export type SortKey = 'date' | 'place';
export interface Sort {
  readonly key: SortKey;
  readonly ascending: boolean;
}

/** Where an event is: its country's name and its stations' cities (each once), in the reader's language. */
export function eventPlaceParts(model: Model, e: TimedEvent, i18n: I18n): { readonly country: string; readonly cities: readonly TextInLang[] } {
  const cities = new Map<string, TextInLang>();
  for (const id of e.stationIds ?? []) {
    const city = model.stationById.get(id)?.props.city;
    if (!city) continue;
    const shown = i18n.textLang(city);
    if (!cities.has(shown.text)) cities.set(shown.text, shown);
  }
  return { country: e.country ? i18n.countryName(e.country) : '', cities: [...cities.values()] };
}

/** The place label of an event: its stations' cities, else its country, else "—" (global). */
export function eventPlace(model: Model, e: TimedEvent, i18n: I18n): string {
  const { country, cities } = eventPlaceParts(model, e, i18n);
  const names = cities.map((c) => c.text).join(', ');
  if (cities.length > 0) return country ? `${country}: ${names}` : names;
  return country || '—';
}

/** The place cell: as eventPlace, with each city that fell back to English marked as such. */
function placeCell(model: Model, e: TimedEvent, i18n: I18n): (string | HTMLElement)[] {
  const { country, cities } = eventPlaceParts(model, e, i18n);
  if (cities.length === 0) return [country || '—'];
  const out: (string | HTMLElement)[] = country ? [`${country}: `] : [];
  cities.forEach((c, i) => out.push(...(i > 0 ? [', '] : []), el('span', { lang: langAttr(i18n, c.lang) }, [c.text])));
  return out;
}

export function sortEvents(model: Model, events: readonly TimedEvent[], sort: Sort, i18n: I18n): TimedEvent[] {
  const collator = new Intl.Collator(i18n.lang);
  const dir = sort.ascending ? 1 : -1;
  return [...events].sort((a, b) => {
    // By date: as the lists order them, a period-only event after the day-dated events of its period.
    if (sort.key === 'date') return dir * listOrder(a, b);
    return dir * collator.compare(eventPlace(model, a, i18n), eventPlace(model, b, i18n)) || listOrder(a, b);
  });
}

export class TableView {
  private sort: Sort = { key: 'date', ascending: true };
  private lastKey = '';
  private last: { state: AppState; i18n: I18n } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: Model,
    private readonly dispatch: Dispatch,
  ) {}

  render(state: AppState, i18n: I18n, force = false): void {
    const key = JSON.stringify([state.from, state.to, state.types, state.selection, i18n.lang, this.sort]);
    this.last = { state, i18n };
    if (key === this.lastKey && !force) return;
    this.lastKey = key;
    const typeLabel = new Map(this.model.config.eventTypes.map((t) => [t.id, t.label]));
    const events = sortEvents(this.model, eventsShownMemo(this.model, state.from, state.to, state.types), this.sort, i18n);
    const header = (label: string, sortKey?: SortKey) => {
      if (!sortKey) return el('th', { scope: 'col' }, [label]);
      const active = this.sort.key === sortKey;
      const b = el('button', { type: 'button', class: 'sort', 'data-sort': sortKey }, [label, el('span', { 'aria-hidden': 'true' }, [active ? (this.sort.ascending ? ' ▲' : ' ▼') : ' ↕'])]);
      b.addEventListener('click', () => {
        this.sort = { key: sortKey, ascending: active ? !this.sort.ascending : true };
        this.rerender(sortKey);
      });
      return el('th', { scope: 'col', 'aria-sort': active ? (this.sort.ascending ? 'ascending' : 'descending') : 'none' }, [b]);
    };
    const rows = events.map((e) => {
      const type = typeLabel.get(e.type);
      const shown = i18n.textLang(e.title);
      const title = el('button', { type: 'button', class: 'link', lang: langAttr(i18n, shown.lang), 'aria-pressed': String(state.selection?.kind === 'event' && state.selection.id === e.id) }, [shown.text]);
      title.addEventListener('click', () => this.dispatch({ type: 'select', selection: { kind: 'event', id: e.id } }));
      const sources = e.sources
        .map((id) => this.model.sourceById.get(id))
        .filter((s) => s !== undefined)
        .map((s) => el('li', {}, [safeLink(s.url, [s.publisher]), el('span', { class: 'print-url' }, [` ${s.url}`])]));
      return el('tr', {}, [
        el('td', { class: 'when' }, [eventDateLabel(e, i18n)]),
        el('td', {}, placeCell(this.model, e, i18n)),
        el('td', {}, [type ? textSpan(i18n, type) : e.type]),
        el('td', {}, [title]),
        el('td', {}, [el('ul', { class: 'table-sources' }, sources)]),
      ]);
    });
    replaceChildren(this.root, [
      el('table', { class: 'event-table' }, [
        el('caption', {}, [`${i18n.t('eventsInRange')}: ${i18n.t('eventsCount', { n: events.length })}, ${i18n.date(state.from)} – ${i18n.date(state.to)}`]),
        el('thead', {}, [el('tr', {}, [header(i18n.t('date'), 'date'), header(i18n.t('place'), 'place'), header(i18n.t('type')), header(i18n.t('title')), header(i18n.t('sources'))])]),
        el('tbody', {}, rows),
      ]),
      events.length === 0 ? el('p', { class: 'muted' }, [i18n.t('noEvents')]) : null,
    ]);
  }

  private rerender(focusSort: SortKey): void {
    if (!this.last) return;
    this.render(this.last.state, this.last.i18n, true);
    this.root.querySelector<HTMLButtonElement>(`button[data-sort="${focusSort}"]`)?.focus();
  }
}
