// What the reader points at (or has focused with the keyboard), for linked highlighting: a mark
// hovered on the timeline lights up its station or country on the map, a station hovered on the
// map lights up its events on the timeline. Kept apart from the app state: it changes with every
// mouse move, belongs in no URL and is announced to no embedding page.
import type { Selection } from './state';

export type HoverTarget = Selection;

export interface Hover {
  get(): HoverTarget | null;
  set(target: HoverTarget | null): void;
  subscribe(listener: (target: HoverTarget | null) => void): () => void;
}

export function createHover(): Hover {
  let current: HoverTarget | null = null;
  const listeners = new Set<(target: HoverTarget | null) => void>();
  return {
    get: () => current,
    set(target) {
      if (current?.kind === target?.kind && current?.id === target?.id) return;
      current = target;
      for (const l of [...listeners]) l(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
