// Fetches a data file and decodes it into a string, off the main thread. At 100,000 events the
// events file is 27 MB: receiving and decoding it on the main thread took over half a second
// there, in the way of the first frames. The text is posted back (a copy, tens of milliseconds).
//
// The files to fetch first come in the worker's name: messages from the page reach a worker only
// once the page's main thread has heard that the worker started, and that thread is busy painting
// the first frame then (the fetches started over half a second late at 100,000 events).
import type { FetchReply, FetchRequest } from './fetch-off-main';
import { fetchText } from './fetch-text';

const scope = globalThis as unknown as { name: string; postMessage(reply: FetchReply): void; addEventListener(type: 'message', listener: (e: MessageEvent<FetchRequest>) => void): void };

const early = new Map<string, Promise<string>>();
for (const url of prefetchList(scope.name)) {
  const text = fetchText(url);
  text.catch(() => undefined); // Reported to whoever asks for it.
  early.set(url, text);
}

scope.addEventListener('message', (e) => {
  const { id, url } = e.data;
  const text = early.get(url) ?? fetchText(url);
  early.delete(url);
  text.then(
    (t) => scope.postMessage({ id, text: t }),
    (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
});

/** The worker's name: a JSON array of absolute URLs, or anything else (nothing to prefetch). */
function prefetchList(name: string): string[] {
  try {
    const list: unknown = JSON.parse(name);
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}
