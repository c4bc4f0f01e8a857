/** Small DOM helpers shared by the element and its controllers. */

/** What can take focus on the page: disabled controls cannot, so they are never picked. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Whether an element is rendered; `checkVisibility()` where the browser has it (Safari < 17.4 does not). */
export function isVisible(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

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
