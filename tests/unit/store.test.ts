import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  DEFAULT_COOKIE_NAME,
  DEFAULT_EXPIRES_DAYS,
  MAX_EXPIRES_DAYS,
  MIN_EXPIRES_DAYS,
  cookieExpires,
  cookieSettings,
  readCookieValues,
  readStored,
  removeCookies,
  type CookieAttributes,
} from '../../src/consent/store.js';
import { removeCookie, settleCookie, writeCookie } from '../../src/consent/cookie-write.js';
import type { DecodeResult, Expectation } from '../../src/consent/record.js';
import { Jar } from './cookie-jar.js';

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

  it('L8: refuses numbers longer than 32 characters, and long input without backtracking', () => {
    expect(cookieExpires('2'.repeat(33))).toBe(182);
    expect(cookieExpires(`${'1'.repeat(16_000)}x`)).toBe(182);
    expect(cookieExpires(`${'0'.repeat(30)}30`)).toBe(30);
    expect(consoleWarn).toHaveBeenCalledTimes(2);
  });

  it('is applied by cookieSettings', () => {
    expect(settings({ expires: '30' }).expires).toBe(30);
    expect(settings({ expires: '-5' }).expires).toBe(1);
    expect(settings({ expires: '5000' }).expires).toBe(395);
    expect(settings({ expires: 'forever' }).expires).toBe(182);
  });
});

describe('cookie name', () => {
  it.each(['my_consent', 'cc', 'Consent-V2', 'a'.repeat(64), "!#$&'*+-.^_`|~"])('accepts %j', (name) => {
    expect(settings({ name }).name).toBe(name);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each([
    'cc; Domain=evil.test',
    'a b',
    'x\ny',
    'a=b',
    'a,b',
    '"quoted"',
    'çerez',
    'b'.repeat(65),
    'cookie%5Fconsent',
    '%',
    'a(1)',
  ])('falls back to the default for %j, with a warning', (name) => {
    expect(settings({ name }).name).toBe(DEFAULT_COOKIE_NAME);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0]?.[0]).toContain('cookie-name');
  });

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

describe('cookie name prefixes', () => {
  it('a __Host- name on https forces Secure, Path=/ and no Domain, with warnings for what it overrides', () => {
    expect(settings({ name: '__Host-cookie_consent' })).toMatchObject({
      name: '__Host-cookie_consent',
      path: '/',
      domain: undefined,
      secure: true,
    });
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(settings({ name: '__Host-cc', path: '/app', domain: 'example.com' })).toMatchObject({
      path: '/',
      domain: undefined,
      secure: true,
    });
    const said = consoleWarn.mock.calls.map((c) => String(c[0]));
    expect(said.some((w) => w.includes('cookie-path') && w.includes('__Host-'))).toBe(true);
    expect(said.some((w) => w.includes('cookie-domain') && w.includes('__Host-'))).toBe(true);
  });

  it('a __Host- or __Secure- name on http warns that the browser refuses it', () => {
    expect(settings({ name: '__Host-on_http' }, HTTP)).toMatchObject({ secure: true, path: '/' });
    expect(settings({ name: '__Secure-on_http', path: '/app' }, HTTP)).toMatchObject({ secure: true, path: '/app' });
    const said = consoleWarn.mock.calls.map((c) => String(c[0]));
    expect(said).toHaveLength(2);
    for (const w of said) expect(w).toMatch(/needs https.*this page only/);
  });
});

const NOW_S = Math.floor(Date.now() / 1000);
const EXPECTATION: Expectation = {
  revision: '1',
  offered: ['necessary', 'marketing'],
  maxAgeDays: 182,
  now: Date.now(),
};
/** A stored record (schema 2, as written now), percent-encoded. */
const record = (marketing: 0 | 1, t = NOW_S - 60, over: Record<string, unknown> = {}) =>
  encodeURIComponent(JSON.stringify({ t, r: 1, l: 'tr', m: 'a', c: { marketing }, ...over }));

describe('readStored and writeCookie in a browser-like jar', () => {
  let consoleError: MockInstance<typeof console.error>;
  let jar: Jar;
  const page = (hostname: string, pathname = '/', protocol = 'https:') => {
    jar = new Jar({ hostname, pathname, protocol });
    vi.stubGlobal('document', jar);
    return jar.location;
  };
  const marketing = (result: DecodeResult) => result.consent?.categories['marketing'];

  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
    vi.unstubAllGlobals();
  });

  it('reads one valid cookie at the configured scope and leaves it alone', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, record(1));
    const result = readStored(cookieSettings({}, at), EXPECTATION, at);
    expect(marketing(result)).toBe(true);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('M2: a valid record at the configured scope beats a newer parent-domain copy, which is removed', () => {
    const at = page('www.example.com', '/news/a.html');
    jar.store(DEFAULT_COOKIE_NAME, record(0, NOW_S - 3600));
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 10), { domain: 'example.com' });
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 5), { path: '/news' });
    const result = readStored(cookieSettings({}, at), EXPECTATION, at);
    expect(marketing(result)).toBe(false);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
  });

  it('M2: with cookie-domain set, the copy on that domain is the truth, even against a newer host-only one', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, record(0, NOW_S - 3600), { domain: 'example.com' });
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 10));
    const result = readStored(cookieSettings({ domain: 'example.com' }, at), EXPECTATION, at);
    expect(marketing(result)).toBe(false);
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
  });

  it('M2: a changed cookie-domain adopts the old host-only cookie: rewritten on the domain, the old one gone', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, record(1));
    const result = readStored(cookieSettings({ domain: 'example.com' }, at), EXPECTATION, at);
    expect(marketing(result)).toBe(true);
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
  });

  it('#15: a schema 1 cookie is read and adopted as it is: the value is copied, the next choice writes schema 2', () => {
    const at = page('www.example.com');
    const old = JSON.stringify({
      v: 1,
      ts: NOW_S - 60,
      rev: 1,
      lang: 'tr',
      m: 'a',
      cats: { necessary: 1, marketing: 1 },
    });
    jar.store(DEFAULT_COOKIE_NAME, encodeURIComponent(old));
    const result = readStored(cookieSettings({ domain: 'example.com' }, at), EXPECTATION, at);
    expect(marketing(result)).toBe(true);
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
    expect(readCookieValues(DEFAULT_COOKIE_NAME)).toEqual([old]);
  });

  it('M2: a changed cookie-path adopts the cookie of the old path', () => {
    const at = page('www.example.com', '/news/a.html');
    jar.store(DEFAULT_COOKIE_NAME, record(1), { path: '/news' });
    const result = readStored(cookieSettings({}, at), EXPECTATION, at);
    expect(marketing(result)).toBe(true);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
  });

  it('M2: with none at the configured scope, a host-only copy is adopted before a newer parent-domain one', () => {
    const at = page('www.example.com', '/news/a.html');
    jar.store(DEFAULT_COOKIE_NAME, record(0, NOW_S - 3600), { path: '/news' });
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 10), { domain: 'example.com' });
    const result = readStored(cookieSettings({ domain: 'www.example.com' }, at), EXPECTATION, at);
    expect(marketing(result)).toBe(false);
    expect(jar.scopes()).toEqual([['.www.example.com', '/']]);
  });

  it('M2: at one domain, the newest of the other scopes is adopted', () => {
    const at = page('www.example.com', '/news/a.html');
    jar.store(DEFAULT_COOKIE_NAME, record(0, NOW_S - 3600), { path: '/news' });
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 10), { path: '/news/' });
    const result = readStored(cookieSettings({ domain: 'example.com' }, at), EXPECTATION, at);
    expect(marketing(result)).toBe(true);
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
  });

  it('M2: an invalid record at the configured scope gives way to a valid one elsewhere', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, record(0, NOW_S - 10, { m: 'bogus' }));
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S - 3600), { domain: 'example.com' });
    expect(marketing(readStored(cookieSettings({}, at), EXPECTATION, at))).toBe(true);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
  });

  it('M2: when none is valid, there is no choice and no cookie of the name is left', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, 'garbage');
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S + 3600), { domain: 'example.com' });
    expect(readStored(cookieSettings({}, at), EXPECTATION, at).consent).toBeNull();
    expect(jar.scopes()).toEqual([]);
  });

  it('M2: a record more than 5 minutes ahead is no choice, and is not adopted', () => {
    const at = page('www.example.com');
    jar.store(DEFAULT_COOKIE_NAME, record(1, NOW_S + 3600), { domain: 'example.com' });
    expect(readStored(cookieSettings({}, at), EXPECTATION, at).consent).toBeNull();
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
  });

  it('M2: cookie%5Fconsent is another cookie: ignored, whatever it holds', () => {
    const at = page('www.example.com', '/news/a.html');
    jar.store('cookie%5Fconsent', record(1), { domain: 'example.com', path: '/news' });
    expect(readStored(cookieSettings({}, at), EXPECTATION, at)).toEqual({ consent: null, reason: 'empty' });
    jar.store(DEFAULT_COOKIE_NAME, record(0));
    expect(marketing(readStored(cookieSettings({}, at), EXPECTATION, at))).toBe(false);
    expect(readCookieValues(DEFAULT_COOKIE_NAME)).toHaveLength(1);
  });

  it('M2: a later choice is the one in force afterwards: writeCookie leaves exactly one cookie', () => {
    const at = page('www.example.com', '/news/a.html');
    const settings = cookieSettings({}, at);
    jar.store(DEFAULT_COOKIE_NAME, record(1), { domain: 'example.com' });
    jar.store(DEFAULT_COOKIE_NAME, record(1), { path: '/news/' });
    const value = decodeURIComponent(record(0, NOW_S));
    expect(writeCookie(settings, value, at)).toBe(true);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
    expect(marketing(readStored(settings, EXPECTATION, at))).toBe(false);
  });

  it('M2: a __Host- name is written Secure, host-only on /, and read back', () => {
    const at = page('www.example.com', '/shop/');
    const settings = cookieSettings({ name: '__Host-cookie_consent', path: '/shop' }, at);
    expect(writeCookie(settings, decodeURIComponent(record(1)), at)).toBe(true);
    expect(jar.entries).toMatchObject([
      { name: '__Host-cookie_consent', domain: 'www.example.com', path: '/', secure: true },
    ]);
    expect(marketing(readStored(settings, EXPECTATION, at))).toBe(true);
  });

  it('L8: a refused cookie-domain (a public suffix) falls back to host-only, with a console error naming it', () => {
    const at = page('www.example.co.uk');
    const settings = cookieSettings({ domain: 'co.uk' }, at);
    expect(settings.domain).toBe('co.uk');
    expect(writeCookie(settings, decodeURIComponent(record(1)), at)).toBe(true);
    expect(jar.scopes()).toEqual([['www.example.co.uk', '/']]);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/cookie-domain.*"co\.uk".*public suffix.*host-only/);
    // The next choice goes host-only at once; reading and resetting find it there.
    expect(writeCookie(settings, decodeURIComponent(record(0)), at)).toBe(true);
    expect(marketing(readStored(settings, EXPECTATION, at))).toBe(false);
    expect(jar.scopes()).toEqual([['www.example.co.uk', '/']]);
    removeCookie(settings);
    expect(jar.scopes()).toEqual([]);
  });

  it('writeCookie says false when the browser keeps nothing (cookies blocked)', () => {
    const location = { hostname: 'www.example.com', pathname: '/', protocol: 'https:' };
    vi.stubGlobal('document', new Jar(location, true));
    expect(writeCookie(cookieSettings({}, location), 'x', location)).toBe(false);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/CEREZ_COOKIE_NOT_KEPT.*did not keep.*this page only/);
  });

  it('L4: in a sandboxed frame nothing throws: no choice, writes say false, one console error', () => {
    const at = page('www.example.com');
    jar.sandboxed = true;
    const settings = cookieSettings({}, at);
    expect(() => readStored(settings, EXPECTATION, at)).not.toThrow();
    expect(readStored(settings, EXPECTATION, at).consent).toBeNull();
    expect(writeCookie(settings, 'x', at)).toBe(false);
    expect(() => removeCookie(settings)).not.toThrow();
    expect(removeCookies(['_ga*'], at)).toEqual([]);
    expect(() => settleCookie(settings, undefined, at)).not.toThrow();
    expect(readCookieValues(DEFAULT_COOKIE_NAME)).toEqual([]);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/may not use cookies.*this page only/);
  });

  it('L7: removeCookies deletes trailing-slash paths, names with parentheses, and Partitioned copies', () => {
    const at = page('www.example.com', '/news/today');
    jar.store('_ga', '1', { path: '/news/' });
    jar.store('_ga_X', '1', { domain: 'example.com', path: '/news' });
    jar.store('_x(1)', '1');
    jar.store('_ga', '2', { secure: true, partitioned: true });
    jar.store('_hj', '1', { path: '/news/today' });
    jar.store('keep', '1');
    expect(removeCookies(['_ga*', '_x(1)', '_hj'], at).sort()).toEqual(['_ga', '_ga_X', '_hj', '_x(1)']);
    expect(jar.entries.map((e) => e.name)).toEqual(['keep']);
  });
});
