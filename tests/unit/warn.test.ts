import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { report, warn } from '../../src/internal/warn.js';
import * as relay from '../../src/internal/warn-relay.js';

let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
});

describe('warn', () => {
  it('prefixes the message with the tag name', () => {
    warn('first message');
    expect(consoleWarn).toHaveBeenCalledExactlyOnceWith('[cookie-consent-banner] first message');
  });

  it('says each distinct message once', () => {
    warn('repeated message');
    warn('repeated message');
    warn('another message');
    warn('repeated message');
    expect(consoleWarn.mock.calls).toEqual([
      ['[cookie-consent-banner] repeated message'],
      ['[cookie-consent-banner] another message'],
    ]);
  });

  it('remembers messages across calls made later', () => {
    warn('remembered message');
    consoleWarn.mockClear();
    warn('remembered message');
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('never throws', () => {
    expect(() => warn('')).not.toThrow();
    expect(() => warn('x'.repeat(100_000))).not.toThrow();
  });
});

describe("report: the shell's messages by key, their texts a lazy chunk", () => {
  it('prints the text of a key, an error with its code, each once', async () => {
    const { report } = await import('../../src/internal/warn.js');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    report('badCookiePath', 'nope');
    report('badCookiePath', 'nope');
    report('CEREZ_COOKIE_NOT_KEPT', 'c');
    expect(consoleWarn.mock.calls).toEqual([
      ['[cookie-consent-banner] cookie-path: "nope" is not a valid path; "/" is used.'],
    ]);
    expect(String(consoleError.mock.calls[0]?.[0])).toMatch(
      /^\[cookie-consent-banner\] CEREZ_COOKIE_NOT_KEPT: the browser did not keep the consent cookie "c"/,
    );
    consoleError.mockRestore();
  });

  it('before the texts are loaded, reports wait and print in order once they are; the caller never waits', async () => {
    vi.resetModules();
    const fresh = await import('../../src/internal/warn.js');
    fresh.report('badSameSite', 'loose');
    fresh.report('tooManyCategories', 16);
    expect(consoleWarn).not.toHaveBeenCalled();
    await fresh.loadMessages();
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[cookie-consent-banner] cookie-samesite: "loose" is not Lax, Strict or None; "Lax" is used.',
      '[cookie-consent-banner] categories: more than 16 categories; the rest are skipped.',
    ]);
    // Loaded: the next one prints at once.
    fresh.report('badRevision', 'x y');
    expect(consoleWarn).toHaveBeenCalledTimes(3);
  });

  it('every message has a text that uses each of its values', async () => {
    const { MESSAGES } = await import('../../src/internal/messages.js');
    for (const [key, message] of Object.entries(MESSAGES)) {
      const values = Array.from({ length: message.length }, (_, i) => `«${i}»`);
      const text = (message as (...a: string[]) => string)(...values);
      for (const value of values) expect(text, key).toContain(value);
      expect(text.length, key).toBeGreaterThan(20);
    }
  });
});

describe('the relay a separately built chunk prints through', () => {
  it('before it is connected, prints a line as it is; then passes every line to the entry, which says it once', () => {
    relay.warn('early line');
    expect(consoleWarn).toHaveBeenCalledExactlyOnceWith('[cookie-consent-banner] early line');
    consoleWarn.mockClear();
    relay.relayWarnings({ warn, report });
    warn('said by the entry');
    relay.warn('said by the entry');
    relay.warn('said by the chunk');
    expect(consoleWarn.mock.calls).toEqual([
      ['[cookie-consent-banner] said by the entry'],
      ['[cookie-consent-banner] said by the chunk'],
    ]);
    const entryReport = vi.fn();
    relay.relayWarnings({ warn, report: entryReport });
    relay.report('badCookieName', 'x y', 'cookie_consent');
    expect(entryReport).toHaveBeenCalledExactlyOnceWith('badCookieName', 'x y', 'cookie_consent');
  });
});
