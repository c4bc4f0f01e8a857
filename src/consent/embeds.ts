/**
 * Set on a blocked embed by its placeholder's "Load this once" (src/view/placeholders.ts): the gate loads it for
 * this page view, and stores nothing.
 */
export const ONCE = 'data-consent-once';
