// The quick acceptance of well-formed records must never accept what the zod schema rejects or
// would change, and must cover the same fields; otherwise it is only a shortcut to wrong data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ZodMiniType } from 'zod/mini';
import { eventSchema, sourceSchema, stationFeatureSchema, stationPropertiesSchema, datedSchema } from '../../src/model/schema';
import { acceptsEvent, acceptsSource, acceptsStation, datedShape, eventShape, pointShape, sourceShape, stationFeatureShape, stationPropertiesShape, type Shape } from '../../src/model/quick-accept';
import { readDataDir } from '../../scripts/lib/read-data';
import { synthesize } from '../../scripts/lib/synthetic';

const real = readDataDir('data').result!.dataset;
const synthetic = synthesize(real.config, { events: 400, stations: 40, seed: 7 });

const shapeKeys = (schema: unknown) => Object.keys((schema as { def: { shape: Record<string, unknown> } }).def.shape).sort();

describe('quick acceptance of records', () => {
  it('checks exactly the fields of each schema', () => {
    const geometry = (stationFeatureSchema as unknown as { def: { shape: { geometry: unknown } } }).def.shape.geometry;
    const pairs: [unknown, Shape][] = [
      [eventSchema, eventShape],
      [sourceSchema, sourceShape],
      [stationFeatureSchema, stationFeatureShape],
      [stationPropertiesSchema, stationPropertiesShape],
      [datedSchema, datedShape],
      [geometry, pointShape],
    ];
    for (const [schema, shape] of pairs) expect(Object.keys(shape).sort()).toEqual(shapeKeys(schema));
  });

  it('accepts every record of the real and the synthetic data, as zod does, unchanged', () => {
    const cases: [readonly unknown[], (v: unknown) => boolean, ZodMiniType][] = [
      [[...real.events, ...synthetic.events], acceptsEvent, eventSchema],
      [[...real.sources, ...synthetic.sources], acceptsSource, sourceSchema],
      [[...real.stations, ...synthetic.stations.features], acceptsStation, stationFeatureSchema],
    ];
    for (const [records, accepts, schema] of cases) {
      for (const record of records) {
        expect(accepts(record)).toBe(true);
        expect(schema.safeParse(record)).toEqual({ success: true, data: record });
      }
    }
  });

  // Values near every boundary the schemas draw: types, blanks, lengths, dates, slugs, ranges.
  const value = fc.oneof(
    fc.anything(),
    fc.constantFrom('', ' ', ' padded', 'padded ', 'x'.repeat(81), 'y'.repeat(121), 'z'.repeat(161), 'w'.repeat(1201), 'a'.repeat(2001)),
    fc.constantFrom('2022-02-30', '2022-13-01', '2022-1-1', '2022', '2022-10', '2022-10-26', '2031-01-01'),
    fc.constantFrom('Slug', 'a--b', '-a', 'a-', 'ok-slug', 'IE', 'XX', 'ie', 'day', 'month', 'city', 'news', 'other', 'Feature', 'Point'),
    fc.constantFrom('https://example.org/a', 'http://', 'ftp://example.org', 'https://', 'javascript:alert(1)', 'zh-Hant', 'en', 'EN'),
    fc.constantFrom(-180.5, -180, 0, 90, 90.5, 180, 181, Number.NaN, 1e308),
    fc.array(fc.constantFrom('ok-slug', 'Bad', '', 'a-b'), { maxLength: 3 }),
    fc.tuple(fc.double(), fc.double()),
    fc.record({ date: fc.constantFrom('2022', '2022-10', 'x'), precision: fc.constantFrom('year', 'month', 'day', 'week') }),
    fc.record({ type: fc.constantFrom('Point', 'Line'), coordinates: fc.array(fc.double({ min: -200, max: 200 }), { maxLength: 3 }) }),
    // Texts per language: English missing, a key that is no language tag, blank, padded or too long texts.
    fc.dictionary(fc.constantFrom('en', 'zh-Hans', 'zh-Hant', 'EN', 'zh_Hans', 'xx-yyyyy', '__proto__'), fc.oneof(fc.string(), fc.constantFrom('', ' x', 'y'.repeat(121), 'z'.repeat(161), '米蘭'), fc.integer())),
  );

  /** A valid record with one to three fields replaced, removed or added (at the top or one level down). */
  const mutated = (records: readonly unknown[], keys: readonly string[]) =>
    fc
      .tuple(fc.constantFrom(...records), fc.array(fc.tuple(fc.constantFrom(...keys, 'extra', '__proto__'), fc.option(value, { nil: undefined }), fc.boolean()), { minLength: 1, maxLength: 3 }))
      .map(([record, edits]) => {
        const copy = structuredClone(record) as Record<string, unknown>;
        for (const [key, v, nested] of edits) {
          // An earlier edit may have replaced properties with null or a non-object: then edit the top.
          const target = nested && typeof copy.properties === 'object' && copy.properties !== null ? (copy.properties as Record<string, unknown>) : copy;
          if (v === undefined) delete target[key];
          else Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return copy;
      });

  const neverWrong = (records: readonly unknown[], keys: readonly string[], accepts: (v: unknown) => boolean, schema: ZodMiniType) =>
    fc.assert(
      fc.property(mutated(records, keys), (record) => {
        if (!accepts(record)) return;
        expect(schema.safeParse(record)).toEqual({ success: true, data: record });
      }),
      { numRuns: 3000 },
    );

  it('never accepts an event zod rejects or would change', () => {
    neverWrong([...real.events, ...synthetic.events.slice(0, 50)], Object.keys(eventShape), acceptsEvent, eventSchema);
  });

  it('never accepts a source zod rejects or would change', () => {
    neverWrong(real.sources, Object.keys(sourceShape), acceptsSource, sourceSchema);
  });

  it('never accepts a station zod rejects or would change', () => {
    neverWrong(real.stations, [...Object.keys(stationFeatureShape), ...Object.keys(stationPropertiesShape)], acceptsStation, stationFeatureSchema);
  });
});
