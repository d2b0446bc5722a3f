// A tiny store: holds the state, reduces intents, notifies subscribers only on real change.
import { reduce, sameState, type AppState, type Intent, type StateContext } from './state';

export type Listener = (state: AppState, previous: AppState) => void;
export type Dispatch = (intent: Intent) => void;

export interface Store {
  getState(): AppState;
  dispatch: Dispatch;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState, ctx: StateContext): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(intent) {
      const next = reduce(state, intent, ctx);
      if (sameState(next, state)) return;
      const previous = state;
      state = next;
      for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
