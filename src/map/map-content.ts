// What the map shows on a day, computed once for whichever map draws it (SVG or WebGL) and for
// the tooltips and keys: each station's icon and each country's response. Pure.
import { countryResponseAsOf, statusAsOf, type MapModel } from '../model/model';
import type { Day } from '../model/dates';

/** A station not yet reported on the day. */
export const HIDDEN = -1;

export interface MapContent {
  readonly day: Day;
  /** Per station: its status's index in the config's statuses, or HIDDEN. */
  readonly status: Int16Array;
  /** Per station: the atlas cell, 2 · status + 1 for a country-level place, or HIDDEN. */
  readonly cell: Int16Array;
  /** Per story country: its response id. */
  readonly response: ReadonlyMap<string, string>;
  readonly shown: number;
}

export function mapContent(model: MapModel, day: Day): MapContent {
  const statusIndex = new Map(model.config.statuses.map((s, i) => [s.id, i]));
  const status = new Int16Array(model.stations.length);
  const cell = new Int16Array(model.stations.length);
  let shown = 0;
  model.stations.forEach((s, i) => {
    const id = statusAsOf(model, s, day);
    const k = id === null ? HIDDEN : (statusIndex.get(id) ?? 0);
    status[i] = k;
    cell[i] = k === HIDDEN ? HIDDEN : 2 * k + (s.props.locationPrecision === 'country' ? 1 : 0);
    if (k !== HIDDEN) shown++;
  });
  const response = new Map(model.countries.map((iso) => [iso, countryResponseAsOf(model, iso, day)]));
  return { day, status, cell, response, shown };
}
