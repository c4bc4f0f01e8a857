// The consent session without a browser: a fake cookie jar as `document` (the one store.test.ts uses, with
// scopes), fakes for the gate, the BroadcastChannel, the next paint and navigator.sendBeacon.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock, type MockInstance } from 'vitest';
import { allowedFrom } from '../../src/consent/categories.js';
import { DATA_LAYER_EVENT, DEFAULT_CONSENT_MODE_MAP, consentModeMap } from '../../src/consent/consent-mode.js';
import type { CookieTable } from '../../src/consent/cookie-table.js';
import { saleOrShareIds } from '../../src/consent/gpc.js';
import {
  CHANNEL,
  ConsentSession,
  type Channel,
  type ConsentChange,
  type GateLike,
  type GoogleOptions,
  type SessionEnvironment,
  type SessionSettings,
} from '../../src/consent/session.js';
import { PageSignals } from '../../src/consent/page-signals.js';
import { signalSources, vendorMaps } from '../../src/consent/signals.js';
import { ConsentWriter } from '../../src/consent/writer.js';
import { DEFAULT_COOKIE_NAME, cookieSettings, type CookieAttributes } from '../../src/consent/store.js';
import { Jar } from './cookie-jar.js';

const OFFERED = ['necessary', 'functional', 'analytics', 'marketing'];
const ALL = { necessary: true, functional: true, analytics: true, marketing: true };
const NONE = { necessary: true, functional: false, analytics: false, marketing: false };
const NOW_S = Math.floor(Date.now() / 1000);

/** A stored record, encoded as js-cookie writes it. */
const record = (cats: Record<string, 0 | 1>, over: Record<string, unknown> = {}) =>
  encodeURIComponent(JSON.stringify({ v: 1, ts: NOW_S - 60, rev: 1, lang: 'tr', m: 'a', cats, ...over }));

/** A BroadcastChannel between the fake windows of one test: messages wait until `deliver()`. */
class FakeChannel implements Channel {
  static open: FakeChannel[] = [];
  static queue: [FakeChannel, unknown][] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(message: unknown): void {
    for (const other of FakeChannel.open) {
      if (other !== this && other.name === this.name && !other.closed) FakeChannel.queue.push([other, message]);
    }
  }
  close(): void {
    this.closed = true;
  }
  static deliver(): void {
    const queue = FakeChannel.queue.splice(0);
    for (const [channel, data] of queue) if (!channel.closed) channel.onmessage?.({ data } as MessageEvent);
  }
}

interface Options {
  attrs?: CookieAttributes;
  revision?: string;
  offered?: string[];
  honourGpc?: boolean;
  gpcCategories?: string | null;
  consentMode?: boolean;
  map?: unknown;
  google?: GoogleOptions;
  /** `consent-signals`, as the attribute. */
  signals?: string;
  /** `consent-signals-map`, as the attribute. */
  signalsMap?: unknown;
  refusalExpires?: number;
  receiptUrl?: string | null;
  cookies?: CookieTable;
  reloadOnWithdraw?: boolean;
  picked?: string;
  /** No writer until the test attaches one, as on a returning visit before the UI chunk loads. */
  lazyWriter?: boolean;
  /** The page's `BroadcastChannel` (by default the fake one of these windows). */
  channel?: new (name: string) => Channel;
}

let jar: Jar;
let navigator: { globalPrivacyControl?: boolean; sendBeacon: Mock<(url: string, body: Blob) => boolean> };
let consoleWarn: MockInstance<typeof console.warn>;
let consoleError: MockInstance<typeof console.error>;
const LOCATION = { hostname: 'www.example.com', pathname: '/', protocol: 'https:', origin: 'https://www.example.com' };

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  jar = new Jar({ ...LOCATION });
  vi.stubGlobal('document', jar);
  navigator = { sendBeacon: vi.fn(() => true) };
  vi.stubGlobal('navigator', navigator);
  FakeChannel.open = [];
  FakeChannel.queue = [];
});

afterEach(() => {
  consoleWarn.mockRestore();
  consoleError.mockRestore();
  vi.unstubAllGlobals();
});

/** Each test session's writer: what stores its choices. */
const writers = new WeakMap<ConsentSession, ConsentWriter>();
const writerOf = (session: ConsentSession): ConsentWriter => writers.get(session)!;

/** One window: a session with fakes; `window` may be shared between sessions to be one page. */
function page(options: Options = {}, window: { dataLayer?: unknown[] } & Record<string, unknown> = {}) {
  const config = {
    attrs: {},
    revision: '1',
    offered: OFFERED,
    honourGpc: true,
    gpcCategories: null,
    consentMode: false,
    map: null,
    google: { adsDataRedaction: false, urlPassthrough: false, waitForUpdate: 500 } as GoogleOptions,
    signals: '',
    signalsMap: null as unknown,
    refusalExpires: 182,
    receiptUrl: null,
    cookies: {},
    reloadOnWithdraw: false,
    ...options,
  };
  const location = { ...jar.location, origin: LOCATION.origin };
  const painted: (() => void)[] = [];
  const changes: ConsentChange[] = [];
  const errors: string[] = [];
  const asked: boolean[] = [];
  const writerWanted: boolean[] = [];
  const reload = vi.fn();
  /** What the gate was told, as the allowed optional categories at each call. */
  const gateCalls: string[] = [];
  const allowedNow = (allowed: (category: string) => boolean) =>
    config.offered.filter((id) => id !== 'necessary' && allowed(id)).join(' ') || '-';
  type Allowed = (category: string) => boolean;
  const gate = {
    start: vi.fn<(allowed: Allowed) => void>((allowed) => void gateCalls.push(`start ${allowedNow(allowed)}`)),
    update: vi.fn<(allowed: Allowed) => void>((allowed) => void gateCalls.push(`update ${allowedNow(allowed)}`)),
    stop: vi.fn<() => void>(() => void gateCalls.push('stop')),
  } satisfies GateLike;
  const environment: SessionEnvironment = {
    location,
    navigator,
    window,
    now: () => Date.now(),
    afterNextPaint: (task) => painted.push(task),
    BroadcastChannel: config.channel ?? FakeChannel,
    reload,
  };
  const settings: SessionSettings = {
    cookie: () => cookieSettings(config.attrs, location),
    revision: () => config.revision,
    offered: () => config.offered,
    honourGpc: () => config.honourGpc,
    saleOrShare: () => saleOrShareIds(config.gpcCategories, config.offered),
    consentMode: () => config.consentMode,
    consentModeMap: () => consentModeMap(config.map),
    google: () => config.google,
    vendors: () => {
      const sources = signalSources(config.signals);
      sources.delete('google');
      return sources;
    },
    vendorMaps: () => vendorMaps(config.signalsMap),
    refusalExpires: () => config.refusalExpires,
    receiptUrl: () => config.receiptUrl,
    cookieTable: () => config.cookies,
    reloadOnWithdraw: () => config.reloadOnWithdraw,
  };
  const session = new ConsentSession({
    settings,
    environment,
    signals: new PageSignals(window, settings),
    gate: () => gate,
    host: {
      changed: (change) => changes.push(change),
      error: (code) => errors.push(code),
      language: () => 'tr',
      picked: () => config.picked,
      needsWriter: () => writerWanted.push(true),
      ask: (needed) => asked.push(needed),
    },
  });
  // The element attaches the writer when its UI chunk loads; here it is there from the start unless a test waits.
  // Choices, resets and the picked language go to the writer, as the element's and the UI's do.
  const writer = new ConsentWriter(session);
  writers.set(session, writer);
  if (!config.lazyWriter) session.attach(writer);
  const paint = (): void => {
    for (const task of painted.splice(0)) task();
  };
  const start = () => {
    const stored = session.read();
    session.start();
    return stored;
  };
  return {
    session,
    config,
    changes,
    errors,
    asked,
    reload,
    gate,
    gateCalls,
    paint,
    painted,
    start,
    window,
    writerWanted,
  };
}

/** The consent cookies in the jar, decoded. */
function cookies(name = DEFAULT_COOKIE_NAME): Record<string, unknown>[] {
  return jar.entries
    .filter((e) => e.name === name)
    .map((e) => JSON.parse(decodeURIComponent(e.value)) as Record<string, unknown>);
}

const only = (name = DEFAULT_COOKIE_NAME) => {
  const all = cookies(name);
  expect(all).toHaveLength(1);
  return all[0]!;
};

const names = () => jar.entries.map((e) => e.name).sort();

describe('choosing', () => {
  it('"Accept all" in the banner stores every category and tells the host what changed', () => {
    const { session, changes, errors, paint, start } = page();
    start();
    writerOf(session).choose('accept-all', 'banner', session.acceptAllowed());
    // Stored and in effect when the click returns; told after the next paint.
    expect(session.has('marketing')).toBe(true);
    expect(changes).toEqual([]);
    paint();
    expect(only()).toMatchObject({
      m: 'a',
      r: 1,
      l: 'tr',
      c: { functional: 1, analytics: 1, marketing: 1 },
    });
    expect(session.consent?.categories).toEqual(ALL);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      consent: session.consent,
      previous: null,
      changed: ['functional', 'analytics', 'marketing'],
      withdrawn: [],
      source: 'banner',
    });
    expect(errors).toEqual([]);
  });

  it('peek gives the raw cookies of the configured name, valid or not, reads nothing in, and read takes them', () => {
    const { session } = page({ attrs: { name: 'site_consent' } });
    expect(session.peek()).toEqual([]);
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    expect(session.peek()).toEqual([]);
    jar.store('site_consent', 'not a record');
    expect(session.peek()).toEqual(['not a record']);
    expect(session.consent).toBeNull();
    // What was peeked is what is read, without a second look at the jar.
    const seen = [record({ necessary: 1, functional: 1, analytics: 0, marketing: 0 })];
    expect(session.read(false, seen).consent?.categories).toMatchObject({ functional: true, analytics: false });
    expect(session.read(false).consent).toBeNull();
  });

  it('a grant clicked in the banner runs the gate after the next paint; a page call at once', () => {
    const clicked = page();
    clicked.start();
    writerOf(clicked.session).choose('accept-all', 'banner', () => true);
    expect(clicked.gateCalls).toEqual(['start -']);
    clicked.paint();
    expect(clicked.gateCalls).toEqual(['start -', 'update functional analytics marketing']);

    jar.entries = [];
    const api = page();
    api.start();
    writerOf(api.session).choose('accept-all', 'api', () => true);
    expect(api.gateCalls).toEqual(['start -', 'update functional analytics marketing']);
    expect(api.painted).toEqual([]);
  });

  it('"Reject all", "Save" and a page call store what they allow, with their method and source', () => {
    const { session, changes, paint, start } = page();
    start();
    writerOf(session).choose('reject-all', 'preferences', () => false);
    paint();
    expect(only()).toMatchObject({ m: 'r', c: { functional: 0, analytics: 0, marketing: 0 } });
    expect(changes.at(-1)).toMatchObject({ changed: [], withdrawn: [], source: 'preferences' });
    writerOf(session).choose('save', 'preferences', (id) => id === 'analytics');
    paint();
    expect(only()).toMatchObject({ m: 's', c: { analytics: 1, marketing: 0 } });
    expect(changes.at(-1)).toMatchObject({ changed: ['analytics'], withdrawn: [], source: 'preferences' });
    writerOf(session).choose('api', 'api', (id) => id === 'functional');
    expect(only()).toMatchObject({ m: 'p', c: { functional: 1, analytics: 0 } });
    expect(changes.at(-1)).toMatchObject({
      previous: { method: 'save' },
      changed: ['functional', 'analytics'],
      withdrawn: ['analytics'],
      source: 'api',
    });
  });

  it('stores the picked language with the choice, and the shown one as the notice language', () => {
    const { session, start } = page({ picked: 'de' });
    start();
    writerOf(session).choose('reject-all', 'banner', () => false);
    expect(only()).toMatchObject({ l: 'tr', ui: 'de' });
  });

  it('when the browser does not keep the cookie: consent-error, no consent-change, the choice holds for the page', () => {
    jar = new Jar({ ...LOCATION }, true);
    vi.stubGlobal('document', jar);
    const { session, changes, errors, gateCalls, start } = page({ receiptUrl: 'https://receipts.example.com/' });
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(errors).toEqual(['cookie-not-stored']);
    expect(changes).toEqual([]);
    expect(session.consent?.categories).toEqual(ALL);
    expect(gateCalls.at(-1)).toBe('update functional analytics marketing');
    expect(navigator.sendBeacon).not.toHaveBeenCalled();
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/CEREZ_COOKIE_NOT_KEPT/);
  });

  it('a clicked choice the browser does not keep: the check, consent-error and the effects come after the paint', () => {
    jar = new Jar({ ...LOCATION }, true);
    vi.stubGlobal('document', jar);
    const { session, changes, errors, gateCalls, paint, start } = page();
    start();
    writerOf(session).choose('accept-all', 'banner', () => true);
    expect(errors).toEqual([]);
    expect(session.has('analytics')).toBe(true);
    paint();
    expect(errors).toEqual(['cookie-not-stored']);
    expect(changes).toEqual([]);
    expect(gateCalls.at(-1)).toBe('update functional analytics marketing');
    expect(session.consent?.categories).toEqual(ALL);
  });

  it('what stores next finishes a clicked choice first: its change is told before the next one, once', () => {
    const { session, changes, paint, start } = page();
    start();
    writerOf(session).choose('save', 'preferences', (id) => id === 'analytics');
    writerOf(session).choose('reject-all', 'api', () => false);
    expect(changes.map((c) => [c.source, c.withdrawn])).toEqual([
      ['preferences', []],
      ['api', ['analytics']],
    ]);
    paint();
    expect(changes).toHaveLength(2);
    expect(only()).toMatchObject({ m: 'r' });
    writerOf(session).choose('accept-all', 'banner', () => true);
    writerOf(session).reset();
    paint();
    expect(changes.slice(2).map((c) => [c.source, c.consent?.method ?? null])).toEqual([
      ['banner', 'accept-all'],
      ['api', null],
    ]);
    expect(cookies()).toEqual([]);
  });

  it('a receipt goes after the next paint, with the id stored in the cookie', async () => {
    const { session, paint, start } = page({ receiptUrl: 'https://receipts.example.com/c' });
    start();
    writerOf(session).choose('save', 'preferences', (id) => id === 'functional');
    expect(navigator.sendBeacon).not.toHaveBeenCalled();
    paint();
    expect(navigator.sendBeacon).toHaveBeenCalledTimes(1);
    const [url, body] = navigator.sendBeacon.mock.calls[0]!;
    expect(url).toBe('https://receipts.example.com/c');
    const receipt = JSON.parse(await body.text()) as Record<string, unknown>;
    expect(receipt).toMatchObject({ method: 'save', gpc: false, url: 'https://www.example.com' });
    expect(receipt['id']).toBe(only()['id']);
    expect(receipt['id']).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('without a receipt URL, a choice has no id and nothing is sent', () => {
    const { session, paint, start } = page();
    start();
    writerOf(session).choose('accept-all', 'banner', () => true);
    paint();
    expect(only()['id']).toBeUndefined();
    expect(navigator.sendBeacon).not.toHaveBeenCalled();
  });
});

describe('Global Privacy Control', () => {
  it('a stored choice made before the signal is downgraded and rewritten with method gpc, before the gate starts', () => {
    navigator.globalPrivacyControl = true;
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const { session, gateCalls, start } = page({ picked: 'en', receiptUrl: 'https://receipts.example.com/' });
    start();
    expect(session.consent).toMatchObject({ method: 'gpc', gpc: true, categories: { ...ALL, marketing: false } });
    expect(only()).toMatchObject({ m: 'g', gpc: 1, ui: 'en', c: { analytics: 1, marketing: 0 } });
    expect(gateCalls).toEqual(['start functional analytics']);
    // The downgrade is a new record: its receipt goes at once.
    expect(navigator.sendBeacon).toHaveBeenCalledTimes(1);
  });

  it('with no writer yet (a returning visit), the downgrade is in effect at once and stored once one is attached', () => {
    navigator.globalPrivacyControl = true;
    const stored = record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 });
    jar.store(DEFAULT_COOKIE_NAME, stored);
    const { session, gateCalls, start, writerWanted } = page({ lazyWriter: true });
    start();
    expect(session.consent).toMatchObject({ method: 'gpc', categories: { ...ALL, marketing: false } });
    expect(gateCalls).toEqual(['start functional analytics']);
    expect(writerWanted).toEqual([true]);
    expect(jar.entries.map((e) => e.value)).toEqual([stored]);
    session.attach(new ConsentWriter(session));
    expect(only()).toMatchObject({ m: 'g', gpc: 1, c: { analytics: 1, marketing: 0 } });
  });

  it('is left alone with no-gpc, without the signal, or when made under the signal', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }));
    const off = page({ honourGpc: false });
    navigator.globalPrivacyControl = true;
    off.start();
    expect(off.session.consent).toMatchObject({ method: 'accept-all', categories: { marketing: true } });
    expect(only()).toMatchObject({ m: 'a' });

    jar.entries = [];
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }, { gpc: 1, m: 's' }));
    const chosen = page();
    chosen.start();
    expect(chosen.session.consent).toMatchObject({ method: 'save', categories: { marketing: true } });
  });

  it('"Accept all" keeps sale or sharing off, unless switched on under the signal before', () => {
    navigator.globalPrivacyControl = true;
    const { session, start } = page({ gpcCategories: 'marketing analytics' });
    start();
    writerOf(session).choose('accept-all', 'banner', session.acceptAllowed());
    expect(only()).toMatchObject({ gpc: 1, c: { functional: 1, analytics: 0, marketing: 0 } });
    writerOf(session).choose('save', 'preferences', (id) => id === 'marketing');
    writerOf(session).choose('accept-all', 'banner', session.acceptAllowed());
    expect(only()).toMatchObject({ c: { functional: 1, analytics: 0, marketing: 1 } });
  });

  it('setConsent cannot switch sale or sharing on under the signal', () => {
    navigator.globalPrivacyControl = true;
    const { session, start } = page();
    start();
    const allowed = allowedFrom(
      { marketing: true, analytics: true },
      OFFERED,
      session.gpc() ? session.saleOrShare() : [],
    );
    expect(allowed).toEqual(new Set(['analytics']));
    writerOf(session).choose('api', 'api', (id) => allowed!.has(id));
    expect(only()).toMatchObject({ m: 'p', gpc: 1, c: { analytics: 1, marketing: 0 } });
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringMatching(/setConsent: "marketing" means sale or sharing .* it stays off/),
    );
  });

  it('warns when an advertising signal follows a category the signal does not turn off', () => {
    const { start } = page({ consentMode: true, map: { ad_storage: 'analytics' } });
    start();
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringMatching(
        /consent-mode-map: "ad_storage" follows "analytics", which Global Privacy Control does not/,
      ),
    );
  });
});

describe('duplicate cookies', () => {
  it('the one at the configured scope wins over newer copies elsewhere; exactly one is left', () => {
    jar = new Jar({ ...LOCATION, pathname: '/news/a.html' });
    vi.stubGlobal('document', jar);
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 0 }, { ts: NOW_S - 3600 }));
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }, { ts: NOW_S - 10 }), {
      domain: 'example.com',
    });
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }, { ts: NOW_S - 5 }), { path: '/news' });
    const { session, start } = page({ offered: ['necessary', 'marketing'] });
    const stored = start();
    expect(stored.consent?.categories).toEqual({ necessary: true, marketing: false });
    expect(session.consent?.categories['marketing']).toBe(false);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
  });

  it('with none at the configured scope, the old one is adopted there', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }));
    const { session, start } = page({ offered: ['necessary', 'marketing'], attrs: { domain: 'example.com' } });
    start();
    expect(session.consent?.categories['marketing']).toBe(true);
    expect(jar.scopes()).toEqual([['.example.com', '/']]);
  });

  it('a choice leaves exactly one cookie, at the configured scope', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }), { domain: 'example.com' });
    const { session, start } = page({ offered: ['necessary', 'marketing'] });
    start();
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }), { domain: 'example.com' });
    writerOf(session).choose('reject-all', 'api', () => false);
    expect(jar.scopes()).toEqual([['www.example.com', '/']]);
    expect(only()).toMatchObject({ m: 'r' });
  });
});

describe('withdrawal', () => {
  const table: CookieTable = { analytics: [{ name: '_ga*' }], marketing: [{ name: '_fbp' }] };

  it('removes the listed cookies of withdrawn categories and stops their tags at once, even when clicked', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const { session, changes, gateCalls, painted, reload, start } = page({ cookies: table });
    start();
    jar.store('_ga', '1');
    jar.store('_ga_X', '1', { domain: 'example.com' });
    jar.store('_fbp', '1');
    writerOf(session).choose('save', 'preferences', (id) => id !== 'analytics');
    expect(names()).toEqual(['_fbp', DEFAULT_COOKIE_NAME]);
    expect(changes[0]).toMatchObject({ withdrawn: ['analytics'], source: 'preferences' });
    expect(gateCalls.at(-1)).toBe('update functional marketing');
    expect(painted).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
  });

  it('sweeps the listed cookies of categories not allowed when it starts', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 0, marketing: 1 }));
    jar.store('_ga', '1');
    jar.store('_fbp', '1');
    const { gate, start } = page({ cookies: table });
    // Before any tag can run.
    gate.start.mockImplementation(() => expect(names()).toEqual(['_fbp', DEFAULT_COOKIE_NAME]));
    start();
    expect(gate.start).toHaveBeenCalledTimes(1);
    expect(names()).toEqual(['_fbp', DEFAULT_COOKIE_NAME]);
  });

  it('before any choice, every listed optional cookie goes', () => {
    jar.store('_ga', '1');
    jar.store('_fbp', '1');
    jar.store('own', '1');
    page({ cookies: table }).start();
    expect(names()).toEqual(['own']);
  });

  it('reloads with reload-on-withdraw when the visitor withdraws, and never on a grant', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 0, analytics: 1, marketing: 1 }));
    const { session, reload, start } = page({ reloadOnWithdraw: true });
    start();
    writerOf(session).choose('accept-all', 'banner', () => true);
    expect(reload).not.toHaveBeenCalled();
    writerOf(session).choose('save', 'preferences', (id) => id === 'functional');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a withdrawal seen from another window reloads; one caused by a changed setting does not', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const here = page({ reloadOnWithdraw: true });
    here.start();
    const there = page();
    there.start();
    writerOf(there.session).choose('reject-all', 'banner', () => false);
    here.session.reread('sync');
    expect(here.changes.at(-1)).toMatchObject({ source: 'sync', withdrawn: ['functional', 'analytics', 'marketing'] });
    expect(here.reload).toHaveBeenCalledTimes(1);

    writerOf(there.session).choose('accept-all', 'api', () => true);
    here.session.reread('sync');
    here.config.revision = '2';
    here.session.refresh();
    expect(here.changes.at(-1)).toMatchObject({
      source: 'api',
      consent: null,
      withdrawn: ['functional', 'analytics', 'marketing'],
    });
    expect(here.reload).toHaveBeenCalledTimes(1);
  });

  it('without reload-on-withdraw, no withdrawal reloads', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const { session, reload, start } = page();
    start();
    writerOf(session).choose('reject-all', 'banner', () => false);
    writerOf(session).reset();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('reset', () => {
  it('removes the cookie, withdraws everything at once and tells the other windows', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 0 }));
    const { session, changes, gateCalls, start } = page({ cookies: { analytics: [{ name: '_ga' }] } });
    start();
    const other = page();
    other.start();
    jar.store('_ga', '1');
    const previous = session.consent;
    writerOf(session).reset();
    expect(cookies()).toEqual([]);
    expect(names()).toEqual([]);
    expect(session.consent).toBeNull();
    expect(session.has('analytics')).toBe(false);
    expect(session.has('necessary')).toBe(true);
    expect(changes).toEqual([
      {
        consent: null,
        previous,
        changed: ['functional', 'analytics'],
        withdrawn: ['functional', 'analytics'],
        source: 'api',
      },
    ]);
    expect(gateCalls.at(-1)).toBe('update -');
    FakeChannel.deliver();
    expect(other.session.consent).toBeNull();
    expect(other.asked).toEqual([true]);
  });
});

describe('sync between windows', () => {
  it('a choice written by another window is picked up by reread("sync"), and answers the question', () => {
    const here = page();
    expect(here.start().consent).toBeNull();
    const there = page();
    there.start();
    writerOf(there.session).choose('accept-all', 'banner', () => true);
    expect(here.session.consent).toBeNull();
    here.session.reread('sync');
    expect(here.session.consent?.categories).toEqual(ALL);
    expect(here.changes).toEqual([
      expect.objectContaining({ previous: null, source: 'sync', changed: ['functional', 'analytics', 'marketing'] }),
    ]);
    expect(here.asked).toEqual([false]);
    expect(here.gateCalls).toEqual(['start -', 'update functional analytics marketing']);
    // Nothing new: no change, no answer.
    here.session.reread('sync');
    expect(here.changes).toHaveLength(1);
    expect(here.asked).toEqual([false]);
  });

  it('the BroadcastChannel message of a choice makes the other windows read it', () => {
    const here = page();
    here.start();
    const there = page();
    there.start();
    expect(FakeChannel.open.map((c) => c.name)).toEqual([CHANNEL, CHANNEL]);
    writerOf(there.session).choose('reject-all', 'banner', () => false);
    // A choice clicked in the banner that withdraws nothing reaches the other windows after the next paint.
    expect(FakeChannel.queue).toHaveLength(0);
    there.paint();
    expect(FakeChannel.queue).toHaveLength(1);
    FakeChannel.deliver();
    expect(here.session.consent?.categories).toEqual(NONE);
    expect(here.changes.at(-1)).toMatchObject({ source: 'sync' });
    // A page's call, and a withdrawal clicked in preferences, at once.
    writerOf(there.session).choose('accept-all', 'api', () => true);
    expect(FakeChannel.queue).toHaveLength(1);
    FakeChannel.deliver();
    expect(here.session.consent?.categories).toEqual(ALL);
    writerOf(there.session).choose('save', 'preferences', (id) => id !== 'analytics');
    expect(FakeChannel.queue).toHaveLength(1);
    FakeChannel.deliver();
    expect(here.session.consent?.categories).toMatchObject({ analytics: false, marketing: true });
  });

  it('works without a channel when the browser refuses one (SecurityError), and says so once', () => {
    const Refused = function () {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    } as unknown as new (name: string) => Channel;
    const here = page({ channel: Refused });
    expect(() => here.start()).not.toThrow();
    // The rest of the start happened: the gate runs, and a choice is stored and told.
    expect(here.gate.start).toHaveBeenCalledOnce();
    writerOf(here.session).choose('accept-all', 'api', () => true);
    expect(here.changes).toHaveLength(1);
    expect(only()?.['c']).toBeDefined();
    // Another window's choice is still read when this one looks again.
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 0, analytics: 0, marketing: 0 }));
    here.session.reread('sync');
    expect(here.session.consent?.categories).toEqual(NONE);
    page({ channel: Refused }).start();
    const refused = consoleWarn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('BroadcastChannel'));
    expect(refused).toEqual([expect.stringContaining('SecurityError')]);
  });

  it('ignores a message about another cookie name, and listens no more once stopped', () => {
    const here = page({ attrs: { name: 'site_consent' } });
    here.start();
    const there = page();
    there.start();
    // A window without the channel stored a choice under this page's name: only a reread would see it.
    jar.store('site_consent', record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    writerOf(there.session).choose('reject-all', 'banner', () => false);
    FakeChannel.deliver();
    expect(here.changes).toEqual([]);
    here.session.stop();
    expect(here.gate.stop).toHaveBeenCalledTimes(1);
    expect(FakeChannel.open[0]?.closed).toBe(true);
    here.session.reread('sync');
    expect(here.changes).toEqual([]);
    expect(here.session.consent).toBeNull();
  });

  it("a page's call reads the other window's choice first: its change is told as sync, then the new one", () => {
    const here = page();
    here.start();
    const there = page();
    there.start();
    writerOf(there.session).choose('accept-all', 'api', () => true);
    writerOf(here.session).choose('api', 'api', (id) => id === 'functional');
    expect(here.changes.map((c) => [c.source, c.withdrawn])).toEqual([
      ['sync', []],
      ['api', ['analytics', 'marketing']],
    ]);
    expect(here.asked).toEqual([]);
  });

  it("a visitor's click stores what they saw: the unseen grant of another window never runs here first", () => {
    const here = page();
    here.start();
    const there = page();
    there.start();
    // The other window's message has not arrived (and this one was not refocused): this window still has no choice.
    writerOf(there.session).choose('accept-all', 'api', () => true);
    writerOf(here.session).choose('save', 'preferences', (id) => id === 'functional');
    here.paint();
    expect(here.gateCalls).toEqual(['start -', 'update functional']);
    expect(here.changes.map((c) => [c.source, c.previous, c.withdrawn])).toEqual([['preferences', null, []]]);
    expect(only()).toMatchObject({ m: 's', c: { functional: 1, analytics: 0, marketing: 0 } });
  });

  it('a load settles a lone cookie by writing it at its scope; a look for another window only reads', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 0, marketing: 0 }));
    const writes = vi.spyOn(jar, 'cookie', 'set');
    const here = page();
    here.start();
    expect(writes).toHaveBeenCalledTimes(1);
    here.session.reread('sync');
    here.session.reread('sync');
    expect(writes).toHaveBeenCalledTimes(1);
    // A changed setting may have moved the cookie: that look settles it again.
    here.session.reread('api');
    expect(writes).toHaveBeenCalledTimes(2);
    expect(here.session.consent?.categories).toMatchObject({ functional: true, analytics: false });
  });

  it('writeLanguage stores the picked language with the choice in effect, never before one', () => {
    const { session, start } = page();
    start();
    writerOf(session).writeLanguage('en');
    expect(cookies()).toEqual([]);
    writerOf(session).choose('reject-all', 'banner', () => false);
    writerOf(session).writeLanguage('en');
    expect(only()).toMatchObject({ m: 'r', ui: 'en' });
  });
});

describe('late settings', () => {
  it('a changed revision makes refresh() read again: the old choice no longer counts and the visitor is asked', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const { session, config, changes, asked, start } = page();
    start();
    session.refresh();
    expect(changes).toEqual([]);
    expect(asked).toEqual([]);
    config.revision = '2';
    session.refresh();
    expect(session.consent).toBeNull();
    expect(changes).toEqual([expect.objectContaining({ consent: null, source: 'api' })]);
    expect(asked).toEqual([true]);
  });

  it('a newly offered category keeps the choice but asks the visitor', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }));
    const { session, config, changes, asked, start } = page({ offered: ['necessary', 'marketing'] });
    expect(start().consent).not.toBeNull();
    config.offered = ['necessary', 'marketing', 'analytics'];
    session.refresh();
    expect(session.consent?.categories).toEqual({ necessary: true, marketing: true, analytics: false });
    expect(changes).toEqual([expect.objectContaining({ changed: [], withdrawn: [], source: 'api' })]);
    expect(asked).toEqual([true]);
  });

  it('turning GPC on later downgrades the stored choice', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }));
    const { session, config, changes, start } = page({ offered: ['necessary', 'marketing'], honourGpc: false });
    navigator.globalPrivacyControl = true;
    start();
    expect(session.consent?.categories['marketing']).toBe(true);
    config.honourGpc = true;
    session.refresh();
    expect(session.consent).toMatchObject({ method: 'gpc', categories: { marketing: false } });
    expect(changes).toEqual([expect.objectContaining({ withdrawn: ['marketing'], source: 'api' })]);
  });

  it('does nothing before start', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, marketing: 1 }));
    const { session, changes, asked } = page();
    session.refresh();
    session.reread('sync');
    expect(session.consent).toBeNull();
    expect(changes).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('Google Consent Mode', () => {
  const commands = (dataLayer: unknown[] = []) =>
    dataLayer
      .filter((entry) => !Array.isArray(entry) && typeof entry === 'object' && entry !== null && 'length' in entry)
      .map((entry) => [...(entry as IArguments)]);

  it('pushes the default once per page, from the stored choice, before the gate starts', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 0, analytics: 1, marketing: 0 }));
    const window: { dataLayer?: unknown[] } = {};
    const first = page({ consentMode: true }, window);
    first.gate.start.mockImplementation(() => expect(commands(window.dataLayer)).toHaveLength(1));
    first.start();
    expect(first.gate.start).toHaveBeenCalledTimes(1);
    expect(commands(window.dataLayer)).toEqual([
      [
        'consent',
        'default',
        {
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          analytics_storage: 'granted',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          security_storage: 'granted',
          wait_for_update: 500,
        },
      ],
    ]);
    first.session.stop();
    // The next owner on the same page pushes no second default.
    page({ consentMode: true }, window).start();
    expect(commands(window.dataLayer)).toHaveLength(1);
  });

  it('after each change: an update and the dataLayer event', () => {
    const window: { dataLayer?: unknown[] } = {};
    const { session, paint, start } = page({ consentMode: true }, window);
    start();
    writerOf(session).choose('accept-all', 'banner', () => true);
    expect(window.dataLayer).toHaveLength(1);
    paint();
    writerOf(session).choose('reject-all', 'api', () => false);
    expect(commands(window.dataLayer).map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['consent', 'update'],
      ['consent', 'update'],
    ]);
    expect(commands(window.dataLayer)[1]![2]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted' });
    expect(commands(window.dataLayer)[2]![2]).toMatchObject({ ad_storage: 'denied', security_storage: 'granted' });
    const events = window.dataLayer!.filter((e) => (e as { event?: string }).event === DATA_LAYER_EVENT);
    expect(events).toEqual([
      { event: DATA_LAYER_EVENT, cookieConsent: ALL, consentMode: expect.objectContaining({ ad_storage: 'granted' }) },
      { event: DATA_LAYER_EVENT, cookieConsent: NONE, consentMode: expect.objectContaining({ ad_storage: 'denied' }) },
    ]);
  });

  it("a page's gtag that throws gets a warning; the update, the dataLayer event and the gate go on", () => {
    const window = {
      gtag: () => {
        throw new Error('broken gtag');
      },
    } as { dataLayer?: unknown[]; gtag?: unknown };
    const { session, gateCalls, start } = page({ consentMode: true }, window);
    start();
    expect(() => writerOf(session).choose('accept-all', 'api', () => true)).not.toThrow();
    expect(gateCalls.at(-1)).toBe('update functional analytics marketing');
    expect(window.dataLayer).toContainEqual(expect.objectContaining({ event: DATA_LAYER_EVENT }));
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringContaining("the page's gtag threw (Error: broken gtag)"),
    );
  });

  it("calls the page's own gtag when it has one", () => {
    const gtag = vi.fn();
    const window = { gtag } as { dataLayer?: unknown[]; gtag?: unknown };
    const { session, start } = page({ consentMode: true }, window);
    start();
    writerOf(session).reset();
    expect(gtag.mock.calls.map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['consent', 'update'],
    ]);
  });

  it('turned on after start, the default is pushed late by refresh(), with a warning', () => {
    const window: { dataLayer?: unknown[] } = {};
    const { session, config, start } = page({}, window);
    start();
    expect(window.dataLayer).toBeUndefined();
    config.consentMode = true;
    session.refresh();
    expect(commands(window.dataLayer)).toEqual([
      ['consent', 'default', expect.objectContaining({ wait_for_update: 500 })],
    ]);
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringMatching(/consent-mode was turned on after gated tags could run/),
    );
    session.refresh();
    expect(commands(window.dataLayer)).toHaveLength(1);
  });

  it('with Consent Mode off, nothing is pushed', () => {
    const window: { dataLayer?: unknown[] } = {};
    const { session, start } = page({ map: DEFAULT_CONSENT_MODE_MAP }, window);
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(window).toEqual({});
  });
});

describe('vendor signals (consent-signals)', () => {
  /** A page's vendor code: UET's queue, Clarity's and Meta's functions, recording every call in one list. */
  const vendorWindow = () => {
    const calls: unknown[][] = [];
    const window = {
      uetq: { push: (...args: unknown[]) => void calls.push(['uetq', ...args]) },
      clarity: (...args: unknown[]) => void calls.push(['clarity', ...args]),
      fbq: (...args: unknown[]) => void calls.push(['fbq', ...args]),
    };
    return { calls, window };
  };

  it('sends each enabled vendor its default from the stored choice before the gate starts, once per page', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 0, analytics: 1, marketing: 0 }));
    const { calls, window } = vendorWindow();
    const first = page({ signals: 'microsoft clarity meta' }, window);
    first.gate.start.mockImplementation(() => void calls.push(['gate']));
    first.start();
    expect(calls).toEqual([
      ['uetq', 'consent', 'default', { ad_storage: 'denied' }],
      ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
      ['fbq', 'consent', 'revoke'],
      ['gate'],
    ]);
    first.session.stop();
    page({ signals: 'microsoft clarity meta' }, window).start();
    expect(calls).toHaveLength(4);
  });

  it('a vendor turned on after start gets its default from refresh(), late, with a warning; once', () => {
    const { calls, window } = vendorWindow();
    const { session, config, start } = page({}, window);
    start();
    expect(calls).toEqual([]);
    config.signals = 'microsoft';
    session.refresh();
    session.refresh();
    expect(calls).toEqual([['uetq', 'consent', 'default', { ad_storage: 'denied' }]]);
    expect(consoleWarn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringContaining('consent-signals: "microsoft" turned on after gated tags could run'),
    );
  });

  it("a vendor's function that throws gets a warning; the session and the gate go on", () => {
    const window = {
      clarity: () => {
        throw new Error('broken stub');
      },
      uetq: {
        push: () => {
          throw new Error('broken queue');
        },
      },
    };
    const { session, gateCalls, changes, start } = page({ signals: 'microsoft clarity' }, window);
    expect(() => start()).not.toThrow();
    expect(() => writerOf(session).choose('accept-all', 'api', () => true)).not.toThrow();
    expect(changes).toHaveLength(1);
    expect(gateCalls).toEqual(['start -', 'update functional analytics marketing']);
    const warned = consoleWarn.mock.calls.map((c) => String(c[0]));
    expect(warned).toContainEqual(expect.stringContaining("the page's clarity threw (Error: broken stub)"));
    expect(warned).toContainEqual(expect.stringContaining("the page's uetq threw (Error: broken queue)"));
  });

  it('only the enabled vendors: no call to the others', () => {
    const { calls, window } = vendorWindow();
    const { session, start } = page({ signals: 'meta' }, window);
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(calls).toEqual([
      ['fbq', 'consent', 'revoke'],
      ['fbq', 'consent', 'grant'],
    ]);
  });

  it('a withdrawal erases Clarity first, and every vendor hears it before the host does', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 1, analytics: 1, marketing: 1 }));
    const { calls, window } = vendorWindow();
    const { session, changes, start } = page({ signals: 'microsoft clarity meta' }, window);
    start();
    calls.length = 0;
    let heard = -1;
    const host = session.host.changed.bind(session.host);
    session.host.changed = (change) => {
      heard = calls.length;
      host(change);
    };
    writerOf(session).choose('save', 'preferences', (id) => id === 'functional');
    expect(changes).toHaveLength(1);
    expect(heard).toBe(4);
    expect(calls).toEqual([
      ['uetq', 'consent', 'update', { ad_storage: 'denied' }],
      ['clarity', 'consent', false],
      ['clarity', 'consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['fbq', 'consent', 'revoke'],
    ]);
  });

  it("creates UET's queue array when the page has none, and defines no function", () => {
    const window: Record<string, unknown> = {};
    const { session, start } = page({ signals: 'microsoft clarity meta' }, window);
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(window).toEqual({
      uetq: ['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }],
    });
  });

  it("Clarity's and Meta's calls wait for their function, and reach it in order after a gated tag ran", () => {
    const window: Record<string, unknown> = {};
    const { session, gate, start } = page({ signals: 'clarity meta' }, window);
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    const received: unknown[][] = [];
    window['fbq'] = (...args: unknown[]) => void received.push(args);
    expect(received).toEqual([]);
    (gate as GateLike).onRun?.();
    expect(received).toEqual([
      ['consent', 'revoke'],
      ['consent', 'grant'],
    ]);
  });

  it('consent-signals-map moves a signal; necessary is refused, unknown vendors and signals warn', () => {
    const { calls, window } = vendorWindow();
    const { session, start } = page(
      {
        signals: 'microsoft clarity bogus',
        signalsMap: '{"microsoft":{"ad_storage":"necessary"},"clarity":{"ad_Storage":"analytics","x":"y"},"tiktok":{}}',
      },
      window,
    );
    start();
    writerOf(session).choose('api', 'api', (id) => id === 'analytics');
    expect(calls.slice(-2)).toEqual([
      ['uetq', 'consent', 'update', { ad_storage: 'denied' }],
      ['clarity', 'consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
    ]);
    expect(consoleError.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringContaining(
        'CEREZ_SIGNAL_AS_NECESSARY: consent-signals-map: microsoft: "ad_storage" cannot be necessary',
      ),
    );
    const warned = consoleWarn.mock.calls.map((c) => String(c[0]));
    expect(warned).toContainEqual(expect.stringContaining('consent-signals: "bogus" is not one of'));
    expect(warned).toContainEqual(expect.stringContaining('"x" is not a clarity signal'));
    expect(warned).toContainEqual(expect.stringContaining('"tiktok" is not microsoft, clarity or meta'));
  });
});

describe('Consent Mode options', () => {
  const commands = (dataLayer: unknown[] = []) =>
    dataLayer.filter((e) => typeof e === 'object' && e !== null && 'length' in e).map((e) => [...(e as IArguments)]);

  it('ads_data_redaction follows ad_storage; url_passthrough and wait_for_update go with the default', () => {
    const window: { dataLayer?: unknown[] } = {};
    const { session, start } = page(
      { consentMode: true, google: { adsDataRedaction: true, urlPassthrough: true, waitForUpdate: 1500 } },
      window,
    );
    start();
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(commands(window.dataLayer).map((c) => c.slice(0, 3))).toEqual([
      ['consent', 'default', expect.objectContaining({ ad_storage: 'denied', wait_for_update: 1500 })],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
      ['consent', 'update', expect.objectContaining({ ad_storage: 'granted' })],
      ['set', 'ads_data_redaction', false],
    ]);
  });
});

describe('refusal-expires', () => {
  it('a refusal is stored with refusal-expires, an acceptance with cookie-expires (the browser test reads the jar)', () => {
    const { session, start } = page({ attrs: { expires: '90' }, refusalExpires: 30 });
    start();
    const set = vi.spyOn(jar, 'cookie', 'set');
    /** The lifetime, in days, of the last consent cookie written. */
    const lifetime = (): number => {
      const text = set.mock.calls
        .map(([value]) => value)
        .findLast((value) => value.startsWith(`${DEFAULT_COOKIE_NAME}=`));
      const expires = /expires=([^;]+)/i.exec(text ?? '')?.[1] ?? '';
      return Math.round((Date.parse(expires) - Date.now()) / 864e5);
    };
    writerOf(session).choose('reject-all', 'api', () => false);
    expect(lifetime()).toBe(30);
    writerOf(session).choose('accept-all', 'api', () => true);
    expect(lifetime()).toBe(90);
  });

  it('a refusal under an older revision still counts when read: the visitor is not asked', () => {
    jar.store(DEFAULT_COOKIE_NAME, record({ necessary: 1, functional: 0, analytics: 0, marketing: 0 }, { rev: 1 }));
    const { asked, session, start } = page({ revision: '2' });
    expect(start().consent).toMatchObject({ revision: '1' });
    session.refresh();
    expect(asked).toEqual([]);
  });
});
