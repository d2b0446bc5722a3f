// A file of our own origin as text, given up after a while: shared by the loader (main thread)
// and the worker that fetches the big data files.
const FETCH_TIMEOUT_MS = 8000;

/** `readAfter`: the body is read (decoded into one string, a long task for a big file) only once it resolves. */
export async function fetchText(url: string, readAfter?: Promise<void>): Promise<string> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (readAfter) {
      clearTimeout(timer);
      await readAfter;
      timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    }
    return await res.text();
  } catch (err) {
    if (controller.signal.aborted) throw new Error('timed out');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
