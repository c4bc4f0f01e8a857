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

/**
 * Reports a configuration that would make the banner unlawful (a tracker listed as necessary, say),
 * once per distinct message. The banner still works, with the safe reading of the configuration.
 */
export function fail(code: string, message: string): void {
  const text = `${PREFIX} ${code}: ${message}`;
  if (said.has(text)) return;
  said.add(text);
  console.error(text);
}
