// The legend: station statuses (colour and shape), country responses, and the event types, which
// double as switches for the timeline and the panel. The build writes it into the page, in every
// language and both themes (scripts/lib/prerender.ts), so it is in place in the first paint; this
// view makes its switches work and keeps them in step with the state.
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import type { Config } from '../model/schema';

export class LegendView {
  private lastKey = '';
  private types: readonly string[] = [];

  constructor(
    private readonly root: HTMLElement,
    config: Config,
    dispatch: Dispatch,
  ) {
    const familyTypes = new Map(config.families.map((f) => [f.id, config.eventTypes.filter((t) => t.family === f.id).map((t) => t.id)]));
    root.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('button[data-type], button[data-family]');
      const type = button?.dataset.type;
      if (type) dispatch({ type: 'toggle-type', eventType: type });
      const family = button?.dataset.family;
      if (family) {
        // All of the family's types on, unless they are all on already: then all off.
        const members = familyTypes.get(family) ?? [];
        const allOn = members.every((t) => this.types.includes(t));
        dispatch({ type: 'set-types', types: allOn ? this.types.filter((t) => !members.includes(t)) : [...new Set([...this.types, ...members])] });
      }
    });
    this.familyTypes = familyTypes;
  }

  private readonly familyTypes: ReadonlyMap<string, readonly string[]>;

  render(state: AppState): void {
    this.types = state.types;
    const key = state.types.join(',');
    if (key === this.lastKey) return;
    this.lastKey = key;
    const enabled = new Set(state.types);
    for (const b of this.root.querySelectorAll<HTMLElement>('button[data-type]')) b.setAttribute('aria-pressed', String(enabled.has(b.dataset.type ?? '')));
    for (const b of this.root.querySelectorAll<HTMLElement>('button[data-family]')) {
      const members = this.familyTypes.get(b.dataset.family ?? '') ?? [];
      const on = members.filter((t) => enabled.has(t)).length;
      b.setAttribute('aria-pressed', on === members.length ? 'true' : on === 0 ? 'false' : 'mixed');
    }
  }
}
