/** What focus may move to; used with the view only (the entry never moves focus). */

/** What can take focus on the page: disabled controls cannot, so they are never picked. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Whether an element is rendered; `checkVisibility()` where the browser has it (Safari < 17.4 does not). */
export function isVisible(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}
