// Text from data is never parsed as HTML: no HTML sinks anywhere in the app's source.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

const SINKS = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\.html\(/, /\bnew Function\b/, /\beval\(/, /createContextualFragment/, /DOMParser/, /srcdoc/];

describe('HTML sinks', () => {
  it('none in src/ or public/', () => {
    const hits: string[] = [];
    for (const file of [...files('src'), ...files('public')]) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const sink of SINKS) if (sink.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
  it('the lint itself catches a sink', () => {
    expect(SINKS.some((s) => s.test('node.innerHTML = title;'))).toBe(true);
    expect(SINKS.some((s) => s.test("sel.html('<b>')"))).toBe(true);
  });
});
