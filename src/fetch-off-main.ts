// The main thread's side of src/fetch-worker.ts: one worker, started on first use, answering
// requests by id. Where workers are unavailable (or the worker fails to start) callers fetch on
// the main thread instead.
export interface FetchRequest {
  readonly id: number;
  readonly url: string;
}

export interface FetchReply {
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

export class WorkerUnavailable extends Error {}

interface Pending {
  resolve(text: string): void;
  reject(err: Error): void;
}

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./fetch-worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (e: MessageEvent<FetchReply>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.text !== undefined) p?.resolve(e.data.text);
      else p?.reject(new Error(e.data.error ?? 'failed'));
    });
    w.addEventListener('error', () => {
      // The script did not load (a policy without worker-src, say): everything waiting falls back.
      worker = null;
      for (const p of pending.values()) p.reject(new WorkerUnavailable());
      pending.clear();
    });
    return w;
  } catch {
    return null;
  }
}

const started = new Map<string, Promise<string>>();

/**
 * Starts fetching files before anyone asks for them; `fetchTextOffMain` picks each up once. The
 * `first` are asked for at once, the `then` once the `first` have arrived (or failed), so that
 * they do not share the network and a core with them. A request reaches a new worker only once
 * the page's main thread has heard that it started, which at 100,000 events is after the first
 * map frame.
 */
export function prefetchOffMain(first: readonly string[], then: readonly string[]): void {
  const firstTexts = first.map((url) => prefetch(url, () => request(url)));
  const arrived = Promise.allSettled(firstTexts);
  for (const url of then) prefetch(url, () => arrived.then(() => request(url)));
}

function prefetch(url: string, start: () => Promise<string>): Promise<string> {
  const text = start();
  text.catch(() => undefined); // Handled by whoever picks it up.
  started.set(url, text);
  return text;
}

/** The file's text, fetched and decoded in the worker; rejects with WorkerUnavailable when there is none. */
export function fetchTextOffMain(url: string): Promise<string> {
  const early = started.get(url);
  started.delete(url);
  return early ?? request(url);
}

function request(url: string): Promise<string> {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (!w) return Promise.reject(new WorkerUnavailable());
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, url: absolute(url) } satisfies FetchRequest);
  });
}

const absolute = (url: string) => new URL(url, document.baseURI).href;
