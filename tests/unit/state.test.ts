import { describe, expect, it } from 'vitest';
import { defaultState, reduce, type AppState, type StateContext } from '../../src/state/state';
import { createPreviewStore } from '../../src/state/store';
import { queryFromState, stateFromQuery, stateToPlain } from '../../src/state/url';
import { day } from './helpers';

const ctx: StateContext = {
  start: day(2022, 9, 1),
  end: day(2025, 12, 31),
  defaultFrom: day(2022, 9, 1),
  defaultTo: day(2025, 12, 31),
  stationIds: new Set(['ie-dublin', 'nl-amsterdam']),
  countryIds: new Set(['IE', 'NL']),
  eventIds: new Set(['ie-closed']),
  types: ['report', 'statement', 'closure'],
  langs: ['en', 'zh-Hans', 'zh-Hant'],
  defaultLang: 'en',
};

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

describe('the preview store', () => {
  // The overview knows the stations but no event ids.
  const previewCtx: StateContext = { ...ctx, eventIds: new Set() };
  const query = '?event=ie-closed&to=2023-06-30';

  it('settles as if the model had been there from the start: the URL read again, every intent applied again', () => {
    const store = createPreviewStore(stateFromQuery(query, previewCtx), previewCtx);
    expect(store.getState().selection).toBeNull(); // The preview cannot check the event.
    store.dispatch({ type: 'set-range', from: day(2022, 10, 1), to: day(2023, 3, 31) });
    store.dispatch({ type: 'toggle-type', eventType: 'report' });
    store.dispatch({ type: 'select', selection: { kind: 'event', id: 'ie-closed' } }); // Ignored for now.
    expect(store.getState().selection).toBeNull();
    const seen: AppState[] = [];
    store.subscribe((s) => seen.push(s));

    store.settle(stateFromQuery(query, ctx), ctx);
    let expected = stateFromQuery(query, ctx);
    for (const intent of [
      { type: 'set-range', from: day(2022, 10, 1), to: day(2023, 3, 31) },
      { type: 'toggle-type', eventType: 'report' },
      { type: 'select', selection: { kind: 'event', id: 'ie-closed' } },
    ] as const) {
      expected = reduce(expected, intent, ctx);
    }
    expect(store.getState()).toEqual(expected);
    expect(store.getState().selection).toEqual({ kind: 'event', id: 'ie-closed' });
    expect(store.getState().to).toBe(day(2023, 3, 31));
    expect(store.getState().types).toEqual(['statement', 'closure']);
    expect(seen).toEqual([store.getState()]);

    // Settled: intents are no longer kept.
    store.dispatch({ type: 'select', selection: { kind: 'station', id: 'nl-amsterdam' } });
    expect(store.getState().selection).toEqual({ kind: 'station', id: 'nl-amsterdam' });
    store.settle(defaultState(ctx), ctx);
    expect(store.getState()).toEqual(defaultState(ctx));
  });

  it('keeps what the URL asked for when nothing happened on the preview', () => {
    const store = createPreviewStore(stateFromQuery(query, previewCtx), previewCtx);
    store.settle(stateFromQuery(query, ctx), ctx);
    expect(store.getState().selection).toEqual({ kind: 'event', id: 'ie-closed' });
    expect(store.getState().to).toBe(day(2023, 6, 30));
  });
});
