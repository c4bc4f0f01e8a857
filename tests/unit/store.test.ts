import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  DEFAULT_COOKIE_NAME,
  DEFAULT_EXPIRES_DAYS,
  MAX_EXPIRES_DAYS,
  MIN_EXPIRES_DAYS,
  cookieExpires,
  cookieSettings,
  type CookieAttributes,
} from '../../src/consent/store.js';

// warn() says each distinct message once per process: every input that should warn is used once only.

const HTTPS = { hostname: 'www.example.com', protocol: 'https:' };
const HTTP = { hostname: 'www.example.com', protocol: 'http:' };

let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
});

const settings = (attrs: CookieAttributes, location = HTTPS) => cookieSettings(attrs, location);

describe('cookieSettings defaults', () => {
  it('uses safe defaults on https', () => {
    expect(settings({})).toEqual({
      name: DEFAULT_COOKIE_NAME,
      path: '/',
      domain: undefined,
      sameSite: 'Lax',
      secure: true,
      expires: DEFAULT_EXPIRES_DAYS,
    });
    expect(DEFAULT_COOKIE_NAME).toBe('cookie_consent');
    expect(DEFAULT_EXPIRES_DAYS).toBe(182);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('treats null and empty attributes as unset, without warnings', () => {
    const empty = { name: '', path: '', domain: '', sameSite: '', expires: '' };
    const nulls = { name: null, path: null, domain: null, sameSite: null, expires: null };
    expect(settings(empty)).toEqual(settings({}));
    expect(settings(nulls)).toEqual(settings({}));
    expect(settings({ domain: '   ', expires: '  ' })).toEqual(settings({}));
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('is secure only on https', () => {
    expect(settings({}, HTTPS).secure).toBe(true);
    expect(settings({}, HTTP).secure).toBe(false);
    expect(settings({}, { hostname: 'localhost', protocol: 'file:' }).secure).toBe(false);
    expect(settings({}, { hostname: 'localhost', protocol: 'https' }).secure).toBe(false);
  });
});

describe('cookieExpires', () => {
  it('reads a number of days', () => {
    expect(cookieExpires('30')).toBe(30);
    expect(cookieExpires(' 30 ')).toBe(30);
    expect(cookieExpires('1')).toBe(MIN_EXPIRES_DAYS);
    expect(cookieExpires('395')).toBe(MAX_EXPIRES_DAYS);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('gives the default when unset', () => {
    expect(cookieExpires(null)).toBe(182);
    expect(cookieExpires(undefined)).toBe(182);
    expect(cookieExpires('')).toBe(182);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each<[string, number]>([
    ['0', 1],
    ['-1', 1],
    ['-Infinity', 182],
    ['0.5', 1],
    ['1000', 395],
    ['1e9', 395],
    ['396', 395],
    ['NaN', 182],
    ['abc', 182],
    ['Infinity', 182],
    ['30 days', 182],
  ])('turns %j into %j with a warning', (value, days) => {
    expect(cookieExpires(value)).toBe(days);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toMatch(/^\[cookie-consent-banner\] cookie-expires: /);
  });

  it('is applied by cookieSettings', () => {
    expect(settings({ expires: '30' }).expires).toBe(30);
    expect(settings({ expires: '-5' }).expires).toBe(1);
    expect(settings({ expires: '5000' }).expires).toBe(395);
    expect(settings({ expires: 'forever' }).expires).toBe(182);
  });
});

describe('cookie name', () => {
  it.each(['my_consent', 'cc', 'Consent-V2', 'a'.repeat(64), "!#$%&'*+-.^_`|~"])('accepts %j', (name) => {
    expect(settings({ name }).name).toBe(name);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each(['cc; Domain=evil.test', 'a b', 'x\ny', 'a=b', 'a,b', '"quoted"', 'çerez', 'b'.repeat(65)])(
    'falls back to the default for %j, with a warning',
    (name) => {
      expect(settings({ name }).name).toBe(DEFAULT_COOKIE_NAME);
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-name');
    },
  );

  it('falls back to the default for an empty name', () => {
    expect(settings({ name: '' }).name).toBe(DEFAULT_COOKIE_NAME);
  });
});

describe('cookie path', () => {
  it.each(['/', '/app', '/app/sub-path_1/', '/~user/a.b', '/%C3%A7erez'])('accepts %j', (path) => {
    expect(settings({ path }).path).toBe(path);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each(['/a;b', '/a b', 'app', '/a\nb', '/a"b', '/çerez', `/${'p'.repeat(256)}`, '/a,b'])(
    'falls back to "/" for %j, with a warning',
    (path) => {
      expect(settings({ path }).path).toBe('/');
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-path');
    },
  );
});

describe('cookie domain', () => {
  it.each<[string, string, string]>([
    ['example.com', 'www.example.com', 'example.com'],
    ['.example.com', 'www.example.com', 'example.com'],
    [' Example.COM ', 'www.example.com', 'example.com'],
    ['example.com', 'WWW.Example.com', 'example.com'],
    ['www.example.com', 'www.example.com', 'www.example.com'],
    ['example.com', 'a.b.example.com', 'example.com'],
    ['b.example.com', 'a.b.example.com', 'b.example.com'],
    ['localhost', 'localhost', 'localhost'],
  ])('accepts %j on %j as %j', (domain, hostname, expected) => {
    expect(settings({ domain }, { hostname, protocol: 'https:' }).domain).toBe(expected);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each<[string, string]>([
    ['evil.test', 'www.example.com'],
    ['ample.com', 'www.example.com'],
    ['example.com', 'notexample.com'],
    ['com', 'www.example.com'],
    ['.com', 'shop.example.com'],
    ['www.example.com', 'example.com'],
    ['example.com.evil.test', 'www.example.com'],
    ['example.com.', 'www.example.com'],
    ['..example.com', 'www.example.com'],
    ['exa mple.com', 'www.exa mple.com'],
    ['example.com; Secure', 'www.example.com'],
    ['*.example.com', 'www.example.com'],
  ])('rejects %j on %j: host-only, with a warning', (domain, hostname) => {
    expect(settings({ domain }, { hostname, protocol: 'https:' }).domain).toBeUndefined();
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-domain');
  });
});

describe('cookie SameSite', () => {
  it('defaults to Lax', () => {
    expect(settings({}).sameSite).toBe('Lax');
  });

  it.each<[string, string]>([
    ['lax', 'Lax'],
    ['Lax', 'Lax'],
    ['strict', 'Strict'],
    [' STRICT ', 'Strict'],
    ['none', 'None'],
    ['None', 'None'],
  ])('reads %j on https as %j', (sameSite, expected) => {
    expect(settings({ sameSite }, HTTPS).sameSite).toBe(expected);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('turns None into Lax on http, with a warning', () => {
    expect(settings({ sameSite: 'none' }, HTTP)).toMatchObject({ sameSite: 'Lax', secure: false });
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-samesite');
  });

  it.each(['garbage', 'lax;', 'None; Secure', 'strictly'])('turns %j into Lax, with a warning', (sameSite) => {
    expect(settings({ sameSite }, HTTPS).sameSite).toBe('Lax');
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-samesite');
  });
});

describe('cookieSettings with everything wrong', () => {
  it('falls back on each attribute separately and never throws', () => {
    expect(
      cookieSettings(
        { name: 'x y z', path: 'relative', domain: 'attacker.test', sameSite: 'sometimes', expires: 'never' },
        HTTP,
      ),
    ).toEqual({
      name: DEFAULT_COOKIE_NAME,
      path: '/',
      domain: undefined,
      sameSite: 'Lax',
      secure: false,
      expires: DEFAULT_EXPIRES_DAYS,
    });
    expect(consoleWarn).toHaveBeenCalledTimes(5);
  });

  it('keeps the valid attributes when others are wrong', () => {
    expect(settings({ name: 'ok_name', path: 'bad path', domain: 'example.com', expires: '10' })).toEqual({
      name: 'ok_name',
      path: '/',
      domain: 'example.com',
      sameSite: 'Lax',
      secure: true,
      expires: 10,
    });
  });
});
