import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { warn } from '../../src/internal/warn.js';

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
