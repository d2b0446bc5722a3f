// npm run schema: writes data/schema/*.schema.json from the zod schema, for editors and other tools.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { configSchema, eventSchema, sourceSchema, stationFeatureSchema, storySchema } from '../src/model/schema';
import { isMainModule } from './lib/paths';
import { helpExit, parseFlags } from './lib/args';

export function jsonSchemas(): Record<string, unknown> {
  const doc = (title: string, schema: z.ZodMiniType) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    ...z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }),
  });
  return {
    'stations.schema.json': {
      ...doc('chronomap stations (GeoJSON FeatureCollection)', z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(stationFeatureSchema) })),
    },
    'events.schema.json': doc('chronomap events', z.array(eventSchema)),
    'sources.schema.json': doc('chronomap sources', z.array(sourceSchema)),
    'config.schema.json': doc('chronomap story config', configSchema),
    'story.schema.json': doc('chronomap story steps (the guided tour)', storySchema),
  };
}

export function schemaFileText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const USAGE = 'usage: npm run schema   (writes data/schema/*.schema.json; takes no arguments)';
  if (parseFlags({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }, USAGE).values.help) helpExit(USAGE);
  mkdirSync('data/schema', { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(`data/schema/${name}`, schemaFileText(schema));
  console.log('wrote data/schema/*.schema.json');
}
