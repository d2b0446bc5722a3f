// The scripts' flags (node:util's parseArgs, strict): an unknown flag prints one line of usage and exits 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const run = (script: string, ...args: string[]) => spawnSync('node', ['--import', 'tsx', `scripts/${script}`, ...args], { encoding: 'utf8' });

describe('command-line flags', () => {
  for (const script of ['check-data.ts', 'data-export.ts', 'data-import.ts', 'emit-schema.ts']) {
    it(`${script}: an unknown flag is a usage error (exit 2, one line)`, () => {
      const r = run(script, '--no-such-flag');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Unknown option '--no-such-flag'\. usage: npm run /)]);
    });
  }

  it('a flag without its value, or a folder too many, is a usage error too', () => {
    expect(run('data-import.ts', 'csv', '--out').status).toBe(2);
    expect(run('data-export.ts', 'a', 'b').status).toBe(2);
    expect(run('data-export.ts').status).toBe(2);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run('data-import.ts', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run data:import -- DIR \[--out OUTDIR\] \[--warnings\]/);
  });
});
