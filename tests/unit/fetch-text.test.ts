// fetchText gives up only when nothing has arrived for 8 s, not 8 s after it started.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchText } from '../../src/fetch-text';

/**
 * A fake fetch whose body sends `chunks` one at a time, `everyMs` apart (each once the previous one
 * has been read), then ends or, with `stall`, sends nothing more. Aborting the request errors the
 * body, as a browser's fetch does. `reads` counts the chunks asked for.
 */
function fakeFetch(chunks: readonly (string | Uint8Array)[], everyMs: number, options: { stall?: boolean } = {}) {
  const calls = { reads: 0 };
  const fetchFn = (_url: string, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
        pull(controller) {
          calls.reads++;
          if (sent === chunks.length) {
            if (options.stall) return new Promise<void>(() => undefined); // no more bytes, ever
            controller.close();
            return;
          }
          return new Promise<void>((resolve) =>
            setTimeout(() => {
              const chunk = chunks[sent++];
              if (!signal?.aborted) controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
              resolve();
            }, everyMs),
          );
        },
      },
      // Nothing is pulled before the reader asks: the body waits for readAfter as a network would.
      { highWaterMark: 0 },
    );
    return Promise.resolve(new Response(body, { status: 200 }));
  };
  return { fetchFn, calls };
}

describe('fetchText', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('completes a slow but steady body, however long it takes in all', async () => {
    // 30 chunks 5 s apart: 150 s in all, but never 8 s without bytes. The chunks cut through
    // multi-byte characters, which still decode whole.
    const text = '警侨服务站 station, '.repeat(40);
    const bytes = new TextEncoder().encode(text);
    const size = Math.ceil(bytes.length / 30);
    const chunks = Array.from({ length: 30 }, (_, i) => bytes.slice(i * size, (i + 1) * size));
    const { fetchFn } = fakeFetch(chunks, 5000);
    vi.stubGlobal('fetch', fetchFn);
    const result = fetchText('/data/events.json');
    const failed = vi.fn();
    result.catch(failed);
    await vi.advanceTimersByTimeAsync(30 * 5000 + 100);
    expect(failed).not.toHaveBeenCalled();
    await expect(result).resolves.toBe(text);
  });

  it('times out a body that stops arriving, 8 s after its last bytes', async () => {
    const { fetchFn } = fakeFetch(['{"a":', '1'], 1000, { stall: true });
    vi.stubGlobal('fetch', fetchFn);
    const result = fetchText('/data/events.json');
    const failed = vi.fn();
    result.catch(failed);
    await vi.advanceTimersByTimeAsync(2000 + 7900); // the last bytes at 2 s, then silence
    expect(failed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(failed).toHaveBeenCalledWith(new Error('timed out'));
  });

  it('times out a response whose headers never come', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const result = fetchText('/data/events.json');
    const failed = vi.fn();
    result.catch(failed);
    await vi.advanceTimersByTimeAsync(7900);
    expect(failed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(failed).toHaveBeenCalledWith(new Error('timed out'));
  });

  it('reads the body only once readAfter resolves, with no timer running while it waits', async () => {
    const { fetchFn, calls } = fakeFetch(['[1,', '2]'], 1000);
    vi.stubGlobal('fetch', fetchFn);
    let go = () => {};
    const readAfter = new Promise<void>((resolve) => (go = resolve));
    const result = fetchText('/data/events.json', readAfter);
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).not.toHaveBeenCalled();
    expect(calls.reads).toBe(0);
    go();
    await vi.advanceTimersByTimeAsync(2100);
    await expect(result).resolves.toBe('[1,2]');
  });

  it('rejects an HTTP error', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('missing', { status: 404 })));
    await expect(fetchText('/data/events.json')).rejects.toThrow('HTTP 404');
  });
});
