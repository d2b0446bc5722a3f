// The one schema for the data files. The app, the checker, the CSV import and the
// JSON Schema files all derive from these definitions, so they cannot drift apart.
// zod/mini: the same schemas as zod's classic API at a tenth of the bundle weight, which the
// first map paint waits for.
import * as z from 'zod/mini';
import { ISO_NUMERIC } from './iso-countries.ts';
import { isRealDate, DATE_PATTERN } from './dates.ts';
import { ACTOR_KINDS, EVENT_TEXT_FIELDS, LOCATION_PRECISIONS, PRECISIONS, SOURCE_KINDS, STATION_TEXT_FIELDS } from './closed-lists.ts';

export { ACTOR_KINDS, EVENT_TEXT_FIELDS, LOCATION_PRECISIONS, PRECISIONS, SOURCE_KINDS, STATION_TEXT_FIELDS };

// Zod compiles parsers into code at run time unless told not to; a strict CSP (no 'unsafe-eval')
// refuses that and reports a violation, so parse without it.
z.config({ jitless: true });

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

/** A language tag as the app's languages and sources.json's `language` write them: `en`, `zh-Hant`. */
export const languageTag = z.string().check(z.regex(LANGUAGE_PATTERN, { message: 'is not a language tag' }));

/**
 * A reader-facing text in each language the story has, keyed by language tag:
 * `{"en": "...", "zh-Hans": "...", "zh-Hant": "..."}`. English is required: it is what a reader
 * gets when their language has no text. Each language is held to the same length limit.
 */
export type Localized = Readonly<Record<string, string>>;
export const hasEnglish = (texts: Localized): boolean => Object.hasOwn(texts, 'en');
export const localizedText = (max: number) =>
  z
    .record(languageTag, text(max))
    .check(z.refine(hasEnglish, { message: 'has no "en" text' }))
    // The refinement has no JSON Schema form: the emitted schema says it so (npm run schema).
    .register(z.globalRegistry, { description: 'A text per language, keyed by language tag; "en" is required.', required: ['en'] });

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

export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceSchema = z.strictObject({
  id: slug,
  url: httpUrl,
  title: text(300),
  publisher: text(120),
  published: partialDate,
  kind: z.enum(SOURCE_KINDS),
  language: z.optional(languageTag),
  note: z.optional(text(500)),
});
export type Source = z.infer<typeof sourceSchema>;

export const datedSchema = z.strictObject({
  date: partialDate,
  precision: z.enum(PRECISIONS),
});

export const stationPropertiesSchema = z.strictObject({
  id: slug,
  /** Ids it had before (a station relocated or renamed): published links that name them still work. */
  aliases: z.optional(z.array(slug)),
  name: localizedText(120),
  city: z.optional(localizedText(120)),
  country: countryCode,
  locationPrecision: z.enum(LOCATION_PRECISIONS),
  operator: localizedText(120),
  firstReported: datedSchema,
  firstReportedBy: localizedText(200),
  note: z.optional(localizedText(800)),
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

export type ActorKind = (typeof ACTOR_KINDS)[number];

export const eventSchema = z.strictObject({
  id: slug,
  /** Ids it had before: published links that name them still work. */
  aliases: z.optional(z.array(slug)),
  date: partialDate,
  precision: z.enum(PRECISIONS),
  type: vocabularyId,
  actor: localizedText(160),
  actorKind: z.enum(ACTOR_KINDS),
  country: z.optional(countryCode),
  stationIds: z.optional(z.array(slug)),
  setsStatus: z.optional(vocabularyId),
  title: localizedText(160),
  summary: localizedText(1200),
  disputed: z.optional(localizedText(600)),
  sources: z.array(slug).check(z.minLength(1, { message: 'lists no source' })),
});
export type ChronoEvent = z.infer<typeof eventSchema>;

export const stationCollectionSchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});
export const recordArraySchema = z.array(z.unknown());

/** The config's texts: the same form as the records', without their length limits. */
const localized = z
  .record(languageTag, z.string().check(z.minLength(1)))
  .check(z.refine(hasEnglish, { message: 'has no "en" text' }))
  .register(z.globalRegistry, { description: 'A text per language, keyed by language tag; "en" is required.', required: ['en'] });
const color = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'is not a #rrggbb colour' }));
export const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'triangle-down', 'cross', 'star', 'ring'] as const;
export type Shape = (typeof SHAPES)[number];

export const configSchema = z.strictObject({
  title: localized,
  standfirst: localized,
  credit: localized,
  about: z.array(localized),
  license: localized,
  /** The languages the story is told in: check-data requires every record's texts in each. */
  languages: z.array(languageTag).check(
    z.refine((langs) => langs.includes('en'), { message: 'does not list "en": English is every text\'s fallback' }),
    z.refine((langs) => new Set(langs).size === langs.length, { message: 'lists a language twice' }),
  ),
  dataUpdated: partialDate,
  story: z.strictObject({ start: partialDate, end: z.optional(partialDate) }),
  defaultView: z.strictObject({
    from: z.optional(partialDate),
    to: z.optional(partialDate),
    /** The map's opening frame, [[west, south], [east, north]]; by default every station. An east below the west crosses the antimeridian. */
    bounds: z.optional(z.tuple([z.tuple([longitude, latitude]), z.tuple([longitude, latitude])])),
  }),
  statuses: z
    .array(z.strictObject({ id: vocabularyId, label: localized, color, darkColor: color, shape: z.enum(SHAPES), rank: z.int() }))
    .check(z.minLength(1)),
  responses: z
    .array(z.strictObject({ id: vocabularyId, label: localized, color, darkColor: color, rank: z.int() }))
    .check(z.minLength(1)),
  /**
   * Event types in a few families, one hue each (at most five: a reader can hold that many); the
   * types of a family differ by shape. The legend and the filters work by family and by type.
   */
  families: z
    .array(z.strictObject({ id: vocabularyId, label: localized, color, darkColor: color }))
    .check(z.minLength(1), z.maxLength(5, { message: 'has more than 5 families: one hue each, and a reader holds five at most' })),
  eventTypes: z
    .array(
      z.strictObject({
        id: vocabularyId,
        label: localized,
        /** Its family's id: its colour is the family's. */
        family: vocabularyId,
        shape: z.enum(SHAPES),
        /** The host-government response this kind of event shows, if any. */
        response: z.optional(vocabularyId),
      }),
    )
    .check(z.minLength(1)),
  /** Material corrections, newest first, as a newsroom's corrections note: shown in the about section. */
  corrections: z.optional(z.array(z.strictObject({ date: partialDate, text: localized }))),
  /** Key moments named on the timeline; where labels would collide, the later ones in this list give way. */
  annotations: z.optional(z.array(z.strictObject({ date: partialDate, label: localized, short: z.optional(localized) }))),
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
export type FamilyDef = Config['families'][number];
export type Annotation = NonNullable<Config['annotations']>[number];

// ---------------------------------------------------------------------------------------------
// story.json: ordered steps of a guided tour, each a view of the map with a title and a text.

/** A day as the URL and the message API write it. */
const dayText = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'is not a day of the form YYYY-MM-DD' }),
  z.refine(isRealDate, { message: 'is not a valid date' }),
);

const cameraFields = z.strictObject({ lon: z.number(), lat: z.number(), zoom: z.number() });

/**
 * A step's view: the fields of the URL and of `chronomap:set` (src/embed/messages.ts), with the
 * same meanings. `to` is required: every step says as of when the map is shown. At most one of
 * station, country and event.
 */
export const stepStateSchema = z
  .strictObject({
    from: z.optional(dayText),
    to: dayText,
    station: z.optional(slug),
    country: z.optional(countryCode),
    event: z.optional(slug),
    /** The event types shown; all of them when absent. */
    types: z.optional(z.array(vocabularyId)),
    /** `{lon, lat, zoom}` or the URL's `at=` form, "zoom/lat/lon"; framed from the selection when absent. */
    camera: z.optional(z.union([z.string().check(z.maxLength(100)), cameraFields])),
  })
  .check(
    z.refine((s) => [s.station, s.country, s.event].filter((v) => v !== undefined).length <= 1, {
      message: 'has more than one of station, country and event',
    }),
  );

export const storyStepSchema = z.strictObject({
  /** Stable: `?step=<id>` links and `chronomap:set {step}` messages name it. */
  id: slug,
  state: stepStateSchema,
  title: localizedText(120),
  text: localizedText(600),
});
export type StoryStep = z.infer<typeof storyStepSchema>;
export type StepState = StoryStep['state'];

export const storySchema = z.strictObject({ steps: z.array(storyStepSchema) });
