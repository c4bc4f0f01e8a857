import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { safePolicyUrl } from '../../src/consent/url.js';

// warn() says each distinct message once per process, and the scheme message names only the scheme:
// tests that expect a warning load a fresh copy of the module (and so of warn's memory).
async function freshSafePolicyUrl(): Promise<typeof safePolicyUrl> {
  vi.resetModules();
  // The fresh warn module (and its memory) has its texts loaded too, as the setup file does for the first one.
  await (await import('../../src/internal/warn.js')).loadMessages();
  return (await import('../../src/consent/url.js')).safePolicyUrl;
}

const BASE = 'https://site.test/page';

let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
});

describe('safePolicyUrl', () => {
  it.each<[string, string]>([
    ['https://example.com/privacy', 'https://example.com/privacy'],
    ['http://example.com/privacy', 'http://example.com/privacy'],
    ['HTTPS://Example.COM/Privacy', 'https://example.com/Privacy'],
    ['/cerez-politikasi', 'https://site.test/cerez-politikasi'],
    ['../x', 'https://site.test/x'],
    ['policy', 'https://site.test/policy'],
    ['?tab=cookies', 'https://site.test/page?tab=cookies'],
    ['#cookies', 'https://site.test/page#cookies'],
    ['//cdn.test/policy', 'https://cdn.test/policy'],
    ['  /trimmed  ', 'https://site.test/trimmed'],
    ['/çerez politikası', 'https://site.test/%C3%A7erez%20politikas%C4%B1'],
  ])('accepts %j as %j', (value, expected) => {
    expect(safePolicyUrl(value, BASE)).toBe(expected);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('resolves relative URLs against the base', () => {
    expect(safePolicyUrl('privacy', 'http://other.test/a/b')).toBe('http://other.test/a/privacy');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(2)',
    '\u0000javascript:alert(3)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://x/1',
    'mailto:a@b.c',
    'file:///etc/passwd',
    'ftp://example.com/policy',
    'about:blank',
  ])('rejects %j with a warning', async (value) => {
    const fresh = await freshSafePolicyUrl();
    expect(fresh(value, BASE)).toBeNull();
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('only http(s) and relative URLs are allowed');
  });

  it.each(['https://', 'http://exa mple.com/', 'https://[::1'])(
    'rejects the unparsable %j with a warning',
    async (value) => {
      const fresh = await freshSafePolicyUrl();
      expect(fresh(value, BASE)).toBeNull();
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('is not a URL');
    },
  );

  it.each([null, undefined, '', '   ', '\t\n'])('gives null for %j, without a warning', (value) => {
    expect(safePolicyUrl(value, BASE)).toBeNull();
    expect(consoleWarn).not.toHaveBeenCalled();
  });
});
