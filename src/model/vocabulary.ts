// What the config's vocabularies say about a record: an event type's family, and its colours
// (its family's). One place, for the timeline, the panel, the legend and the build's page.
import type { Config, EventTypeDef, FamilyDef } from './schema.ts';

export interface TypeStyle {
  readonly type: EventTypeDef;
  readonly family: FamilyDef;
  readonly color: string;
  readonly darkColor: string;
}

export function typeStyles(config: Config): ReadonlyMap<string, TypeStyle> {
  const families = new Map(config.families.map((f) => [f.id, f]));
  return new Map(
    config.eventTypes.map((type) => {
      const family = families.get(type.family) ?? config.families[0];
      return [type.id, { type, family, color: family.color, darkColor: family.darkColor }];
    }),
  );
}

/** The types of each family, in the config's order. */
export function typesByFamily(config: Config): { readonly family: FamilyDef; readonly types: readonly EventTypeDef[] }[] {
  return config.families.map((family) => ({ family, types: config.eventTypes.filter((t) => t.family === family.id) }));
}
