// The data's closed lists, apart from the schema (schema.ts) so that the first map paint can read
// them without loading zod: the schema and its validation load only when data needs checking.
import type { ChronoEvent, StationProperties } from './schema.ts';

export const PRECISIONS = ['day', 'month', 'year'] as const;
export const LOCATION_PRECISIONS = ['city', 'country'] as const;
export const SOURCE_KINDS = ['government', 'ngo', 'news', 'other'] as const;
export const ACTOR_KINDS = ['host-government', 'chinese-government', 'legislature', 'ngo', 'media', 'other'] as const;

/** The reader-facing texts of each kind of record: the fields that are `Localized`. */
export const STATION_TEXT_FIELDS = ['name', 'city', 'operator', 'firstReportedBy', 'note'] as const satisfies readonly (keyof StationProperties)[];
export const EVENT_TEXT_FIELDS = ['actor', 'title', 'summary', 'disputed'] as const satisfies readonly (keyof ChronoEvent)[];
