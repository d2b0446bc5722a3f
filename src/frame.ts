/**
 * Resolves once the frame holding the current DOM (or canvas) changes has been handed to the
 * compositor: a rAF callback runs just before that frame is produced, and a task queued from it
 * runs after. Start-up waits on it between stages, so that a stage's long task (mounting the
 * controls, creating the WebGL context) does not hold back the frame of the stage before.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(nextTask())));
}

/** Resolves in a task of its own: what follows is not part of the current task. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the frame after the next one is under way. The browser does not start a frame's
 * work while the one before is still being drawn, so by then the frame answering an input (the
 * panel, the counts, the highlight) has gone to the screen: a camera move or a WebGL redraw
 * started now does not hold it back in a GPU process that composites slowly (software GL, a
 * phone's busy GPU).
 */
export function afterAnswerShown(): Promise<void> {
  return afterNextFrame().then(afterNextFrame);
}
