/**
 * Resolves once the frame holding the current DOM (or canvas) changes has been handed to the
 * compositor: a rAF callback runs just before that frame is produced, and a task queued from it
 * runs after. Performance marks use it so that "painted" means painted, not merely in the DOM.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
