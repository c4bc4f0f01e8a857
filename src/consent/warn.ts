const PREFIX = '[cookie-consent-banner]';
const said = new Set<string>();

/**
 * Tells the site owner about bad input, once per distinct message, without throwing.
 * Bad input always gets a warning and a safe default; nothing here may break the page.
 */
export function warn(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`${PREFIX} ${message}`);
}
