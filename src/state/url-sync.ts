// Keeps the page URL in step with the state. replaceState is throttled: browsers (Safari) refuse
// more than about 100 updates in 30 s, and a brush drag makes hundreds.
export function throttledUrlWriter(write: (query: string) => void, intervalMs = 350): (query: string) => void {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = 0;
  const flush = () => {
    timer = null;
    if (pending === null) return;
    lastWrite = Date.now();
    write(pending);
    pending = null;
  };
  return (query: string) => {
    pending = query;
    if (timer !== null) return;
    const wait = Math.max(0, intervalMs - (Date.now() - lastWrite));
    timer = setTimeout(flush, wait);
  };
}
