/** Timing helpers shared by the element and the engine's host. */

/** Runs a task just after the next frame is painted (at once, in a task, when the page is not shown). */
export function afterNextPaint(task: () => void): void {
  if (document.visibilityState !== 'visible') setTimeout(task, 0);
  else requestAnimationFrame(() => setTimeout(task, 0));
}

/** Runs a task when the browser is idle, within a second. */
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 200);
}

/** Resolves in a task of its own, so that what follows does not lengthen the task that awaits it. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
