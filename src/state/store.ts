// A tiny store: holds the state, reduces intents, notifies subscribers only on real change.
import { reduce, sameState, type AppState, type Intent, type StateContext } from './state';

export type Listener = (state: AppState, previous: AppState) => void;
export type Dispatch = (intent: Intent) => void;

export interface Store {
  getState(): AppState;
  dispatch: Dispatch;
  subscribe(listener: Listener): () => void;
}

/**
 * A store started on the overview's preview, before the events are in: its context knows no
 * event ids, so what the URL or an intent says about an event cannot be judged yet.
 */
export interface PreviewStore extends Store {
  /**
   * The model is built: the state becomes `initial` (the URL read again in the model's context)
   * with every intent so far applied again in `ctx`, as if the model had been there from the start.
   * Later intents are not kept.
   */
  settle(initial: AppState, ctx: StateContext): void;
}

export function createStore(initial: AppState, ctx: StateContext): Store {
  return makeStore(initial, ctx, null);
}

export function createPreviewStore(initial: AppState, ctx: StateContext): PreviewStore {
  return makeStore(initial, ctx, []);
}

function makeStore(initial: AppState, firstCtx: StateContext, kept: Intent[] | null): PreviewStore {
  let state = initial;
  let ctx = firstCtx;
  let log = kept;
  const listeners = new Set<Listener>();
  const change = (next: AppState) => {
    if (sameState(next, state)) return;
    const previous = state;
    state = next;
    for (const l of [...listeners]) l(state, previous);
  };
  return {
    getState: () => state,
    dispatch(intent) {
      log?.push(intent);
      change(reduce(state, intent, ctx));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settle(settled, nextCtx) {
      ctx = nextCtx;
      const intents = log ?? [];
      log = null;
      change(intents.reduce((s, intent) => reduce(s, intent, nextCtx), settled));
    },
  };
}
