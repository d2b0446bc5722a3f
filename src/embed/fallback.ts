// Asks the page's boot script (src/boot.js), which owns the static fallback, to show it: the
// preview image, a link to the full view and the reason, instead of controls that cannot work.
export type FallbackReason = 'data';

export function showFallback(reason: FallbackReason): void {
  document.dispatchEvent(new CustomEvent('chronomap:fail', { detail: reason }));
}
