import type { Report, Warnings } from './warn.js';

/**
 * `warn.ts` as the banner's UI chunk has it in the build for plain pages (scripts/build.mjs puts this module in its
 * place there): that chunk is built apart from the entry, and a copy of `warn.ts` in it would keep its own set of
 * lines already said, so a problem both parts meet (a page that may not use cookies: the entry's read and the
 * choice's write) would be printed twice. These pass every line to the entry's functions, connected when the UI is
 * made (`relayWarnings`), so the page has one set. Before that (nothing in the chunk prints while it loads), a line
 * goes to the console as it is.
 */
let shell: Warnings | undefined;

/** Prints through the entry's functions from now on. */
export function relayWarnings(to: Warnings): void {
  shell = to;
}

export function warn(message: string): void {
  if (shell) shell.warn(message);
  else console.warn(`[cookie-consent-banner] ${message}`);
}

export const report: Report = (key, ...args) => {
  if (shell) shell.report(key, ...args);
  else console.warn(`[cookie-consent-banner] ${[key, ...args].join(' ')}`);
};
