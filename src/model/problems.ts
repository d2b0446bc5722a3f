// A problem found in the data, precise enough for an editor to find and fix it:
// `data/events.json: events[12] id=nl-closure-order: date "2022-13-01" is not a valid date`.

export type Severity = 'error' | 'warning';

/** What a warning is about, stable across wordings: the checker counts warnings by it. */
export type WarningCode = 'bom' | 'unknown-message' | 'single-source' | 'source-kind-other' | 'status-order' | 'no-shape' | 'unlisted-language';

export interface Problem {
  readonly severity: Severity;
  /** The file as the reader knows it, e.g. `data/events.json`. */
  readonly file: string;
  /** The collection inside the file (`stations`, `events`, `sources`), absent for file-level problems. */
  readonly collection?: string;
  readonly index?: number;
  readonly id?: string;
  readonly field?: string;
  readonly message: string;
  /** True when the app leaves the record out because of this problem. */
  readonly skipsRecord: boolean;
  /** Set on warnings. */
  readonly code?: WarningCode;
}

export function formatProblem(p: Problem): string {
  const where: string[] = [p.file];
  if (p.collection !== undefined && p.index !== undefined) {
    where.push(`${p.collection}[${p.index}]${p.id !== undefined ? ` id=${p.id}` : ''}`);
  }
  const what = p.field !== undefined ? `${p.field} ${p.message}` : p.message;
  return `${where.join(': ')}: ${p.severity === 'warning' ? 'warning: ' : ''}${what}`;
}

/** A short, safe rendering of a bad value for a message (never the whole of a 1 MB string). */
export function describeValue(value: unknown): string {
  let s: string;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
