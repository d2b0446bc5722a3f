// The checker on hostile data: every planted problem is named by file, record and field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDataDir } from '../../scripts/check-data';
import { formatProblem } from '../../src/model/problems';

const DIR = 'tests/fixtures/hostile/dataset';

describe('checker on the hostile corpus', () => {
  const lines = checkDataDir(DIR).map(formatProblem);
  const expectLine = (...parts: string[]) => expect(lines.some((l) => parts.every((p) => l.includes(p))), `${parts.join(' … ')}\n${lines.join('\n').slice(0, 3000)}`).toBe(true);

  it('reports unsafe URLs', () => {
    expectLine('sources.json: sources[2] id=bad-js-url: url "javascript:', 'is not an http(s) URL');
    expectLine('sources.json: sources[3] id=bad-data-url: url "data:text/html', 'is not an http(s) URL');
    expectLine('sources.json: sources[4] id=bad-vbscript-url: url "vbscript:msgbox(1)" is not an http(s) URL');
  });
  it('reports 1 MB strings without printing them', () => {
    expectLine('sources[5] id=bad-huge-title: title "AAAA', 'is longer than 300 characters');
    expectLine('events[5] id=bad-huge-summary: summary.en "AAAA', 'is longer than 1200 characters');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
  });
  it('reports invalid and future dates', () => {
    expectLine('events[2] id=bad-invalid-date: date "2022-02-30" is not a valid date');
    expectLine('events[3] id=bad-future-date: date "2999-01-01" is in the future');
    expectLine('sources[7] id=bad-future: published "2999-01-01" is in the future');
    expectLine('stations[8] id=bad-date: firstReported.date "2022-02-30" is not a valid date');
  });
  it('reports NaN, infinite and out-of-range coordinates', () => {
    expectLine('stations[2] id=bad-nan: geometry.coordinates[0] "NaN" should be a number');
    expectLine('stations[3] id=bad-lat: geometry.coordinates[1] 100 is not a latitude');
    expectLine('stations[4] id=bad-inf: geometry.coordinates[0] Infinity');
  });
  it('reports duplicate ids, dangling references and wrong types', () => {
    expectLine('stations[5] id=ie-dublin: id "ie-dublin" is used by another station too');
    expectLine('sources[6] id=ok-news: id "ok-news" is used by another source too');
    expectLine('events[6] id=ie-2022-10-01-statement: id "ie-2022-10-01-statement" is used by another event too');
    expectLine('stations[6] id=bad-dangling-source: sources[0] "no-such-source" is not a source');
    expectLine('events[4] id=bad-dangling-station: stationIds[0] "no-such-station" is not a station');
    expectLine('stations[7] id=bad-wrong-type: name 12345 should be a text per language');
    expectLine('events[7] id=bad-wrong-type: date 20221001 should be a string');
    expectLine('sources[8] id=bad-kind: kind 5 is not one of');
    expectLine('events[8] id=bad-type: type "<script>" is not a slug');
  });
  it('warns about a BOM and reads on', () => {
    expectLine('stations.geojson: warning: starts with a byte-order mark');
  });
  it('reports an empty file and truncated JSON', () => {
    expect(checkDataDir('tests/fixtures/hostile/empty').map(formatProblem)).toContain('tests/fixtures/hostile/empty/events.json: is empty');
    expect(checkDataDir('tests/fixtures/hostile/truncated').map(formatProblem).some((l) => l.startsWith('tests/fixtures/hostile/truncated/sources.json: is not valid JSON') && l.includes('line 1, column'))).toBe(true);
  });
  it('keeps the valid records with their hostile-looking text as plain data', () => {
    const raw = JSON.parse(readFileSync(`${DIR}/events.json`, 'utf8')) as { id: string }[];
    expect(raw[0].id).toBe('ie-2022-10-01-statement');
    expect(lines.some((l) => l.includes('events[0] id=ie-2022-10-01-statement: title'))).toBe(false);
  });
});
