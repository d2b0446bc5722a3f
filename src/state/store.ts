// A tiny store: holds the state, reduces intents, notifies subscribers only on real change.
import { normalizeState, reduce, sameState, type AppState, type Intent, type StateContext } from './state';

export type Listener = (state: AppState, previous: AppState) => void;
export type Dispatch = (intent: Intent) => void;

export interface Store {
  getState(): AppState;
  dispatch: Dispatch;
  subscribe(listener: Listener): () => void;
  /**
   * What the state may refer to has changed (the events have arrived): the state is kept as far
   * as the new context allows it.
   */
  setContext(ctx: StateContext): void;
}

export function createStore(initial: AppState, firstCtx: StateContext): Store {
  let state = initial;
  let ctx = firstCtx;
  const listeners = new Set<Listener>();
  const change = (next: AppState) => {
    if (sameState(next, state)) return;
    const previous = state;
    state = next;
    for (const l of [...listeners]) l(state, previous);
  };
  return {
    getState: () => state,
    dispatch: (intent) => change(reduce(state, intent, ctx)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setContext(next) {
      ctx = next;
      change(normalizeState(state, next));
    },
  };
}
