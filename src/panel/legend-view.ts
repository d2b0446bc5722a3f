// The legend: station statuses (colour and shape), country responses, and the event types,
// which double as switches for the timeline and the panel.
import { el, replaceChildren, svgEl } from '../dom';
import { shapePath, isHollow } from '../shapes';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import type { I18n } from '../i18n';
import type { Config, Shape } from '../model/schema';

export function legendShape(shape: Shape, color: string, hollow: boolean): SVGSVGElement {
  const ring = hollow || isHollow(shape);
  return svgEl('svg', { class: 'legend-shape', width: 16, height: 16, viewBox: '-8 -8 16 16', 'aria-hidden': 'true' }, [
    svgEl('path', {
      d: shapePath(shape, 90),
      fill: ring ? 'none' : color,
      stroke: ring ? color : 'var(--mark-outline)',
      'stroke-width': ring ? 2.2 : 1,
    }),
  ]);
}

export class LegendView {
  private lastKey = '';
  constructor(
    private readonly root: HTMLElement,
    private readonly config: Config,
    /** The event types that have events: only these get a switch. */
    private readonly typesPresent: ReadonlySet<string>,
    private readonly dispatch: Dispatch,
  ) {}

  render(state: AppState, i18n: I18n, dark: boolean): void {
    const key = JSON.stringify([state.types, i18n.lang, dark]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { config } = this;
    const enabled = new Set(state.types);
    replaceChildren(this.root, [
      el('h2', { class: 'visually-hidden' }, [i18n.t('legend')]),
      el('div', { class: 'legend-group' }, [
        el('h3', {}, [i18n.t('stationStatus')]),
        el('ul', {}, [
          ...config.statuses.map((s) => el('li', {}, [legendShape(s.shape, dark ? s.darkColor : s.color, false), i18n.pick(s.label)])),
          el('li', {}, [legendShape('circle', 'var(--text-muted)', true), i18n.t('locationCountryOnly')]),
        ]),
      ]),
      el('div', { class: 'legend-group' }, [
        el('h3', {}, [i18n.t('countryResponse')]),
        el(
          'ul',
          {},
          config.responses.map((r) => el('li', {}, [el('span', { class: 'swatch', style: `background:${dark ? r.darkColor : r.color}` }), i18n.pick(r.label)])),
        ),
      ]),
      el('div', { class: 'legend-group' }, [
        el('h3', {}, [i18n.t('eventTypes')]),
        el(
          'ul',
          { class: 'type-toggles' },
          config.eventTypes
            .filter((t) => this.typesPresent.has(t.id))
            .map((t) => {
              const b = el('button', { type: 'button', class: 'type-toggle', 'aria-pressed': String(enabled.has(t.id)), 'data-type': t.id }, [
                legendShape(t.shape, dark ? t.darkColor : t.color, false),
                i18n.pick(t.label),
              ]);
              b.addEventListener('click', () => this.dispatch({ type: 'toggle-type', eventType: t.id }));
              return el('li', {}, [b]);
            }),
        ),
      ]),
    ]);
  }
}
