// Fetches a data file and decodes it into a string, off the main thread. At 100,000 events the
// events file is 27 MB: receiving and decoding it on the main thread took over half a second
// there, in the way of the first frames. The text is posted back (a copy, tens of milliseconds).
import type { FetchReply, FetchRequest } from './fetch-off-main';
import { fetchText } from './fetch-text';

const scope = globalThis as unknown as { postMessage(reply: FetchReply): void; addEventListener(type: 'message', listener: (e: MessageEvent<FetchRequest>) => void): void };

scope.addEventListener('message', (e) => {
  const { id, url } = e.data;
  fetchText(url).then(
    (t) => scope.postMessage({ id, text: t }),
    (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
});
