// The checker on the real data (must pass) and on each broken fixture (must fail with its message).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { checkDataDir } from '../../scripts/check-data';
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

  it('exits non-zero from the command line on a bad folder, zero on the real data', () => {
    const run = (dir: string) => {
      try {
        execFileSync('node', ['--import', 'tsx', 'scripts/check-data.ts', dir], { encoding: 'utf8' });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect(run(`${FIXTURES}/invalid-date`)).toBe(1);
    expect(run('data')).toBe(0);
  });
});

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
