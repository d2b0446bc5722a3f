// A file of our own origin as text, given up when it stops arriving: shared by the loader (main
// thread) and the worker that fetches the big data files.
const IDLE_TIMEOUT_MS = 8000;

/**
 * Aborted only when nothing has arrived for 8 s (the response headers, then each chunk of the
 * body, start the wait again), so a big file on a slow link is not cut off while it still arrives.
 * `readAfter`: the body is read (decoded into one string, a long task for a big file) only once it
 * resolves; no timer runs while waiting for it.
 */
export async function fetchText(url: string, readAfter?: Promise<void>): Promise<string> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitForBytes = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  };
  waitForBytes();
  try {
    const res = await fetch(url, { signal: controller.signal, credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (readAfter) {
      clearTimeout(timer);
      await readAfter;
    }
    if (!res.body) return '';
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    for (;;) {
      waitForBytes();
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } catch (err) {
    if (controller.signal.aborted) throw new Error('timed out');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
