// The state <-> query string codec. Defaults are left out of the URL; anything missing or
// invalid falls back to the default without an error.
import { formatDay, parseDay } from '../model/dates.ts';
import { applyPatch, defaultState, sameState, type AppState, type Selection, type StateContext, type StatePatch } from './state.ts';
import { formatCamera, parseCamera, type Camera } from '../map/camera.ts';

/** Reads the state fields a query string (or a postMessage object of strings) carries. */
export function patchFromParams(get: (key: string) => string | null | undefined): StatePatch {
  const patch: { -readonly [K in keyof StatePatch]: StatePatch[K] } = {};
  const from = get('from');
  const to = get('to');
  if (typeof from === 'string') patch.from = parseDay(from) ?? undefined;
  if (typeof to === 'string') patch.to = parseDay(to) ?? undefined;
  const selection = selectionFrom(get);
  if (selection) patch.selection = selection;
  const types = get('types');
  if (typeof types === 'string') patch.types = types === '' || types === 'none' ? [] : types.split(',').map((t) => t.trim());
  const lang = get('lang');
  if (typeof lang === 'string') patch.lang = lang;
  const view = get('view');
  if (view === 'map' || view === 'list') patch.view = view;
  const theme = get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') patch.theme = theme;
  const at = get('at');
  const camera = typeof at === 'string' ? parseCamera(at) : null;
  if (camera) patch.camera = camera;
  const step = get('step');
  if (typeof step === 'string' && step !== '') patch.step = step;
  return patch;
}

function selectionFrom(get: (key: string) => string | null | undefined): Selection | undefined {
  for (const kind of ['station', 'event', 'country'] as const) {
    const id = get(kind);
    if (typeof id === 'string' && id !== '') return { kind, id: kind === 'country' ? id.toUpperCase() : id };
  }
  return undefined;
}

export function stateFromQuery(search: string, ctx: StateContext): AppState {
  const params = new URLSearchParams(search);
  const base = defaultState(ctx);
  const patch = patchFromParams((k) => params.get(k));
  // A selection that does not exist is dropped, and the next kind in the URL is not tried: one
  // bad id should not silently select something else.
  return applyPatch(base, patch, ctx);
}

export function queryFromState(state: AppState, ctx: StateContext, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  const def = defaultState(ctx);
  // On a story step, as the step shows it: the step's id says it all. Once the reader has moved
  // away from the step's view, the URL says where they are instead.
  if (state.step !== null) {
    const atStep = applyPatch({ ...def, lang: state.lang, theme: state.theme }, { step: state.step }, ctx);
    if (sameState(atStep, state)) {
      params.set('step', state.step);
      if (state.lang !== def.lang) params.set('lang', state.lang);
      if (state.theme !== def.theme) params.set('theme', state.theme);
      for (const [k, v] of Object.entries(extra)) params.set(k, v);
      return `?${params.toString()}`;
    }
  }
  if (state.from !== def.from) params.set('from', formatDay(state.from));
  if (state.to !== def.to) params.set('to', formatDay(state.to));
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  if (state.types.length !== ctx.types.length) params.set('types', state.types.length === 0 ? 'none' : state.types.join(','));
  if (state.lang !== def.lang) params.set('lang', state.lang);
  if (state.view !== def.view) params.set('view', state.view);
  if (state.theme !== def.theme) params.set('theme', state.theme);
  if (state.camera) params.set('at', formatCamera(state.camera));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  // The camera's slashes are legal in a query and easier to read than %2F.
  const s = params.toString().replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}

/** The state as plain values, for postMessage: `camera` is where the map is (framed or moved). */
export function stateToPlain(state: AppState, camera: Camera | null = state.camera): Record<string, string | string[] | Camera | null> {
  return {
    from: formatDay(state.from),
    to: formatDay(state.to),
    station: state.selection?.kind === 'station' ? state.selection.id : null,
    country: state.selection?.kind === 'country' ? state.selection.id : null,
    event: state.selection?.kind === 'event' ? state.selection.id : null,
    types: [...state.types],
    lang: state.lang,
    camera: camera && { lon: camera.lon, lat: camera.lat, zoom: camera.zoom },
    step: state.step,
  };
}
