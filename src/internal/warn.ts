import type { Messages } from './messages.js';

const PREFIX = '[cookie-consent-banner]';
const said = new Set<string>();

/** Prints a line once per page, whatever printed it. */
function print(error: boolean, line: string): void {
  if (said.has(line)) return;
  said.add(line);
  if (error) console.error(line);
  else console.warn(line);
}

/**
 * Tells the site owner about bad input, once per distinct message, without throwing.
 * Bad input always gets a warning and a safe default; nothing here may break the page.
 * For a text at hand (the UI's, the gate's); the shell's own texts go through `report`.
 */
export function warn(message: string): void {
  print(false, `${PREFIX} ${message}`);
}

/**
 * Reports a configuration that would make the banner unlawful (a tracker listed as necessary, say),
 * once per distinct message. The banner still works, with the safe reading of the configuration.
 */
export function fail(code: string, message: string): void {
  print(true, `${PREFIX} ${code}: ${message}`);
}

type Key = keyof Messages;

let messages: Messages | undefined;
let loading: Promise<void> | undefined;
/** The texts were loaded, or failed to: messages print at once from then on. */
let settled = false;
const waiting: [Key, (string | number)[]][] = [];

function emit(key: Key, args: (string | number)[]): void {
  const message = messages?.[key] as ((...args: (string | number)[]) => string) | undefined;
  // If the texts could not load, the key and the values still say what is wrong.
  const text = message ? message(...args) : [key, ...args].join(' ');
  if (key.startsWith('CEREZ_')) print(true, message ? `${PREFIX} ${key}: ${text}` : `${PREFIX} ${text}`);
  else print(false, `${PREFIX} ${text}`);
}

/**
 * Loads the messages' texts, once; the first `report` does it. A message reported before they are there is
 * printed, in order, as soon as they are: a moment after the code that found the bad input has gone on with its
 * safe default (the decision never waits for the text).
 */
export function loadMessages(): Promise<void> {
  loading ??= import('./messages.js')
    .then(
      (module) => {
        messages = module.MESSAGES;
      },
      () => undefined,
    )
    .then(() => {
      settled = true;
      for (const [key, args] of waiting.splice(0)) emit(key, args);
    });
  return loading;
}

/** `report`'s type: what a lazy chunk that reports takes from the shell instead of importing it. */
export type Report = <K extends Key>(key: K, ...args: Parameters<Messages[K]>) => void;

/**
 * Reports bad input by the key of its message (`MESSAGES`): a warning, or an error for a `CEREZ_` key, once per
 * distinct text. The texts are a lazy chunk, so the entry holds only the keys.
 */
export function report<K extends Key>(key: K, ...args: Parameters<Messages[K]>): void {
  if (settled) {
    emit(key, args);
    return;
  }
  waiting.push([key, args]);
  void loadMessages();
}

/**
 * The entry's `warn` and `report`, one set of already-said lines for the page: what a part of the banner built
 * apart from this module prints through (src/internal/warn-relay.ts).
 */
export interface Warnings {
  warn(message: string): void;
  report: Report;
}

/**
 * Where this module itself is bundled there is nothing to relay: it is the one that prints. (In the UI chunk of the
 * build for plain pages, src/internal/warn-relay.ts takes its place, and this passes it the entry's functions.)
 */
export function relayWarnings(_to: Warnings): void {}
