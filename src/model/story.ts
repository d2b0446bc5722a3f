// story.json, checked against the data: each step's view must name stations, countries, events
// and types that exist and dates the story covers, in every language of the story. A bad step is
// reported (file, step, field) and left out; the others are kept. The checker and the app share this.
import { storyStepSchema, type StoryStep } from './schema.ts';
import { parseRecord, ProblemList, idOf, type RecordRef } from './validate.ts';
import { parseDay, formatDay, type Day } from './dates.ts';
import { cameraFromField } from '../map/camera.ts';
import type { Problem } from './problems.ts';

export interface Story {
  readonly steps: readonly StoryStep[];
}

/** What a step may refer to (the app's state context satisfies it). */
export interface StoryRefs {
  readonly start: Day;
  readonly end: Day;
  readonly stationIds: { has(id: string): boolean };
  readonly countryIds: { has(id: string): boolean };
  readonly eventIds: { has(id: string): boolean };
  readonly types: readonly string[];
  /** A record's id for one of its former ids (aliases), or the id itself. */
  readonly canonical?: (kind: 'station' | 'country' | 'event', id: string) => string;
}

export const STORY_FILE = 'story.json';

export function validateStory(raw: unknown, refs: StoryRefs, languages: readonly string[], file = `data/${STORY_FILE}`): { story: Story; problems: Problem[] } {
  const problems = new ProblemList(true);
  const steps: StoryStep[] = [];
  const list = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(list)) {
    problems.file(file, 'should hold an object with a "steps" array');
    return { story: { steps }, problems: problems.items };
  }
  const unknownKeys = Object.keys(raw as object).filter((k) => k !== 'steps');
  if (unknownKeys.length > 0) problems.file(file, `${unknownKeys[0]} is not a known field`);
  const seen = new Set<string>();
  list.forEach((record, index) => {
    const ref: RecordRef = { file, collection: 'steps', index, id: idOf(record, ['id']) };
    const step = parseRecord(storyStepSchema, record, ref, problems, false);
    if (!step) return;
    if (seen.has(step.id)) return problems.add(ref, 'error', 'id', `"${step.id}" is used by another step too`, true);
    seen.add(step.id);
    if (!referencesExist(step, ref, refs, problems)) return;
    // A missing language is the checker's error, but the app still shows the step (in English).
    for (const field of ['title', 'text'] as const) {
      for (const lang of languages) if (!Object.hasOwn(step[field], lang)) problems.add(ref, 'error', `${field}.${lang}`, `is missing: config.json lists "${lang}"`, false);
    }
    steps.push(step);
  });
  return { story: { steps }, problems: problems.items };
}

function referencesExist(step: StoryStep, ref: RecordRef, refs: StoryRefs, problems: ProblemList): boolean {
  const s = step.state;
  let ok = true;
  const bad = (field: string, message: string) => {
    problems.add(ref, 'error', `state.${field}`, message, true);
    ok = false;
  };
  const canonical = (kind: 'station' | 'country' | 'event', id: string) => refs.canonical?.(kind, id) ?? id;
  if (s.station !== undefined && !refs.stationIds.has(canonical('station', s.station))) bad('station', `"${s.station}" is not a station`);
  if (s.country !== undefined && !refs.countryIds.has(s.country)) bad('country', `"${s.country}" has no station or event`);
  if (s.event !== undefined && !refs.eventIds.has(canonical('event', s.event))) bad('event', `"${s.event}" is not an event`);
  for (const t of s.types ?? []) if (!refs.types.includes(t)) bad('types', `"${t}" is not an event type`);
  const within = (field: 'from' | 'to') => {
    const text = s[field];
    if (text === undefined) return;
    const day = parseDay(text);
    if (day === null || day < refs.start || day > refs.end) bad(field, `"${text}" is outside the story (${formatDay(refs.start)} to ${formatDay(refs.end)})`);
  };
  within('from');
  within('to');
  if (s.from !== undefined && s.from > s.to) bad('from', `"${s.from}" is after to ("${s.to}")`);
  if (s.camera !== undefined && !cameraFromField(s.camera)) bad('camera', 'is not a camera: {"lon", "lat", "zoom"} or "zoom/lat/lon", zoom 0 to 24');
  return ok;
}
