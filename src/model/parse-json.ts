// Turns a file's text into JSON, with problems an editor can act on instead of a stack trace.
import type { Problem } from './problems';

export interface ParsedFile {
  /** The parsed value, or undefined when the text is not usable JSON. */
  readonly value: unknown;
  readonly problems: readonly Problem[];
}

const fileProblem = (file: string, message: string, severity: 'error' | 'warning' = 'error'): Problem => ({
  file,
  severity,
  message,
  skipsRecord: false,
});

export function parseJsonText(text: string, file: string): ParsedFile {
  const problems: Problem[] = [];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    // Spreadsheet tools add a BOM; it carries no data, so read on but say so.
    problems.push({ ...fileProblem(file, 'starts with a byte-order mark (BOM); save it as UTF-8 without BOM', 'warning'), code: 'bom' });
    body = body.slice(1);
  }
  if (body.trim() === '') return { value: undefined, problems: [...problems, fileProblem(file, 'is empty')] };
  try {
    return { value: JSON.parse(body), problems };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { value: undefined, problems: [...problems, fileProblem(file, `is not valid JSON (${lineAndColumn(body, detail)})`)] };
  }
}

/** V8 reports "at position N"; editors want a line and column. */
function lineAndColumn(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')}; line ${line}, column ${column}`;
}
