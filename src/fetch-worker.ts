// Fetches a data file and decodes it into a string, off the main thread. At 100,000 events the
// events file is 27 MB: receiving and decoding it on the main thread took over half a second
// there, in the way of the first frames. The text is posted back (a copy, tens of milliseconds).
import type { FetchReply, FetchRequest } from './fetch-off-main';

const TIMEOUT_MS = 8000;
const scope = globalThis as unknown as { postMessage(reply: FetchReply): void; addEventListener(type: 'message', listener: (e: MessageEvent<FetchRequest>) => void): void };

scope.addEventListener('message', (e) => {
  const { id, url } = e.data;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  fetch(url, { signal: controller.signal, credentials: 'same-origin', cache: 'no-cache' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.text();
    })
    .then(
      (text) => scope.postMessage({ id, text }),
      (err: unknown) => scope.postMessage({ id, error: controller.signal.aborted ? 'timed out' : err instanceof Error ? err.message : String(err) }),
    )
    .finally(() => clearTimeout(timer));
});
