// The checker on the real data (must pass) and on each broken fixture (must fail with its message).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { checkData, checkDataDir, reportLines } from '../../scripts/check-data';
import { formatProblem } from '../../src/model/problems';

const FIXTURES = 'tests/fixtures/bad-data';

describe('check-data', () => {
  it('passes the real data with no errors', () => {
    const errors = checkDataDir('data').filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([]);
  });

  it('passes the minimal good fixture with no problems at all but single-source warnings', () => {
    const problems = checkDataDir('tests/fixtures/good-data').filter((p) => !(p.severity === 'warning' && p.field === 'sources'));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  for (const name of readdirSync(FIXTURES)) {
    it(`reports ${name} precisely`, () => {
      const lines = checkDataDir(`${FIXTURES}/${name}`).filter((p) => p.severity === 'error').map(formatProblem);
      const expected = readFileSync(`${FIXTURES}/${name}/expected.txt`, 'utf8').trim().split('\n');
      for (const want of expected) {
        const parts = want.split('…');
        expect(lines.some((l) => parts.every((p) => l.includes(p))), `${want}\n  in:\n${lines.join('\n')}`).toBe(true);
      }
    });
  }

  it('exits non-zero from the command line on a bad folder, zero on the real data, 2 on an unknown flag', () => {
    expect(cli(`${FIXTURES}/invalid-date`).status).toBe(1);
    expect(cli('data').status).toBe(0);
    const unknown = cli('--bogus');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Unknown option '--bogus'\. usage: npm run check-data/)]);
  });
});

describe('check-data output', () => {
  const { problems, coverage } = checkData('data');
  const warnings = problems.filter((p) => p.severity === 'warning');

  it('counts the warnings by kind, one line each, and fits the real data in 25 lines', () => {
    const lines = reportLines(problems, 'data', false, coverage);
    expect(lines.length).toBeLessThanOrEqual(25);
    const singles = warnings.filter((p) => p.code === 'single-source').length;
    expect(singles).toBeGreaterThan(1);
    expect(lines).toContain(`warning: ${singles} records have a single source (--verbose lists them)`);
    expect(lines.filter((l) => l.startsWith('warning: '))).toHaveLength(new Set(warnings.map((p) => p.code)).size);
    expect(lines.at(-1)).toBe(`0 errors, ${warnings.length} warnings in data`);
  });

  it('lists every error, and one warning of a kind as "1 record"', () => {
    const lines = reportLines(checkDataDir(`${FIXTURES}/invalid-date`), 'x');
    expect(lines).toEqual([
      expect.stringContaining('events[1] id=ie-2022-10-26-closed: date "2022-13-01" is not a valid date'),
      'warning: 1 record has a single source (--verbose lists it)',
      '1 error, 1 warning in x',
    ]);
  });

  it('lists every warning with --verbose', () => {
    const lines = reportLines(problems, 'data', true);
    expect(lines).toEqual([...problems.map(formatProblem), `0 errors, ${warnings.length} warnings in data`]);
    expect(lines.filter((l) => l.includes(': warning: sources has a single source'))).toHaveLength(warnings.filter((p) => p.code === 'single-source').length);
  });

  it('says, for each language of the story, how many records have all their texts in it', () => {
    const nStations = (JSON.parse(readFileSync('data/stations.geojson', 'utf8')) as { features: unknown[] }).features.length;
    const nEvents = (JSON.parse(readFileSync('data/events.json', 'utf8')) as unknown[]).length;
    expect(reportLines(problems, 'data', false, coverage).slice(-4)).toEqual([
      `en: ${nStations}/${nStations} stations, ${nEvents}/${nEvents} events complete`,
      `zh-Hans: ${nStations}/${nStations} stations, ${nEvents}/${nEvents} events complete`,
      `zh-Hant: ${nStations}/${nStations} stations, ${nEvents}/${nEvents} events complete`,
      `0 errors, ${warnings.length} warnings in data`,
    ]);
  });

  it('prints the summary from the command line, and every warning with --verbose', () => {
    const summary = cli('data').stdout.trim().split('\n');
    expect(summary).toEqual(reportLines(problems, 'data', false, coverage));
    const verbose = cli('data', '--verbose');
    expect(verbose.status).toBe(0);
    expect(verbose.stdout.trim().split('\n')).toEqual(reportLines(problems, 'data', true, coverage));
  });
});

describe('languages', () => {
  /** A copy of the good fixture with its events edited. */
  async function withEvents(edit: (events: { id: string; title: Record<string, string>; summary: Record<string, string> }[]) => void): Promise<string> {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/languages-`);
    cpSync('tests/fixtures/good-data', dir, { recursive: true });
    const events = JSON.parse(readFileSync(`${dir}/events.json`, 'utf8'));
    edit(events);
    writeFileSync(`${dir}/events.json`, JSON.stringify(events, null, 1));
    return dir;
  }

  it('passes the example story, in each of its languages', () => {
    const { problems, coverage } = checkData('examples/euro-adoption');
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(coverage.map((c) => c.lang)).toEqual(JSON.parse(readFileSync('examples/euro-adoption/config.json', 'utf8')).languages);
    for (const c of coverage) expect(c.stations.complete === c.stations.total && c.events.complete === c.events.total, c.lang).toBe(true);
  });

  it('names the file, record and field of a text missing in a listed language, and counts the record incomplete', async () => {
    const dir = await withEvents((events) => {
      delete events[1].title['zh-Hant'];
    });
    const { problems, coverage } = checkData(dir);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([`${dir}/events.json: events[1] id=ie-2022-10-26-closed: title has no zh-Hant text`]);
    expect(reportLines(problems, 'x', false, coverage)).toContain('zh-Hant: 2/2 stations, 1/2 events complete');
    expect(reportLines(problems, 'x', false, coverage)).toContain('zh-Hans: 2/2 stations, 2/2 events complete');
  });

  it('names the characters of a Chinese text written in the other script', async () => {
    const dir = await withEvents((events) => {
      events[0].summary['zh-Hans'] = '一份非政府組織报告列出了多个海外服务站。';
      events[1].title['zh-Hant'] = '都柏林服务站關閉';
    });
    expect(checkDataDir(dir).filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      `${dir}/events.json: events[0] id=global-2022-09-12-report: summary.zh-Hans has traditional characters: 組 (zh-Hans 组), 織 (zh-Hans 织)`,
      `${dir}/events.json: events[1] id=ie-2022-10-26-closed: title.zh-Hant has simplified characters: 务 (zh-Hant 務)`,
    ]);
  });
});

function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('node', ['--import', 'tsx', 'scripts/check-data.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('JSON Schema files', () => {
  it('are up to date with the zod schema (run npm run schema)', async () => {
    const { jsonSchemas, schemaFileText } = await import('../../scripts/emit-schema');
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(readFileSync(`data/schema/${name}`, 'utf8'), name).toBe(schemaFileText(schema));
    }
  });
});

describe('changelog date', () => {
  it('must match config.dataUpdated', async () => {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/changelog-`);
    cpSync('tests/fixtures/good-data', dir, { recursive: true });
    writeFileSync(`${dir}/CHANGELOG.md`, '# Data changelog\n\n## 2020-01-01\n- first\n');
    const lines = checkDataDir(dir).filter((p) => p.severity === 'error').map(formatProblem);
    expect(lines.some((l) => l.includes('CHANGELOG.md: newest entry is 2020-01-01 but config.json dataUpdated is'))).toBe(true);
  });
});
