// The one-off migration from string texts (and *Zh fields) to texts per language: the diff it
// makes is only the change, it changes nothing twice, and its output is in the schema.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDir, migrateFileText, migrateRecord, type DataFile } from '../../scripts/migrate-localized';
import { eventSchema, stationFeatureSchema } from '../../src/model/schema';

const FIXTURE = 'tests/fixtures/migrate-localized';
const FILES: readonly DataFile[] = ['stations.geojson', 'events.json'];
const read = (dir: string, file: string) => readFileSync(`${FIXTURE}/${dir}/${file}`, 'utf8');

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('migrating to texts per language', () => {
  it('writes each file as the old one, but for the texts (key order, indentation, "35.0" kept)', () => {
    for (const file of FILES) {
      const result = migrateFileText(file, read('before', file));
      expect(result.kind, file).toBe('migrated');
      if (result.kind === 'migrated') expect(result.text, file).toBe(read('after', file));
    }
    expect(read('after', 'stations.geojson')).toContain('          35.0\n');
  });

  it('folds each *Zh field into its text as zh-Hans, and makes the other texts English-only', () => {
    const record = { id: 'x', title: 'T', titleZh: '标题', summary: 'S', actor: 'A', disputed: 'D', sources: ['s'] };
    const migrated = migrateRecord(record, ['actor', 'title', 'summary', 'disputed']);
    expect(migrated).toEqual({ id: 'x', title: { en: 'T', 'zh-Hans': '标题' }, summary: { en: 'S' }, actor: { en: 'A' }, disputed: { en: 'D' }, sources: ['s'] });
    expect(Object.keys(migrated)).toEqual(['id', 'title', 'summary', 'actor', 'disputed', 'sources']);
  });

  it('leaves what is not an old text alone: a text already per language, a wrong type for the checker to report', () => {
    const record = { title: { en: 'T', 'zh-Hant': '標題' }, summary: 12, actor: 'A' };
    expect(migrateRecord(record, ['title', 'summary', 'actor'])).toEqual({ title: { en: 'T', 'zh-Hant': '標題' }, summary: 12, actor: { en: 'A' } });
  });

  it('gives records of the schema', () => {
    const stations = JSON.parse(read('after', 'stations.geojson')) as { features: unknown[] };
    for (const f of stations.features) expect(stationFeatureSchema.safeParse(f).success).toBe(true);
    for (const e of JSON.parse(read('after', 'events.json')) as unknown[]) expect(eventSchema.safeParse(e).success).toBe(true);
  });

  it('changes nothing the second time', () => {
    for (const file of FILES) expect(migrateFileText(file, read('after', file))).toEqual({ kind: 'unchanged' });
  });

  it('does not rewrite a file written another way, where its diff would be more than the change', () => {
    const before = read('before', 'events.json');
    expect(migrateFileText('events.json', before.replace('"title": "Patrol', '"title":  "Patrol')).kind).toBe('skipped');
    expect(migrateFileText('events.json', before.replace('A second report.', 'A second r\\u00e9port.')).kind).toBe('skipped');
    // One written on one line is still written the way JSON.stringify writes it.
    expect(migrateFileText('events.json', JSON.stringify(JSON.parse(before))).kind).toBe('migrated');
    expect(migrateFileText('events.json', '[{"id": ').kind).toBe('skipped');
  });

  it('rewrites a folder in place and says what it did', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    temps.push(dir);
    cpSync(`${FIXTURE}/before`, dir, { recursive: true });
    expect(migrateDir(dir).map((l) => l.replace(`${dir}/`, ''))).toEqual(['stations.geojson: 2 records migrated', 'events.json: 2 records migrated']);
    for (const file of FILES) expect(readFileSync(join(dir, file), 'utf8')).toBe(read('after', file));
    expect(migrateDir(dir).map((l) => l.replace(`${dir}/`, ''))).toEqual(['stations.geojson: nothing to migrate', 'events.json: nothing to migrate']);
  });
});
