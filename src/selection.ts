// What a selection means across views: which stations and events it highlights.
import type { MapModel, Model, PlacedStation, Station, TimedEvent } from './model/model';
import type { Selection } from './state/state';

export function highlightedStations(model: Model, selection: Selection | null): Station[];
export function highlightedStations(model: MapModel, selection: Selection | null): PlacedStation[];
export function highlightedStations(model: MapModel, selection: Selection | null): PlacedStation[] {
  if (!selection) return [];
  if (selection.kind === 'station') return model.stationById.has(selection.id) ? [model.stationById.get(selection.id)!] : [];
  if (selection.kind === 'country') return [...(model.stationsByCountry.get(selection.id) ?? [])];
  const e = model.eventById.get(selection.id);
  return (e?.stationIds ?? []).map((id) => model.stationById.get(id)).filter((s): s is PlacedStation => s !== undefined);
}

export function highlightedEvents(model: Model, selection: Selection | null): Set<TimedEvent> {
  if (!selection) return new Set();
  if (selection.kind === 'station') return new Set(model.eventsByStation.get(selection.id) ?? []);
  if (selection.kind === 'country') return new Set(model.eventsByCountry.get(selection.id) ?? []);
  const e = model.eventById.get(selection.id);
  return new Set(e ? [e] : []);
}
