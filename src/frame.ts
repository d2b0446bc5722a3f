/**
 * Resolves once the frame holding the current DOM (or canvas) changes has been handed to the
 * compositor: a rAF callback runs just before that frame is produced, and a task queued from it
 * runs after. Start-up waits on it between stages, so that a stage's long task (mounting the
 * controls, creating the WebGL context) does not hold back the frame of the stage before.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
