// The legend: station statuses (colour and shape), country responses, and the event types, which
// double as switches for the timeline and the panel. The build writes it into the page, in every
// language and both themes (scripts/lib/prerender.ts), so it is in place in the first paint; this
// view makes its switches work and keeps them in step with the state.
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';

export class LegendView {
  private lastKey = '';

  constructor(
    private readonly root: HTMLElement,
    dispatch: Dispatch,
  ) {
    root.addEventListener('click', (e) => {
      const type = (e.target as Element).closest<HTMLElement>('button[data-type]')?.dataset.type;
      if (type) dispatch({ type: 'toggle-type', eventType: type });
    });
  }

  render(state: AppState): void {
    const key = state.types.join(',');
    if (key === this.lastKey) return;
    this.lastKey = key;
    const enabled = new Set(state.types);
    for (const b of this.root.querySelectorAll<HTMLElement>('button[data-type]')) b.setAttribute('aria-pressed', String(enabled.has(b.dataset.type ?? '')));
  }
}
