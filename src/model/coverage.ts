// Which texts the story has in each of its languages (config.json `languages`). The app falls back
// to English for a missing text; the checker holds the data to every listed language, so a reader
// of any of them gets the whole story in it.
import { EVENT_TEXT_FIELDS, STATION_TEXT_FIELDS } from './closed-lists';
import type { Localized } from './schema';
import type { Dataset, FileNames } from './validate';
import type { Problem } from './problems';

/** One reader-facing text of the data, all its languages, and where it is. */
export interface TextRef {
  readonly file: string;
  readonly collection: 'stations' | 'events' | 'config';
  /** The record's place in its file (-1 when unknown). */
  readonly index: number;
  readonly id?: string;
  /** The field as the checker names it: `title`, `about[1]`, `statuses[0].label`. */
  readonly field: string;
  readonly texts: Localized;
}

export interface RecordIndex {
  readonly stations: ReadonlyMap<string, number>;
  readonly events: ReadonlyMap<string, number>;
}

/** Every text of the stations, events and config, in file order. */
export function datasetTexts(dataset: Dataset, files: FileNames, index: RecordIndex): TextRef[] {
  const out: TextRef[] = [];
  for (const f of dataset.stations) {
    const p = f.properties;
    const ref = { file: files.stations, collection: 'stations', index: index.stations.get(p.id) ?? -1, id: p.id } as const;
    for (const field of STATION_TEXT_FIELDS) {
      const texts = p[field];
      if (texts) out.push({ ...ref, field, texts });
    }
  }
  for (const e of dataset.events) {
    const ref = { file: files.events, collection: 'events', index: index.events.get(e.id) ?? -1, id: e.id } as const;
    for (const field of EVENT_TEXT_FIELDS) {
      const texts = e[field];
      if (texts) out.push({ ...ref, field, texts });
    }
  }
  const c = dataset.config;
  const config = (field: string, texts: Localized): TextRef => ({ file: files.config, collection: 'config', index: 0, field, texts });
  out.push(config('title', c.title), config('standfirst', c.standfirst), config('credit', c.credit), ...c.about.map((t, i) => config(`about[${i}]`, t)), config('license', c.license));
  for (const key of ['statuses', 'responses', 'families', 'eventTypes'] as const) c[key].forEach((v, i) => out.push(config(`${key}[${i}].label`, v.label)));
  c.annotations?.forEach((a, i) => {
    out.push(config(`annotations[${i}].label`, a.label));
    if (a.short) out.push(config(`annotations[${i}].short`, a.short));
  });
  c.corrections?.forEach((x, i) => out.push(config(`corrections[${i}].text`, x.text)));
  return out;
}

export interface Count {
  readonly complete: number;
  readonly total: number;
}

export interface LanguageCoverage {
  readonly lang: string;
  /** Records with every one of their texts in this language. */
  readonly stations: Count;
  readonly events: Count;
}

/**
 * Per listed language, how many stations and events have all their texts in it; an error for
 * each text missing in a listed language, and a warning for each record's text in a language that
 * is not listed (no reader is offered it).
 */
export function textCoverage(texts: readonly TextRef[], languages: readonly string[]): { coverage: LanguageCoverage[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const records = { stations: new Set<string>(), events: new Set<string>() };
  const incomplete = new Map(languages.map((lang) => [lang, { stations: new Set<string>(), events: new Set<string>() }]));
  for (const t of texts) {
    const where = { file: t.file, collection: t.collection, index: t.index, id: t.id, field: t.field, skipsRecord: false };
    const key = t.id ?? t.field;
    if (t.collection !== 'config') records[t.collection].add(key);
    for (const lang of languages) {
      if (Object.hasOwn(t.texts, lang)) continue;
      problems.push({ ...where, severity: 'error', message: `has no ${lang} text` });
      if (t.collection !== 'config') incomplete.get(lang)![t.collection].add(key);
    }
    // The config may well carry the engine's words in more languages than the story is told in.
    if (t.collection === 'config') continue;
    for (const lang of Object.keys(t.texts)) {
      if (!languages.includes(lang)) problems.push({ ...where, severity: 'warning', code: 'unlisted-language', message: `has a ${lang} text, a language config.json does not list` });
    }
  }
  const count = (all: ReadonlySet<string>, missing: ReadonlySet<string>): Count => ({ complete: all.size - missing.size, total: all.size });
  const coverage = languages.map((lang) => {
    const missing = incomplete.get(lang)!;
    return { lang, stations: count(records.stations, missing.stations), events: count(records.events, missing.events) };
  });
  return { coverage, problems };
}

/** `zh-Hant: 82/82 stations, 143/143 events complete` */
export function coverageLine(c: LanguageCoverage): string {
  return `${c.lang}: ${c.stations.complete}/${c.stations.total} stations, ${c.events.complete}/${c.events.total} events complete`;
}
