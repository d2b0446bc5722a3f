// What the state may refer to, from the story: its days, its default range, the ids that exist,
// its types and languages. One definition for the app and for the build's prerendered page.
import { dateSpan } from '../model/dates.ts';
import type { MapModel } from '../model/model.ts';
import type { StoryStep } from '../model/schema.ts';
import type { IdSet, StateContext, StatePatch } from './state.ts';
import { patchFromFields } from './fields.ts';

/** Any event id, until the events are in: what the URL names is kept, and judged then. */
export const ANY_ID: IdSet = { has: () => true };

export function stateContext(model: MapModel, eventIds: IdSet, languages: readonly string[], steps: readonly StoryStep[] = []): StateContext {
  const { config } = model;
  const clamp = (d: number) => Math.min(model.end, Math.max(model.start, d));
  const ctx: StateContext = {
    start: model.start,
    end: model.end,
    // The story's own start, else its first event known to the day: never the 1 January of an
    // event known only to its year.
    defaultFrom: config.defaultView.from ? clamp(dateSpan(config.defaultView.from).start) : (model.firstDated ?? model.start),
    defaultTo: config.defaultView.to ? clamp(dateSpan(config.defaultView.to).end) : model.end,
    stationIds: model.stationById,
    countryIds: new Set(model.countries),
    eventIds,
    types: config.eventTypes.map((t) => t.id),
    langs: languages,
    defaultLang: languages[0] ?? 'en',
    canonical: (kind, id) => (kind === 'station' ? model.aliases.stations.get(id) : kind === 'event' ? model.aliases.events.get(id) : undefined) ?? id,
  };
  return steps.length > 0 ? { ...ctx, steps: stepViews(steps, ctx) } : ctx;
}

/**
 * Each step's view as a patch that sets every field the map, the timeline and the panel show:
 * what the step leaves out is the default (the default range's start, no selection, every type,
 * the camera framing the selection), so that a step looks the same from wherever the reader comes.
 */
export function stepViews(steps: readonly StoryStep[], ctx: StateContext): Map<string, StatePatch> {
  const views = new Map<string, StatePatch>();
  for (const step of steps) {
    const p = patchFromFields(step.state);
    const to = p.to ?? ctx.defaultTo;
    views.set(step.id, {
      from: p.from ?? Math.min(ctx.defaultFrom, to),
      to,
      selection: p.selection ?? null,
      types: p.types ?? ctx.types,
      camera: p.camera ?? null,
      view: 'map',
    });
  }
  return views;
}
