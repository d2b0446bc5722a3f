// The one schema for the data files. The app, the checker, the CSV import and the
// JSON Schema files all derive from these definitions, so they cannot drift apart.
// zod/mini: the same schemas as zod's classic API at a tenth of the bundle weight, which the
// first map paint waits for.
import * as z from 'zod/mini';
import { ISO_NUMERIC } from './iso-countries.ts';
import { isRealDate, DATE_PATTERN } from './dates.ts';

// Zod compiles parsers into code at run time unless told not to; a strict CSP (no 'unsafe-eval')
// refuses that and reports a violation, so parse without it.
z.config({ jitless: true });

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A partial ISO date: "2022-10-26" (day), "2022-10" (month) or "2022" (year). */
export const partialDate = z.string().check(
  z.regex(DATE_PATTERN, { message: 'is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD' }),
  z.refine(isRealDate, { message: 'is not a valid date' }),
);

export const isCountryCode = (code: string): boolean => Object.hasOwn(ISO_NUMERIC, code);
export const countryCode = z.string().check(z.refine(isCountryCode, { message: 'is not an ISO 3166-1 alpha-2 country code' }));

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

const slug = z.string().check(
  z.regex(SLUG_PATTERN, { message: 'is not a slug (lower-case letters, digits and single hyphens)' }),
  z.maxLength(SLUG_MAX_LENGTH, { message: `is longer than ${SLUG_MAX_LENGTH} characters` }),
);

/** Bounded plain text: long enough for any real title or summary, short enough to stop pasted garbage. */
const text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, { message: 'is empty' }), z.maxLength(max, { message: `is longer than ${max} characters` }));

export const httpUrl = z.string().check(z.maxLength(2000, { message: 'is longer than 2000 characters' }), z.refine(isHttpUrl, { message: 'is not an http(s) URL' }));

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export const SOURCE_KINDS = ['government', 'ngo', 'news', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceSchema = z.strictObject({
  id: slug,
  url: httpUrl,
  title: text(300),
  publisher: text(120),
  published: partialDate,
  kind: z.enum(SOURCE_KINDS),
  language: z.optional(z.string().check(z.regex(LANGUAGE_PATTERN, { message: 'is not a language tag' }))),
  note: z.optional(text(500)),
});
export type Source = z.infer<typeof sourceSchema>;

export const datedSchema = z.strictObject({
  date: partialDate,
  precision: z.enum(PRECISIONS),
});

export const LOCATION_PRECISIONS = ['city', 'country'] as const;

export const stationPropertiesSchema = z.strictObject({
  id: slug,
  name: text(120),
  nameZh: z.optional(text(120)),
  city: z.optional(text(120)),
  cityZh: z.optional(text(60)),
  country: countryCode,
  locationPrecision: z.enum(LOCATION_PRECISIONS),
  operator: text(120),
  operatorZh: z.optional(text(60)),
  firstReported: datedSchema,
  firstReportedBy: text(200),
  note: z.optional(text(800)),
  sources: z.array(slug).check(z.minLength(1, { message: 'lists no source' })),
});
export type StationProperties = z.infer<typeof stationPropertiesSchema>;

const longitude = z.number().check(z.gte(-180, { message: 'is not a longitude' }), z.lte(180, { message: 'is not a longitude' }));
const latitude = z.number().check(z.gte(-90, { message: 'is not a latitude' }), z.lte(90, { message: 'is not a latitude' }));

export const stationFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.strictObject({
    type: z.literal('Point'),
    coordinates: z.tuple([longitude, latitude]),
  }),
  properties: stationPropertiesSchema,
});
export type StationFeature = z.infer<typeof stationFeatureSchema>;

/** Vocabularies are the dataset's own (see data/config.json); the schema only fixes their shape. */
export const vocabularyId = slug;

export const ACTOR_KINDS = ['host-government', 'chinese-government', 'legislature', 'ngo', 'media', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const eventSchema = z.strictObject({
  id: slug,
  date: partialDate,
  precision: z.enum(PRECISIONS),
  type: vocabularyId,
  actor: text(160),
  actorKind: z.enum(ACTOR_KINDS),
  country: z.optional(countryCode),
  stationIds: z.optional(z.array(slug)),
  setsStatus: z.optional(vocabularyId),
  title: text(160),
  titleZh: z.optional(text(120)),
  summary: text(1200),
  summaryZh: z.optional(text(600)),
  disputed: z.optional(text(600)),
  sources: z.array(slug).check(z.minLength(1, { message: 'lists no source' })),
});
export type ChronoEvent = z.infer<typeof eventSchema>;

export const stationCollectionSchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});
export const recordArraySchema = z.array(z.unknown());

export type Localized = Readonly<Record<string, string>>;
const localized = z.record(z.string(), z.string().check(z.minLength(1))).check(z.refine((r) => typeof r.en === 'string', { message: 'needs at least an "en" text' }));
const color = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'is not a #rrggbb colour' }));
export const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'triangle-down', 'cross', 'star', 'ring'] as const;
export type Shape = (typeof SHAPES)[number];

export const configSchema = z.strictObject({
  title: localized,
  standfirst: localized,
  credit: localized,
  about: z.array(localized),
  license: localized,
  dataUpdated: partialDate,
  story: z.strictObject({ start: partialDate, end: z.optional(partialDate) }),
  defaultView: z.strictObject({ from: z.optional(partialDate), to: z.optional(partialDate) }),
  statuses: z
    .array(z.strictObject({ id: vocabularyId, label: localized, color, darkColor: color, shape: z.enum(SHAPES), rank: z.int() }))
    .check(z.minLength(1)),
  responses: z
    .array(z.strictObject({ id: vocabularyId, label: localized, color, darkColor: color, rank: z.int() }))
    .check(z.minLength(1)),
  eventTypes: z
    .array(
      z.strictObject({
        id: vocabularyId,
        label: localized,
        color,
        darkColor: color,
        shape: z.enum(SHAPES),
        /** The host-government response this kind of event shows, if any. */
        response: z.optional(vocabularyId),
      }),
    )
    .check(z.minLength(1)),
  /** The status every station has before any event sets one. */
  initialStatus: vocabularyId,
  /**
   * Optional replacements for the engine's UI words, per language (e.g. another story's
   * points are not "stations"): `{ "en": { "station": "Country" } }`.
   */
  messages: z.optional(z.record(z.string(), z.record(z.string(), z.string().check(z.minLength(1))))),
});
export type Config = z.infer<typeof configSchema>;
export type StatusDef = Config['statuses'][number];
export type ResponseDef = Config['responses'][number];
export type EventTypeDef = Config['eventTypes'][number];
