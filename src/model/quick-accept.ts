// Plain predicates that accept a record only when its schema (schema.ts) certainly accepts it
// and returns it unchanged. Validating through zod allocates a result tree per field, which at
// 100,000 events cost seconds before the first paint; well-formed records now skip it. Anything
// these predicates doubt goes through zod, which names the file, record and field as before.
// tests/unit/quick-accept.test.ts holds them to zod: same keys, and never accepting what it rejects.
import { isRealDate } from './dates.ts';
import { ACTOR_KINDS, isCountryCode, isHttpUrl, LANGUAGE_PATTERN, LOCATION_PRECISIONS, PRECISIONS, SLUG_MAX_LENGTH, SLUG_PATTERN, SOURCE_KINDS } from './schema.ts';

type Check = (value: unknown) => boolean;
export type Shape = Readonly<Record<string, Check>>;

const slug: Check = (v) => typeof v === 'string' && v.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(v);
/** zod trims, then checks the length: an untrimmed string would come back changed, so it is left to zod. */
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length >= 1 && v.length <= max && v.trim() === v;
/** A text per language (schema.ts `localizedText`): language tags as keys, English among them. */
const localized =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, 'en')) return false;
    const check = text(max);
    for (const [lang, t] of Object.entries(v)) if (!LANGUAGE_PATTERN.test(lang) || !check(t)) return false;
    return true;
  };
const date: Check = (v) => typeof v === 'string' && isRealDate(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const country: Check = (v) => typeof v === 'string' && isCountryCode(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const slugList =
  (min: number): Check =>
  (v) =>
    Array.isArray(v) && v.length >= min && v.every(slug);
const between =
  (lo: number, hi: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const literal =
  (value: string): Check =>
  (v) =>
    v === value;
const object =
  (shape: Shape): Check =>
  (v) =>
    matches(shape, v);

/** Exactly the shape's keys (strict objects), each passing its check. */
function matches(shape: Shape, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return false;
  for (const key in shape) if (!shape[key]((value as Record<string, unknown>)[key])) return false;
  return true;
}

export const sourceShape: Shape = {
  id: slug,
  url: (v) => typeof v === 'string' && v.length <= 2000 && isHttpUrl(v),
  title: text(300),
  publisher: text(120),
  published: date,
  kind: oneOf(SOURCE_KINDS),
  language: optional((v) => typeof v === 'string' && LANGUAGE_PATTERN.test(v)),
  note: optional(text(500)),
};

export const datedShape: Shape = { date, precision: oneOf(PRECISIONS) };

export const stationPropertiesShape: Shape = {
  id: slug,
  aliases: optional(slugList(0)),
  name: localized(120),
  city: optional(localized(120)),
  country,
  locationPrecision: oneOf(LOCATION_PRECISIONS),
  operator: localized(120),
  firstReported: object(datedShape),
  firstReportedBy: localized(200),
  note: optional(localized(800)),
  sources: slugList(1),
};

export const pointShape: Shape = {
  type: literal('Point'),
  coordinates: (v) => Array.isArray(v) && v.length === 2 && between(-180, 180)(v[0]) && between(-90, 90)(v[1]),
};

export const stationFeatureShape: Shape = {
  type: literal('Feature'),
  geometry: object(pointShape),
  properties: object(stationPropertiesShape),
};

export const eventShape: Shape = {
  id: slug,
  aliases: optional(slugList(0)),
  date,
  precision: oneOf(PRECISIONS),
  type: slug,
  actor: localized(160),
  actorKind: oneOf(ACTOR_KINDS),
  country: optional(country),
  stationIds: optional(slugList(0)),
  setsStatus: optional(slug),
  title: localized(160),
  summary: localized(1200),
  disputed: optional(localized(600)),
  sources: slugList(1),
};

export const acceptsSource = object(sourceShape);
export const acceptsStation = object(stationFeatureShape);
export const acceptsEvent = object(eventShape);
