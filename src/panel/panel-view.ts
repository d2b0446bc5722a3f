// The detail panel: the selected station, country or event with its status history and every
// source; with nothing selected, the events in the range. All text goes in as text nodes.
import { countryResponseAsOf, eventsShownMemo, statusAsOf, statusHistory, type Model, type Station, type TimedEvent } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { el, replaceChildren, safeLink } from '../dom';
import { eventDateLabel, partialDateLabel } from '../i18n/date-labels';
import type { I18n } from '../i18n';
import type { Source } from '../model/schema';
import { legendShape } from '../shape-icon';
import { precisionOf } from '../model/dates';
import { langAttr, textSpan } from './texts';

/** Long lists show this many items first, so a phone page does not become endless. */
const LIST_PREVIEW = 15;

export class PanelView {
  private lastKey = '';
  private expanded = false;
  private lastSelection = 'null';
  /** The "show all N" button of the range list, whose number follows the range. */
  private showAll: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: Model,
    private readonly dispatch: Dispatch,
  ) {}

  render(state: AppState, i18n: I18n, dark: boolean): void {
    const selectionKey = JSON.stringify(state.selection);
    if (selectionKey !== this.lastSelection) {
      this.expanded = false;
      this.lastSelection = selectionKey;
    }
    const sel = state.selection;
    // With nothing selected, a scrub step usually leaves the listed events as they are and only
    // moves the total: then only that number is rewritten, not the panel (less to lay out and
    // repaint in the frame the map is drawn in).
    const events = sel ? [] : this.inRange(state);
    const shown = this.expanded ? events : events.slice(0, LIST_PREVIEW);
    const key = JSON.stringify(sel ? [state.from, state.to, sel, state.types] : [shown.map((e) => e.id), shown.length === events.length]) + `|${i18n.lang}|${dark}|${this.expanded}`;
    this.rerender = () => this.render(state, i18n, dark);
    if (key === this.lastKey) {
      if (!sel && this.showAll) this.showAll.textContent = i18n.t('showAll', { n: events.length });
      return;
    }
    this.lastKey = key;
    this.showAll = null;
    let content: (Node | null)[];
    if (sel?.kind === 'station') content = this.station(this.model.stationById.get(sel.id)!, state, i18n, dark);
    else if (sel?.kind === 'country') content = this.country(sel.id, state, i18n, dark);
    else if (sel?.kind === 'event') content = this.event(this.model.eventById.get(sel.id)!, i18n);
    else content = this.rangeList(events, i18n);
    replaceChildren(this.root, content);
  }

  private inRange(state: AppState): readonly TimedEvent[] {
    return eventsShownMemo(this.model, state.from, state.to, state.types);
  }

  private closeButton(i18n: I18n): HTMLElement {
    const b = el('button', { type: 'button', class: 'close', 'aria-label': i18n.t('clearSelection') }, ['×']);
    b.addEventListener('click', () => this.dispatch({ type: 'select', selection: null }));
    return b;
  }

  private statusLabel(id: string, i18n: I18n, dark: boolean): HTMLElement {
    const def = this.model.config.statuses.find((s) => s.id === id)!;
    return el('span', { class: 'status-label' }, [legendShape(def.shape, dark ? def.darkColor : def.color, false), textSpan(i18n, def.label)]);
  }

  private station(s: Station, state: AppState, i18n: I18n, dark: boolean): (Node | null)[] {
    const p = s.props;
    const status = statusAsOf(this.model, s, state.to);
    const history = statusHistory(this.model, s);
    const name = i18n.textLang(p.name);
    return [
      el('div', { class: 'panel-head' }, [el('p', { class: 'kicker' }, [i18n.t('station')]), this.closeButton(i18n)]),
      el('h2', { tabindex: -1, lang: langAttr(i18n, name.lang) }, [name.text]),
      el('dl', { class: 'facts' }, [
        el('dt', {}, [i18n.t('city')]),
        el('dd', {}, [p.city ? textSpan(i18n, p.city) : '—', ', ', this.countryButton(p.country, i18n)]),
        el('dt', {}, [i18n.t('operator')]),
        el('dd', {}, [textSpan(i18n, p.operator)]),
        el('dt', {}, [i18n.t('firstReported')]),
        el('dd', {}, [`${partialDateLabel(p.firstReported.date, p.firstReported.precision, i18n)} · ${i18n.t('firstReportedBy')} `, textSpan(i18n, p.firstReportedBy)]),
        el('dt', {}, [i18n.t('statusAsOf', { date: i18n.date(state.to) })]),
        el('dd', {}, [status === null ? i18n.t('notYetReported') : this.statusLabel(status, i18n, dark)]),
      ]),
      p.locationPrecision === 'country' ? el('p', { class: 'note' }, [i18n.t('locationPrecisionCountry')]) : null,
      p.note ? el('p', { class: 'note' }, [`${i18n.t('note')}: `, textSpan(i18n, p.note)]) : null,
      el('h3', {}, [i18n.t('statusHistory')]),
      el(
        'ol',
        { class: 'history' },
        history.map((h) => {
          const ev = h.eventId ? this.model.eventById.get(h.eventId) : undefined;
          return el('li', { class: h.day > state.to ? 'future' : '' }, [
            el('span', { class: 'when' }, [ev ? eventDateLabel(ev, i18n) : partialDateLabel(p.firstReported.date, p.firstReported.precision, i18n)]),
            ' ',
            this.statusLabel(h.status, i18n, dark),
            ev ? el('span', {}, [' — ', this.eventButton(ev, i18n)]) : null,
          ]);
        }),
      ),
      ...this.eventsSection(this.model.eventsByStation.get(s.id) ?? [], i18n),
      ...this.sourcesSection(p.sources, i18n),
    ];
  }

  private country(iso: string, state: AppState, i18n: I18n, dark: boolean): Node[] {
    const response = countryResponseAsOf(this.model, iso, state.to);
    const rdef = this.model.config.responses.find((r) => r.id === response)!;
    const stations = this.model.stationsByCountry.get(iso) ?? [];
    const events = this.model.eventsByCountry.get(iso) ?? [];
    const sourceIds = [...new Set([...stations.flatMap((s) => s.props.sources), ...events.flatMap((e) => e.sources)])];
    return [
      el('div', { class: 'panel-head' }, [el('p', { class: 'kicker' }, [i18n.t('country')]), this.closeButton(i18n)]),
      el('h2', { tabindex: -1 }, [i18n.countryName(iso)]),
      el('p', {}, [
        `${i18n.t('responseAsOf', { date: i18n.date(state.to) })}: `,
        el('span', { class: 'swatch', style: `background:${dark ? rdef.darkColor : rdef.color}` }),
        el('strong', {}, [textSpan(i18n, rdef.label)]),
      ]),
      el('h3', {}, [`${i18n.t('stationsHere')} (${i18n.number(stations.length)})`]),
      el(
        'ul',
        { class: 'station-list' },
        stations.map((s) => {
          const st = statusAsOf(this.model, s, state.to);
          return el('li', {}, [this.stationButton(s, i18n), ' ', st === null ? el('span', { class: 'muted' }, [i18n.t('notYetReported')]) : this.statusLabel(st, i18n, dark)]);
        }),
      ),
      ...this.eventsSection(events, i18n),
      ...this.sourcesSection(sourceIds, i18n),
    ];
  }

  private event(e: TimedEvent, i18n: I18n): (Node | null)[] {
    const def = this.model.config.eventTypes.find((t) => t.id === e.type)!;
    const title = i18n.textLang(e.title);
    const summary = i18n.textLang(e.summary);
    return [
      el('div', { class: 'panel-head' }, [el('p', { class: 'kicker' }, [textSpan(i18n, def.label)]), this.closeButton(i18n)]),
      el('h2', { tabindex: -1, lang: langAttr(i18n, title.lang) }, [title.text]),
      el('dl', { class: 'facts' }, [
        el('dt', {}, [i18n.t('date')]),
        el('dd', {}, [eventDateLabel(e, i18n)]),
        el('dt', {}, [i18n.t('actor')]),
        el('dd', {}, [textSpan(i18n, e.actor)]),
        e.country ? el('dt', {}, [i18n.t('country')]) : null,
        e.country ? el('dd', {}, [this.countryButton(e.country, i18n)]) : null,
        e.stationIds?.length ? el('dt', {}, [i18n.t('concerns')]) : null,
        e.stationIds?.length
          ? el('dd', {}, [el('ul', { class: 'inline-list' }, e.stationIds.map((id) => el('li', {}, [this.stationButton(this.model.stationById.get(id)!, i18n)])))])
          : null,
      ]),
      el('p', { class: 'summary', lang: langAttr(i18n, summary.lang) }, [summary.text]),
      e.disputed ? el('p', { class: 'note' }, [`${i18n.t('disputed')}: `, textSpan(i18n, e.disputed)]) : null,
      ...this.sourcesSection(e.sources, i18n),
    ];
  }

  private rangeList(events: readonly TimedEvent[], i18n: I18n): Node[] {
    return [
      el('h2', {}, [i18n.t('eventsInRange')]),
      events.length === 0 ? el('p', { class: 'muted' }, [i18n.t('noEvents')]) : this.eventList(events, i18n),
    ];
  }

  private eventsSection(events: readonly TimedEvent[], i18n: I18n): Node[] {
    if (events.length === 0) return [];
    return [el('h3', {}, [`${i18n.t('events')} (${i18n.number(events.length)})`]), this.eventList(events, i18n)];
  }

  private eventList(events: readonly TimedEvent[], i18n: I18n): HTMLElement {
    const shown = this.expanded ? events : events.slice(0, LIST_PREVIEW);
    const list = el(
      'ol',
      { class: 'event-list' },
      shown.map((e) => el('li', {}, [el('span', { class: 'when' }, [eventDateLabel(e, i18n)]), ' ', this.eventButton(e, i18n)])),
    );
    if (shown.length === events.length) return list;
    const more = el('button', { type: 'button', class: 'button show-all' }, [i18n.t('showAll', { n: events.length })]);
    this.showAll = more;
    more.addEventListener('click', () => {
      this.expanded = true;
      const first = this.root.querySelectorAll('.event-list li').length;
      this.rerender();
      (this.root.querySelectorAll<HTMLButtonElement>('.event-list li button')[first] ?? null)?.focus();
    });
    return el('div', {}, [list, more]);
  }

  private rerender: () => void = () => undefined;

  private sourcesSection(ids: readonly string[], i18n: I18n): Node[] {
    const sources = ids.map((id) => this.model.sourceById.get(id)).filter((s): s is Source => s !== undefined);
    if (sources.length === 0) return [];
    return [
      el('h3', {}, [`${i18n.t('sources')} (${i18n.number(sources.length)})`]),
      el(
        'ul',
        { class: 'sources' },
        sources.map((s) =>
          el('li', {}, [
            el('span', { class: 'publisher' }, [s.publisher]),
            ': ',
            // A source title stays in its own language, and says which (a screen reader switches voice).
            safeLink(s.url, [el('span', { class: 'source-title', lang: s.language }, [s.title]), el('span', { class: 'visually-hidden' }, [` ${i18n.t('opensInNewTab')}`])]),
            el('span', { class: 'when' }, [` · ${partialDateLabel(s.published, precisionOf(s.published), i18n)}`]),
          ]),
        ),
      ),
    ];
  }

  private stationButton(s: Station, i18n: I18n): HTMLElement {
    const name = i18n.textLang(s.props.name);
    const b = el('button', { type: 'button', class: 'link', lang: langAttr(i18n, name.lang) }, [name.text]);
    b.addEventListener('click', () => this.dispatch({ type: 'select', selection: { kind: 'station', id: s.id } }));
    return b;
  }

  private countryButton(iso: string, i18n: I18n): HTMLElement {
    const b = el('button', { type: 'button', class: 'link' }, [i18n.countryName(iso)]);
    b.addEventListener('click', () => this.dispatch({ type: 'select', selection: { kind: 'country', id: iso } }));
    return b;
  }

  private eventButton(e: TimedEvent, i18n: I18n): HTMLElement {
    const title = i18n.textLang(e.title);
    const b = el('button', { type: 'button', class: 'link', lang: langAttr(i18n, title.lang) }, [title.text]);
    b.addEventListener('click', () => this.dispatch({ type: 'select', selection: { kind: 'event', id: e.id } }));
    return b;
  }
}
