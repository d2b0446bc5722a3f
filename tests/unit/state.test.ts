import { describe, expect, it } from 'vitest';
import { defaultState, reduce, type AppState, type StateContext } from '../../src/state/state';
import { createStore } from '../../src/state/store';
import { queryFromState, stateFromQuery, stateToPlain } from '../../src/state/url';
import { day, smallContext } from './helpers';

const ctx: StateContext = smallContext();

describe('URL codec', () => {
  it('leaves defaults out of the URL', () => {
    expect(queryFromState(defaultState(ctx), ctx)).toBe('');
  });
  it('round-trips every field', () => {
    const s = { ...defaultState(ctx), from: day(2022, 10, 1), to: day(2022, 12, 1), selection: { kind: 'station' as const, id: 'ie-dublin' }, types: ['report', 'closure'], lang: 'zh-Hant' };
    const q = queryFromState(s, ctx);
    expect(q).toBe('?from=2022-10-01&to=2022-12-01&station=ie-dublin&types=report%2Cclosure&lang=zh-Hant');
    expect(stateFromQuery(q, ctx)).toEqual(s);
  });
  it('round-trips "no types at all" and the list view and theme', () => {
    const s = { ...defaultState(ctx), types: [], view: 'list' as const, theme: 'dark' as const };
    expect(stateFromQuery(queryFromState(s, ctx), ctx)).toEqual(s);
  });
  it('falls back to defaults for missing or invalid parameters', () => {
    const s = stateFromQuery('?from=2022-13-01&to=yesterday&station=xx-nowhere&types=bogus&lang=fr&view=globe', ctx);
    expect(s).toEqual(defaultState(ctx));
  });
  it('clamps dates to the story and orders the range', () => {
    const s = stateFromQuery('?from=2010-01-01&to=2030-01-01', ctx);
    expect([s.from, s.to]).toEqual([ctx.start, ctx.end]);
    const r = stateFromQuery('?from=2023-05-01&to=2023-01-01', ctx);
    expect(r.from).toBeLessThanOrEqual(r.to);
  });
  it('reads a country in any case, and one selection only', () => {
    expect(stateFromQuery('?country=ie', ctx).selection).toEqual({ kind: 'country', id: 'IE' });
    expect(stateFromQuery('?station=nl-amsterdam&country=IE', ctx).selection).toEqual({ kind: 'station', id: 'nl-amsterdam' });
  });
  it('drops unknown types but keeps known ones', () => {
    expect(stateFromQuery('?types=closure,bogus', ctx).types).toEqual(['closure']);
  });
  it('describes the state in plain values for messages', () => {
    expect(stateToPlain(stateFromQuery('?event=ie-closed&to=2023-01-01', ctx))).toMatchObject({ event: 'ie-closed', to: '2023-01-01', station: null });
  });
});

describe('reduce', () => {
  const s0 = defaultState(ctx);
  it('moves the range and keeps from <= to', () => {
    const s = reduce(s0, { type: 'set-range', from: day(2023, 1, 1), to: day(2023, 2, 1) }, ctx);
    expect([s.from, s.to]).toEqual([day(2023, 1, 1), day(2023, 2, 1)]);
    const t = reduce(s, { type: 'set-to', to: day(2022, 12, 1) }, ctx);
    expect(t.from).toBe(t.to);
  });
  it('toggles event types in vocabulary order', () => {
    const off = reduce(s0, { type: 'toggle-type', eventType: 'statement' }, ctx);
    expect(off.types).toEqual(['report', 'closure']);
    expect(reduce(off, { type: 'toggle-type', eventType: 'statement' }, ctx).types).toEqual(['report', 'statement', 'closure']);
  });
  it('ignores a selection of something that does not exist', () => {
    const selected = reduce(s0, { type: 'select', selection: { kind: 'station', id: 'ie-dublin' } }, ctx);
    expect(reduce(selected, { type: 'select', selection: { kind: 'station', id: 'nope' } }, ctx)).toEqual(selected);
    expect(reduce(s0, { type: 'select', selection: { kind: 'country', id: 'FR' } }, ctx).selection).toBeNull();
  });
  it('ignores non-finite dates', () => {
    expect(reduce(s0, { type: 'set-range', from: Number.NaN, to: Number.POSITIVE_INFINITY }, ctx)).toEqual(s0);
  });
});

describe('the store', () => {
  // Before the events arrive, any event id is taken on trust; the events' own context judges it.
  const anyId = { has: () => true };
  const previewCtx: StateContext = { ...ctx, eventIds: anyId };

  it('keeps what the URL and the reader asked for when the events arrive, and drops what they do not know', () => {
    const store = createStore(stateFromQuery('?event=ie-closed&to=2023-06-30', previewCtx), previewCtx);
    expect(store.getState().selection).toEqual({ kind: 'event', id: 'ie-closed' });
    store.dispatch({ type: 'set-range', from: day(2022, 10, 1), to: day(2023, 3, 31) });
    store.dispatch({ type: 'toggle-type', eventType: 'report' });
    const seen: AppState[] = [];
    store.subscribe((s) => seen.push(s));
    store.setContext(ctx);
    expect(seen).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'event', id: 'ie-closed' });
    expect(store.getState().to).toBe(day(2023, 3, 31));
    expect(store.getState().types).toEqual(['statement', 'closure']);

    const unknown = createStore(stateFromQuery('?event=no-such-event&to=2023-06-30', previewCtx), previewCtx);
    unknown.setContext(ctx);
    expect(unknown.getState().selection).toBeNull();
    expect(unknown.getState().to).toBe(day(2023, 6, 30));
  });
});

describe('the camera', () => {
  const s0 = defaultState(ctx);
  it('is null (framing the selection) until the reader moves the map', () => {
    expect(s0.camera).toBeNull();
    const moved = reduce(s0, { type: 'set-camera', camera: { lon: 10, lat: 50, zoom: 4 } }, ctx);
    expect(moved.camera).toEqual({ lon: 10, lat: 50, zoom: 4 });
    // A new selection goes back to framing it; one that does not change keeps the camera.
    expect(reduce(moved, { type: 'select', selection: { kind: 'country', id: 'IE' } }, ctx).camera).toBeNull();
    expect(reduce(moved, { type: 'set-to', to: day(2023, 1, 1) }, ctx).camera).toEqual(moved.camera);
    // A patch that places both keeps its camera.
    const both = reduce(s0, { type: 'patch', patch: { selection: { kind: 'country', id: 'IE' }, camera: { lon: 1, lat: 2, zoom: 3 } } }, ctx);
    expect(both).toMatchObject({ selection: { kind: 'country', id: 'IE' }, camera: { lon: 1, lat: 2, zoom: 3 } });
  });
  it('ignores invalid cameras', () => {
    const moved = reduce(s0, { type: 'set-camera', camera: { lon: 10, lat: 50, zoom: 4 } }, ctx);
    for (const camera of [{ lon: Number.NaN, lat: 0, zoom: 1 }, { lon: 0, lat: 95, zoom: 1 }, { lon: 0, lat: 0, zoom: -1 }, { lon: 0, lat: 0, zoom: 99 }]) {
      expect(reduce(moved, { type: 'set-camera', camera }, ctx).camera).toEqual(moved.camera);
    }
  });
  it('is written as at=zoom/lat/lon only when the reader placed it, and read back', () => {
    expect(queryFromState(s0, ctx)).toBe('');
    const moved = reduce(s0, { type: 'set-camera', camera: { lon: 12.4964, lat: 41.9028, zoom: 5.25 } }, ctx);
    const q = queryFromState(moved, ctx);
    expect(q).toBe('?at=5.25/41.903/12.496');
    expect(stateFromQuery(q, ctx).camera).toEqual({ lon: 12.496, lat: 41.903, zoom: 5.25 });
    expect(stateFromQuery('?at=4/50/10&station=ie-dublin', ctx)).toMatchObject({ camera: { lon: 10, lat: 50, zoom: 4 }, selection: { kind: 'station', id: 'ie-dublin' } });
    for (const bad of ['?at=4/50', '?at=a/b/c', '?at=4/95/10', '?at=99/0/0', '?at=4/50/10/2']) expect(stateFromQuery(bad, ctx).camera).toBeNull();
  });
});

describe('former ids (aliases)', () => {
  const withAliases: StateContext = { ...ctx, canonical: (kind, id) => (kind === 'station' && id === 'ie-dublin-old' ? 'ie-dublin' : id) };
  it('takes a station\'s former id in the URL or a message and selects it by its id', () => {
    expect(stateFromQuery('?station=ie-dublin-old', withAliases).selection).toEqual({ kind: 'station', id: 'ie-dublin' });
    expect(reduce(defaultState(withAliases), { type: 'select', selection: { kind: 'station', id: 'ie-dublin-old' } }, withAliases).selection).toEqual({ kind: 'station', id: 'ie-dublin' });
    expect(queryFromState(stateFromQuery('?station=ie-dublin-old', withAliases), withAliases)).toBe('?station=ie-dublin');
  });
});
