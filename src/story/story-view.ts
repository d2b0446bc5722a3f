// The guided tour: a "Story" button, and a card with the step's title, text and place in the
// story ("3 / 10"), Previous and Next, and a way out. The steps' views are the state's business
// (state/context.ts): this view only reads which step the reader is on and asks for another.
// The card sits in the page's flow, beside the map on wide screens and under it on phones, so it
// never covers what a step shows.
import { el, replaceChildren } from '../dom';
import type { I18n } from '../i18n';
import type { StoryStep } from '../model/schema';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';

export interface StoryViewOptions {
  readonly button: HTMLButtonElement;
  readonly card: HTMLElement;
  readonly dispatch: Dispatch;
  /** Brings the map and the card into view on a phone, where the card sits under the map. */
  readonly reveal: () => void;
}

export class StoryView {
  private steps: readonly StoryStep[] = [];
  private lastKey = '';
  private readonly title = el('h2', { id: 'story-title', class: 'story-title' });
  private readonly text = el('p', { class: 'story-text' });
  private readonly count = el('span', { class: 'story-count' });
  private readonly kicker = el('span', { class: 'story-kicker' });
  private readonly prev = el('button', { type: 'button', class: 'button', 'data-go': 'prev' });
  private readonly next = el('button', { type: 'button', class: 'button primary', 'data-go': 'next' });
  private readonly close = el('button', { type: 'button', class: 'link story-close', 'data-go': 'close' });
  /** Where the reader is, for the keys and buttons between renders. */
  private index = -1;

  constructor(private readonly opts: StoryViewOptions) {
    const { button, card, dispatch } = opts;
    // The buttons first and in one place, so that they stay under the reader's finger from step to step.
    replaceChildren(card, [
      el('div', { class: 'story-head' }, [this.kicker, ' ', this.count, el('span', { class: 'spacer' }), this.prev, this.next]),
      // Read out on each step: where the reader is and what the step says.
      el('div', { class: 'story-body', 'aria-live': 'polite' }, [this.title, this.text]),
      el('p', { class: 'story-foot' }, [this.close]),
    ]);
    card.setAttribute('aria-labelledby', 'story-title');
    button.addEventListener('click', () => {
      if (this.index >= 0) return this.leave();
      const first = this.steps[0];
      if (!first) return;
      dispatch({ type: 'set-step', step: first.id });
      opts.reveal();
      card.focus({ preventScroll: true });
    });
    card.addEventListener('click', (e) => {
      const go = (e.target as Element).closest<HTMLElement>('[data-go]')?.dataset.go;
      if (go === 'prev') this.go(-1);
      else if (go === 'next') this.go(1);
      else if (go === 'close') this.leave();
    });
    card.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        this.go(e.key === 'ArrowRight' ? 1 : -1);
      } else if (e.key === 'Escape') {
        // The page's Escape clears the selection: here it only leaves the tour.
        e.preventDefault();
        e.stopPropagation();
        this.leave();
      }
    });
  }

  /** The story's steps (none: the story has no tour, and the button stays hidden). */
  setSteps(steps: readonly StoryStep[]): void {
    this.steps = steps;
    this.lastKey = '';
  }

  private go(delta: number): void {
    const target = this.steps[this.index + delta];
    if (target) this.opts.dispatch({ type: 'set-step', step: target.id });
  }

  private leave(): void {
    this.opts.dispatch({ type: 'set-step', step: null });
    this.opts.button.focus();
  }

  render(state: AppState, t: I18n): void {
    const key = `${state.step ?? ''}|${t.lang}|${this.steps.length}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { button, card } = this.opts;
    button.hidden = this.steps.length === 0;
    button.textContent = t.t('story');
    this.index = state.step === null ? -1 : this.steps.findIndex((s) => s.id === state.step);
    button.setAttribute('aria-pressed', String(this.index >= 0));
    const step = this.steps[this.index];
    card.hidden = !step;
    document.documentElement.classList.toggle('touring', step !== undefined);
    if (!step) return;
    const n = this.index + 1;
    const total = this.steps.length;
    this.kicker.textContent = t.t('story');
    this.count.textContent = t.t('storyCount', { n, total });
    this.count.setAttribute('aria-label', t.t('storyCountLabel', { n, total }));
    this.setText(this.title, step.title, t);
    this.setText(this.text, step.text, t);
    this.prev.textContent = t.t('storyPrevious');
    this.next.textContent = t.t('storyNext');
    this.close.textContent = t.t('storyClose');
    // A button that becomes disabled drops the focus: the card keeps it (and the arrow keys work on).
    const focused = document.activeElement;
    this.prev.disabled = this.index === 0;
    this.next.disabled = this.index === total - 1;
    if ((focused === this.prev && this.prev.disabled) || (focused === this.next && this.next.disabled)) card.focus({ preventScroll: true });
  }

  private setText(node: HTMLElement, value: StoryStep['title'], t: I18n): void {
    const { text, lang } = t.textLang(value);
    node.textContent = text;
    if (lang === t.lang) node.removeAttribute('lang');
    else node.setAttribute('lang', lang);
  }
}
