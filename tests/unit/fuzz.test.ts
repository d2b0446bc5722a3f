// Property tests: any query string and any postMessage payload yields a valid, normalised state.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, defaultState, reduce, type AppState, type StateContext } from '../../src/state/state';
import { queryFromState, stateFromQuery } from '../../src/state/url';
import { parseSetMessage } from '../../src/embed/messages';
import { formatDay } from '../../src/model/dates';
import { day } from './helpers';

const ctx = {
  start: day(2022, 1, 1),
  end: day(2025, 12, 31),
  defaultFrom: day(2022, 1, 1),
  defaultTo: day(2025, 12, 31),
  stationIds: new Set(['ie-dublin', 'nl-amsterdam', 'us-new-york-fuzhou']),
  countryIds: new Set(['IE', 'NL', 'US']),
  eventIds: new Set(['ie-2022-10-25-closed', 'report']),
  types: ['report', 'statement', 'closure', 'denial'],
  langs: ['en', 'zh-Hans', 'zh-Hant'],
  defaultLang: 'en',
} satisfies StateContext;

function assertValid(s: AppState): void {
  expect(Number.isInteger(s.from) && Number.isInteger(s.to)).toBe(true);
  expect(ctx.start <= s.from && s.from <= s.to && s.to <= ctx.end).toBe(true);
  if (s.selection) {
    const ids = s.selection.kind === 'station' ? ctx.stationIds : s.selection.kind === 'country' ? ctx.countryIds : ctx.eventIds;
    expect(ids.has(s.selection.id)).toBe(true);
  }
  expect(s.types).toEqual(ctx.types.filter((t) => s.types.includes(t)));
  expect(ctx.langs).toContain(s.lang);
  expect(['map', 'list']).toContain(s.view);
  expect(['auto', 'light', 'dark']).toContain(s.theme);
}

const dateish = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string(),
  fc.constantFrom('2022-02-30', '2022-13-01', '0000-00-00', '9999-99-99', '', 'NaN', '2022-1-1', '<script>'),
);
const key = fc.constantFrom('from', 'to', 'station', 'country', 'event', 'types', 'lang', 'view', 'theme', 'embed', 'x', '__proto__', 'constructor');
const value = fc.oneof(dateish, fc.constantFrom(...ctx.stationIds, ...ctx.countryIds, 'ie', 'XX', ...ctx.eventIds, ...ctx.types, 'report,closure', 'none', '', ...ctx.langs, 'fr', 'map', 'list', 'dark', 'light', 'auto'), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const queryString = fc.oneof(
  fc.array(fc.tuple(key, value), { maxLength: 8 }).map((pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `?${s}`),
);

describe('random query strings (fast-check)', () => {
  it('never throw, always give a valid state, and round-trip through the URL', () => {
    fc.assert(
      fc.property(queryString, (q) => {
        const s = stateFromQuery(q, ctx);
        assertValid(s);
        expect(stateFromQuery(queryFromState(s, ctx), ctx)).toEqual(s);
      }),
      { numRuns: 600 },
    );
  });
});

const plainState = fc.record(
  {
    from: fc.oneof(dateish, fc.integer(), fc.constant(null)),
    to: fc.oneof(dateish, fc.double(), fc.constant(null)),
    station: fc.oneof(fc.constantFrom(...ctx.stationIds, 'nope'), fc.constant(null), fc.integer(), fc.string()),
    country: fc.oneof(fc.constantFrom(...ctx.countryIds, 'ie', 'ZZ'), fc.constant(null), fc.object()),
    event: fc.oneof(fc.constantFrom(...ctx.eventIds), fc.constant(null), fc.array(fc.string())),
    types: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...ctx.types), fc.string(), fc.integer())), fc.string(), fc.constant(null)),
    lang: fc.oneof(fc.constantFrom(...ctx.langs, 'fr'), fc.integer(), fc.constant(undefined)),
    other: fc.anything(),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom('chronomap:set', 'chronomap:state', 'other'), state: fc.oneof(plainState, fc.anything()) }),
  fc.record({ type: fc.constant('chronomap:set'), state: plainState }),
);

describe('random postMessage payloads (fast-check)', () => {
  it('never throw, leave the state valid, and equal applying the normalised patch', () => {
    fc.assert(
      fc.property(payload, (data) => {
        const start = defaultState(ctx);
        const patch = parseSetMessage(data);
        if (patch === null) return;
        const next = reduce(start, { type: 'patch', patch }, ctx);
        assertValid(next);
        // Normalised: applying the same patch again changes nothing.
        expect(applyPatch(next, patch, ctx)).toEqual(next);
        // And the state says in plain values what it holds.
        expect(formatDay(next.to)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 600 },
    );
  });

  it('ignores everything that is not a chronomap:set object', () => {
    fc.assert(
      fc.property(fc.anything().filter((d) => !(typeof d === 'object' && d !== null && (d as { type?: unknown }).type === 'chronomap:set')), (d) => {
        expect(parseSetMessage(d)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
