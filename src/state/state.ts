// The one app state, and the only function that changes it. Every input (URL, clicks, keys,
// postMessage) becomes an intent; `reduce` returns a state that is always normalised.
import type { Day } from '../model/dates';
import { sameCamera, validCamera, type Camera } from '../map/camera.ts';

export type SelectionKind = 'station' | 'country' | 'event';
export interface Selection {
  readonly kind: SelectionKind;
  readonly id: string;
}
export type ViewMode = 'map' | 'list';
export type Theme = 'auto' | 'light' | 'dark';

export interface AppState {
  readonly from: Day;
  readonly to: Day;
  readonly selection: Selection | null;
  /** Enabled event types, in vocabulary order; all of them by default. */
  readonly types: readonly string[];
  readonly lang: string;
  readonly view: ViewMode;
  readonly theme: Theme;
  /**
   * Where the reader moved the map themselves; null while the map frames the selection (or, with
   * none, every station). A new selection sets it back to null.
   */
  readonly camera: Camera | null;
  /** The story step the reader is on (the guided tour), or null outside the tour. */
  readonly step: string | null;
}

/** The ids a selection may name: a Set, or the model's own maps (no copy of 100,000 event ids). */
export interface IdSet {
  has(id: string): boolean;
}

/** What the state may refer to: the story's bounds and the ids that exist. */
export interface StateContext {
  readonly start: Day;
  readonly end: Day;
  readonly defaultFrom: Day;
  readonly defaultTo: Day;
  readonly stationIds: IdSet;
  readonly countryIds: IdSet;
  readonly eventIds: IdSet;
  readonly types: readonly string[];
  readonly langs: readonly string[];
  readonly defaultLang: string;
  /** A station's or event's id for one it had before (an alias), or the id itself. */
  readonly canonical?: (kind: SelectionKind, id: string) => string;
  /** The story's steps, in order: each one's view as a patch that sets every field it shows. */
  readonly steps?: ReadonlyMap<string, StatePatch>;
}

export type Intent =
  | { readonly type: 'set-range'; readonly from: Day; readonly to: Day }
  | { readonly type: 'set-to'; readonly to: Day }
  | { readonly type: 'select'; readonly selection: Selection | null }
  | { readonly type: 'toggle-type'; readonly eventType: string }
  | { readonly type: 'set-types'; readonly types: readonly string[] }
  | { readonly type: 'set-lang'; readonly lang: string }
  | { readonly type: 'set-view'; readonly view: ViewMode }
  | { readonly type: 'set-theme'; readonly theme: Theme }
  | { readonly type: 'set-camera'; readonly camera: Camera | null }
  /** Go to a story step (its view), or leave the tour (null) keeping the view. */
  | { readonly type: 'set-step'; readonly step: string | null }
  /** Several fields at once (URL, postMessage); each invalid field is ignored. */
  | { readonly type: 'patch'; readonly patch: StatePatch };

export interface StatePatch {
  readonly from?: Day;
  readonly to?: Day;
  readonly selection?: Selection | null;
  readonly types?: readonly string[];
  readonly lang?: string;
  readonly view?: ViewMode;
  readonly theme?: Theme;
  readonly camera?: Camera | null;
  /** A step's view comes first; the patch's other fields then apply on top of it. */
  readonly step?: string | null;
}

export function defaultState(ctx: StateContext): AppState {
  return {
    from: ctx.defaultFrom,
    to: ctx.defaultTo,
    selection: null,
    types: ctx.types,
    lang: ctx.defaultLang,
    view: 'map',
    theme: 'auto',
    camera: null,
    step: null,
  };
}

const clampDay = (d: Day, ctx: StateContext) => Math.min(ctx.end, Math.max(ctx.start, Math.round(d)));

function validSelection(sel: Selection | null, ctx: StateContext): boolean {
  if (sel === null) return true;
  const ids = sel.kind === 'station' ? ctx.stationIds : sel.kind === 'country' ? ctx.countryIds : ctx.eventIds;
  return ids.has(sel.id);
}

/** Applies each valid field of a patch; invalid ones leave the current value. */
export function applyPatch(state: AppState, patch: StatePatch, ctx: StateContext): AppState {
  if (patch.step !== undefined) {
    const { step, ...rest } = patch;
    const view = step === null ? undefined : ctx.steps?.get(step);
    if (step === null) state = { ...state, step: null };
    else if (view) state = { ...applyFields(state, view, ctx), step };
    return applyFields(state, rest, ctx);
  }
  return applyFields(state, patch, ctx);
}

function applyFields(state: AppState, patch: StatePatch, ctx: StateContext): AppState {
  let { from, to } = state;
  if (patch.from !== undefined && Number.isFinite(patch.from)) from = clampDay(patch.from, ctx);
  if (patch.to !== undefined && Number.isFinite(patch.to)) to = clampDay(patch.to, ctx);
  if (from > to) {
    // The field that was given wins; the other moves to meet it.
    if (patch.to !== undefined && patch.from === undefined) from = to;
    else to = from;
  }
  const asked = patch.selection && ctx.canonical ? { kind: patch.selection.kind, id: ctx.canonical(patch.selection.kind, patch.selection.id) } : patch.selection;
  const selection = asked !== undefined && validSelection(asked, ctx) ? asked : state.selection;
  // An empty list means "no types"; a list naming only unknown types is invalid and ignored.
  const known = patch.types !== undefined ? ctx.types.filter((t) => patch.types!.includes(t)) : null;
  const types = known !== null && (known.length > 0 || patch.types!.length === 0) ? known : state.types;
  const lang = patch.lang !== undefined && ctx.langs.includes(patch.lang) ? patch.lang : state.lang;
  const view = patch.view === 'map' || patch.view === 'list' ? patch.view : state.view;
  const theme = patch.theme === 'auto' || patch.theme === 'light' || patch.theme === 'dark' ? patch.theme : state.theme;
  // A new selection brings the map to it, unless the same patch places the camera itself.
  const given = patch.camera === undefined ? undefined : patch.camera === null ? null : (validCamera(patch.camera) ?? undefined);
  const selectionMoved = !sameSelection(selection, state.selection);
  const camera = given !== undefined ? given : selectionMoved ? null : state.camera;
  return { from, to, selection, types, lang, view, theme, camera, step: state.step };
}

/**
 * The state as a new context allows it (the events have arrived, say): a selection the context
 * does not know is dropped, dates are clamped; everything else is kept.
 */
export function normalizeState(state: AppState, ctx: StateContext): AppState {
  const selection = validSelection(state.selection, ctx) ? state.selection : null;
  const step = state.step !== null && ctx.steps?.has(state.step) ? state.step : null;
  return applyPatch({ ...state, selection, step }, { from: state.from, to: state.to, types: state.types, lang: state.lang }, ctx);
}

function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

export function reduce(state: AppState, intent: Intent, ctx: StateContext): AppState {
  switch (intent.type) {
    case 'set-range':
      return applyPatch(state, { from: intent.from, to: intent.to }, ctx);
    case 'set-to':
      return applyPatch(state, { to: intent.to }, ctx);
    case 'select':
      return applyPatch(state, { selection: intent.selection }, ctx);
    case 'toggle-type': {
      const on = state.types.includes(intent.eventType);
      return applyPatch(state, { types: on ? state.types.filter((t) => t !== intent.eventType) : [...state.types, intent.eventType] }, ctx);
    }
    case 'set-types':
      return applyPatch(state, { types: intent.types }, ctx);
    case 'set-lang':
      return applyPatch(state, { lang: intent.lang }, ctx);
    case 'set-view':
      return applyPatch(state, { view: intent.view }, ctx);
    case 'set-theme':
      return applyPatch(state, { theme: intent.theme }, ctx);
    case 'set-camera':
      return applyPatch(state, { camera: intent.camera }, ctx);
    case 'set-step':
      return applyPatch(state, { step: intent.step }, ctx);
    case 'patch':
      return applyPatch(state, intent.patch, ctx);
  }
}

export function sameState(a: AppState, b: AppState): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    sameSelection(a.selection, b.selection) &&
    sameCamera(a.camera, b.camera) &&
    a.types.length === b.types.length &&
    a.types.every((t, i) => t === b.types[i]) &&
    a.lang === b.lang &&
    a.view === b.view &&
    a.theme === b.theme &&
    a.step === b.step
  );
}
