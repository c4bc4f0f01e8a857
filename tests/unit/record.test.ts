import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLOCK_SKEW_SECONDS,
  MAX_RECORD_LENGTH,
  SCHEMA_VERSION,
  createConsent,
  decodeConsent,
  encodeConsent,
  freeze,
  isValidRevision,
  newConsentId,
  refuses,
  type Consent,
  type ConsentMethod,
  type DecodeResult,
  type Expectation,
} from '../../src/consent/record.js';

const DAY = 86_400;
/** 2025-06-01T12:00:00.000Z */
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const NOW_S = NOW / 1000;
const OFFERED = ['necessary', 'functional', 'analytics', 'marketing'] as const;

const expectation = (over: Partial<Expectation> = {}): Expectation => ({
  revision: '1',
  offered: OFFERED,
  maxAgeDays: 182,
  now: NOW,
  ...over,
});

type Schema = 1 | 2;
const SCHEMAS: Schema[] = [1, 2];

/** A valid stored record in schema 2 (what is written now), as an object, one hour old. */
const validRecord = (): Record<string, unknown> => ({
  id: 'AbCdEf012_-x',
  t: NOW_S - 3600,
  r: 1,
  l: 'tr',
  m: 'a',
  c: { functional: 0, analytics: 1, marketing: 0 },
});

const LONG_KEYS: Record<string, string> = { t: 'ts', r: 'rev', l: 'lang', c: 'cats' };

/**
 * The same record as schema 1 wrote it: `"v":1` first, long keys, and `"necessary":1` first in the
 * categories (unless the categories are not an object, or name `necessary` themselves).
 */
function asSchema1(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { v: 1 };
  for (const [key, value] of Object.entries(record)) {
    const withNecessary =
      key === 'c' && typeof value === 'object' && value !== null && !Array.isArray(value) && !('necessary' in value);
    out[LONG_KEYS[key] ?? key] = withNecessary ? { necessary: 1, ...value } : value;
  }
  return out;
}

/** The valid record with some fields replaced (named as in schema 2; `undefined` leaves one out), as stored. */
const encoded = (over: Record<string, unknown> = {}, schema: Schema = 2): string => {
  const record = { ...validRecord(), ...over };
  return JSON.stringify(schema === 1 ? asSchema1(record) : record);
};

const without = (key: string, schema: Schema = 2): string => encoded({ [key]: undefined }, schema);

const sample = (over: Partial<Parameters<typeof createConsent>[0]> = {}): Consent =>
  createConsent({
    offered: OFFERED,
    allowed: (id) => id === 'analytics',
    revision: '1',
    language: 'tr',
    method: 'save',
    gpc: false,
    now: NOW,
    id: 'AbCdEf012_-x',
    ...over,
  });

function accepted(result: DecodeResult): Exclude<DecodeResult, { consent: null }> {
  if (result.consent === null) throw new Error(`expected a consent, got rejection "${result.reason}"`);
  return result;
}

function expectRejected(result: DecodeResult): void {
  expect(result.consent).toBeNull();
  expect(result).toHaveProperty('reason', expect.any(String));
  if (result.consent === null) expect(result.reason).not.toBe('');
}

describe('createConsent', () => {
  it('keeps necessary on whatever allowed() says', () => {
    const consent = sample({ allowed: () => false });
    expect(consent.categories).toEqual({ necessary: true, functional: false, analytics: false, marketing: false });
  });

  it('asks allowed() for each optional category', () => {
    const consent = sample({ allowed: (id) => id !== 'marketing' });
    expect(consent.categories).toEqual({ necessary: true, functional: true, analytics: true, marketing: false });
  });

  it('keeps the offered order', () => {
    const offered = ['necessary', 'marketing', 'zeta', 'analytics', 'alpha'];
    expect(Object.keys(sample({ offered }).categories)).toEqual(offered);
  });

  it('copies revision, language, method and the given id', () => {
    const consent = sample({ revision: '2024-05', language: 'en', method: 'reject-all', id: 'given-id_123' });
    expect(consent).toMatchObject({ revision: '2024-05', language: 'en', method: 'reject-all', id: 'given-id_123' });
  });

  it('L3: makes a fresh id only when the site sends receipts', () => {
    const a = sample({ id: undefined, receipts: true });
    const b = sample({ id: undefined, receipts: true });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(a.id).not.toBe(b.id);
    for (const receipts of [false, undefined]) {
      const none = sample({ id: undefined, receipts });
      expect(none).not.toHaveProperty('id');
      expect(JSON.parse(encodeConsent(none))).not.toHaveProperty('id');
    }
  });

  it.each(SCHEMAS)('L3: a schema %i record without an id decodes, and has no id', (schema) => {
    const { consent } = accepted(decodeConsent(without('id', schema), expectation()));
    expect(consent).not.toHaveProperty('id');
    expect(consent.categories).toEqual({ necessary: true, functional: false, analytics: true, marketing: false });
    const stored = sample({ id: undefined });
    expect(accepted(decodeConsent(encodeConsent(stored), expectation())).consent).toEqual(stored);
  });

  it('stores the time as ISO 8601 UTC, rounded down to the second', () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5, 999);
    expect(sample({ now }).timestamp).toBe('2025-01-02T03:04:05.000Z');
    expect(sample({ now: Date.UTC(2025, 0, 2, 3, 4, 5, 0) }).timestamp).toBe('2025-01-02T03:04:05.000Z');
  });

  it('freezes the record and its categories', () => {
    const consent = sample();
    expect(Object.isFrozen(consent)).toBe(true);
    expect(Object.isFrozen(consent.categories)).toBe(true);
    expect(() => {
      (consent.categories as Record<string, boolean>)['marketing'] = true;
    }).toThrow(TypeError);
    expect(() => {
      (consent as { method: ConsentMethod }).method = 'accept-all';
    }).toThrow(TypeError);
    expect(consent.categories['marketing']).toBe(false);
    expect(consent.method).toBe('save');
  });
});

describe('newConsentId', () => {
  it('is 12 characters of base64url', () => {
    for (let i = 0; i < 200; i++) expect(newConsentId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('is different each call', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newConsentId()));
    expect(ids.size).toBe(1000);
  });
});

describe('isValidRevision', () => {
  it.each(['1', '2024-05', 'v1.2_rc-3', 'a'.repeat(32)])('accepts %j', (value) => {
    expect(isValidRevision(value)).toBe(true);
  });

  it.each(['', ' 1', '1 ', 'a b', 'a;b', 'a'.repeat(33), 'ş', '1/2'])('rejects %j', (value) => {
    expect(isValidRevision(value)).toBe(false);
  });
});

describe('encodeConsent', () => {
  it('writes schema 2: compact JSON with one-letter keys, no "v", and no "necessary"', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(encodeConsent(sample())).toBe(
      `{"id":"AbCdEf012_-x","t":${NOW_S},"r":1,"l":"tr","m":"s","c":{"functional":0,"analytics":1,"marketing":0}}`,
    );
    expect(JSON.parse(encodeConsent(sample({ gpc: true, id: undefined }), 'de'))).toEqual({
      t: NOW_S,
      r: 1,
      l: 'tr',
      m: 's',
      c: { functional: 0, analytics: 1, marketing: 0 },
      gpc: 1,
      ui: 'de',
    });
  });

  it('never stores necessary, so it can never be stored off', () => {
    const off = freeze({ ...sample(), categories: { necessary: false, analytics: true } });
    expect(JSON.parse(encodeConsent(off))).toHaveProperty('c', { analytics: 1 });
    const { consent } = accepted(
      decodeConsent(encodeConsent(off), expectation({ offered: ['necessary', 'analytics'] })),
    );
    expect(consent.categories).toEqual({ necessary: true, analytics: true });
    for (const necessary of [0, 1]) {
      expectRejected(decodeConsent(encoded({ c: { necessary, analytics: 1 } }), expectation()));
    }
  });

  it.each<[ConsentMethod, string]>([
    ['accept-all', 'a'],
    ['reject-all', 'r'],
    ['save', 's'],
    ['close-as-reject', 'x'],
    ['api', 'p'],
  ])('writes method %s as %j', (method, code) => {
    expect(JSON.parse(encodeConsent(sample({ method })))).toHaveProperty('m', code);
  });

  it.each<[string, string | number]>([
    ['1', 1],
    ['42', 42],
    ['123456789', 123456789],
    ['2024-05', '2024-05'],
    ['0', '0'],
    ['01', '01'],
    ['1234567890', '1234567890'],
    ['1.0', '1.0'],
  ])('stores revision %j as %j', (revision, stored) => {
    expect(JSON.parse(encodeConsent(sample({ revision })))).toHaveProperty('r', stored);
  });

  it('adds the picked banner language only when it is a language tag', () => {
    expect(JSON.parse(encodeConsent(sample(), 'de'))).toHaveProperty('ui', 'de');
    expect(JSON.parse(encodeConsent(sample(), 'pt-BR'))).toHaveProperty('ui', 'pt-BR');
    for (const ui of [undefined, '', 'German', 'de_DE', '"><script>']) {
      expect(JSON.parse(encodeConsent(sample(), ui))).not.toHaveProperty('ui');
    }
  });

  it('#15: the cookie with the four default categories is at most 160 bytes as js-cookie writes it', () => {
    const cookie = (consent: Consent) =>
      `cookie_consent=${Cookies.converter.write(encodeConsent(consent), 'cookie_consent')}`;
    const now = Date.UTC(2025, 10, 29, 21, 0, 0); // 1764450000, ten digits like every time until 2286
    const accepted = sample({ method: 'accept-all', allowed: () => true, id: undefined, now });
    expect(cookie(accepted)).toBe(
      'cookie_consent={%22t%22:1764450000%2C%22r%22:1%2C%22l%22:%22tr%22%2C%22m%22:%22a%22%2C' +
        '%22c%22:{%22functional%22:1%2C%22analytics%22:1%2C%22marketing%22:1}}',
    );
    expect(cookie(accepted).length).toBeLessThanOrEqual(160);
    // Schema 1 took 196 bytes for the same choice.
    const schema1 = asSchema1({
      t: 1764450000,
      r: 1,
      l: 'tr',
      m: 'a',
      c: { functional: 1, analytics: 1, marketing: 1 },
    });
    expect(`cookie_consent=${Cookies.converter.write(JSON.stringify(schema1), 'cookie_consent')}`).toHaveLength(196);
    // With a receipt id and a string revision it stays far from the 512-byte bound.
    const receipt = sample({ id: newConsentId(), revision: '2024-05-policy-v2', language: 'pt-br' });
    expect(cookie(receipt).length).toBeLessThan(220);
  });
});

describe('encodeConsent and decodeConsent', () => {
  it.each(['1', '42', '2024-05', '0', '01', '1234567890', 'v1.2_rc-3'])('round-trip revision %j', (revision) => {
    const consent = sample({ revision });
    const result = accepted(decodeConsent(encodeConsent(consent), expectation({ revision })));
    expect(result.consent).toEqual(consent);
    expect(result.complete).toBe(true);
  });

  it.each<ConsentMethod>(['accept-all', 'reject-all', 'save', 'close-as-reject', 'api'])(
    'round-trip method %s',
    (method) => {
      const consent = sample({ method, id: undefined, now: NOW - 1234, allowed: () => true });
      const result = accepted(decodeConsent(encodeConsent(consent), expectation()));
      expect(result.consent).toEqual(consent);
    },
  );

  it('round-trip the picked banner language', () => {
    const result = accepted(decodeConsent(encodeConsent(sample(), 'fa'), expectation()));
    expect(result.ui).toBe('fa');
    expect(accepted(decodeConsent(encodeConsent(sample()), expectation())).ui).toBeUndefined();
  });

  it.each(SCHEMAS)('schema %i: ignores a bad banner language but keeps the choice', (schema) => {
    for (const ui of [1, '', 'EN', 'english', { de: 1 }, null]) {
      const result = accepted(decodeConsent(encoded({ ui }, schema), expectation()));
      expect(result.ui).toBeUndefined();
      expect(result.consent.categories['analytics']).toBe(true);
    }
  });

  it('decodes to a frozen record', () => {
    const { consent } = accepted(decodeConsent(encodeConsent(sample()), expectation()));
    expect(Object.isFrozen(consent)).toBe(true);
    expect(Object.isFrozen(consent.categories)).toBe(true);
  });

  it.each(SCHEMAS)('schema %i: reads a numeric revision back as a string', (schema) => {
    const { consent } = accepted(decodeConsent(encoded({ r: 7 }, schema), expectation({ revision: '7' })));
    expect(consent.revision).toBe('7');
    expect(consent.timestamp).toBe(new Date((NOW_S - 3600) * 1000).toISOString());
  });
});

describe('schema 1, as written before: still read, with every check', () => {
  const stored = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      v: 1,
      id: 'AbCdEf012_-x',
      ts: NOW_S - 3600,
      rev: 1,
      lang: 'pt-BR',
      m: 's',
      cats: { necessary: 1, functional: 0, analytics: 1, marketing: 0 },
      gpc: 1,
      ui: 'de',
      ...over,
    });

  it('gives the same choice as before: categories, revision, id, time, language, method, gpc and ui', () => {
    const result = accepted(decodeConsent(stored(), expectation()));
    expect(result).toEqual({
      consent: {
        categories: { necessary: true, functional: false, analytics: true, marketing: false },
        revision: '1',
        id: 'AbCdEf012_-x',
        timestamp: new Date((NOW_S - 3600) * 1000).toISOString(),
        language: 'pt-BR',
        method: 'save',
        gpc: true,
      },
      complete: true,
      ui: 'de',
    });
    expect(Object.isFrozen(result.consent)).toBe(true);
  });

  it('is read like the same choice in schema 2', () => {
    const schema2 = JSON.stringify({
      id: 'AbCdEf012_-x',
      t: NOW_S - 3600,
      r: 1,
      l: 'pt-BR',
      m: 's',
      c: { functional: 0, analytics: 1, marketing: 0 },
      gpc: 1,
      ui: 'de',
    });
    expect(decodeConsent(schema2, expectation())).toEqual(decodeConsent(stored(), expectation()));
  });

  it('a string revision, and a choice without an id, gpc or ui', () => {
    const { consent, ui } = accepted(
      decodeConsent(
        stored({ rev: '2024-05', id: undefined, gpc: undefined, ui: undefined }),
        expectation({ revision: '2024-05' }),
      ),
    );
    expect(consent).toMatchObject({ revision: '2024-05', gpc: false });
    expect(consent).not.toHaveProperty('id');
    expect(ui).toBeUndefined();
  });

  it('a record written by the schema 1 encoder round-trips through the new decoder', () => {
    // What encodeConsent wrote for sample() before schema 2, byte for byte.
    const old = `{"v":1,"id":"AbCdEf012_-x","ts":${NOW_S},"rev":1,"lang":"tr","m":"s","cats":{"necessary":1,"functional":0,"analytics":1,"marketing":0}}`;
    expect(accepted(decodeConsent(old, expectation())).consent).toEqual(sample());
  });

  it.each<[string, string]>([
    ['no necessary', stored({ cats: { analytics: 1 } })],
    ['necessary 0', stored({ cats: { necessary: 0, analytics: 1 } })],
    ['necessary set to true', stored({ cats: { necessary: true } })],
    ['empty cats', stored({ cats: {} })],
    ['schema version "1"', stored({ v: '1' })],
    ['schema version 0', stored({ v: 0 })],
    ['schema version null', stored({ v: null })],
    ['schema version 2', stored({ v: 2 })],
    ['schema version 3', stored({ v: 3 })],
  ])('rejects %s', (_name, raw) => {
    expectRejected(decodeConsent(raw, expectation()));
  });
});

describe('mixed or ambiguous records are no choice', () => {
  const v2 = validRecord();
  const v1 = asSchema1(v2);
  const cases: [string, Record<string, unknown>][] = [
    ['"v":1 with the short keys', { v: 1, ...v2 }],
    ['"v":2 with the short keys', { v: 2, ...v2 }],
    ['"v":3 with the short keys', { v: 3, ...v2 }],
    ['"v":1 with long and short time', { ...v1, t: NOW_S - 3600 }],
    ['"v":1 with "c" beside "cats"', { ...v1, c: v2['c'] }],
    ['"v":1 with "r"', { ...v1, r: 1 }],
    ['"v":1 with "l"', { ...v1, l: 'tr' }],
    ['"t" with "cats"', { ...v2, c: undefined, cats: v1['cats'] }],
    ['"t" with "ts"', { ...v2, ts: NOW_S - 3600 }],
    ['"t" with "rev"', { ...v2, rev: 1 }],
    ['"t" with "lang"', { ...v2, lang: 'tr' }],
    ['long keys without "v"', { ...v1, v: undefined }],
    ['short keys with a null "v"', { v: null, ...v2 }],
  ];

  it.each(cases)('%s', (_name, record) => {
    expectRejected(decodeConsent(JSON.stringify(record), expectation()));
  });
});

describe.each(SCHEMAS)('schema %i: decodeConsent rejects without throwing', (schema) => {
  const at = (over: Record<string, unknown>) => encoded(over, schema);
  const truncated = at({}).slice(0, -1);
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['a number', 42],
    ['an object', validRecord()],
    ['an array', [at({})]],
    ['garbage', 'garbage'],
    ['truncated JSON', truncated],
    ['half of the JSON', at({}).slice(0, 40)],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON string', '"necessary"'],
    ['JSON true', 'true'],
    ['a short id', at({ id: 'abc1234' })],
    ['a long id', at({ id: 'a'.repeat(33) })],
    ['an id with "/"', at({ id: 'abc/defgh' })],
    ['an id with "+"', at({ id: 'abc+defgh' })],
    ['a numeric id', at({ id: 12345678 })],
    ['the time as a string', at({ t: String(NOW_S - 3600) })],
    ['the time with a fraction', at({ t: NOW_S - 3600.5 })],
    ['no time', without('t', schema)],
    ['the time in the far future', at({ t: NOW_S + 365 * DAY })],
    ['the time more than a day in the future', at({ t: NOW_S + DAY + 1 })],
    ['M2: the time more than 5 minutes in the future', at({ t: NOW_S + 5 * 60 + 1 })],
    ['M2: the time an hour in the future', at({ t: NOW_S + 3600 })],
    ['a 17-character language', at({ l: 'zh-hant-tw-abcdef' })],
    ['the time older than maxAgeDays', at({ t: NOW_S - 183 * DAY })],
    ['the time before 2020', at({ t: 1_500_000_000 })],
    ['the time 0', at({ t: 0 })],
    ['the time negative', at({ t: -1 })],
    ['another revision', at({ r: 2 })],
    ['another string revision', at({ r: '1a' })],
    ['revision 0', at({ r: 0 })],
    ['revision -1', at({ r: -1 })],
    ['revision 1.5', at({ r: 1.5 })],
    ['revision with a space', at({ r: '1 ' })],
    ['no revision', without('r', schema)],
    ['upper-case language', at({ l: 'TR' })],
    ['a language name', at({ l: 'turkish' })],
    ['a language with "_"', at({ l: 'tr_TR' })],
    ['an empty language', at({ l: '' })],
    ['a numeric language', at({ l: 1 })],
    ['no language', without('l', schema)],
    ['an unknown method code', at({ m: 'z' })],
    ['a method name instead of its code', at({ m: 'accept-all' })],
    ['a numeric method', at({ m: 1 })],
    ['no method', without('m', schema)],
    ['categories as an array', at({ c: ['necessary'] })],
    ['categories as null', at({ c: null })],
    ['categories as a string', at({ c: 'necessary' })],
    ['categories as a number', at({ c: 1 })],
    ['no categories', without('c', schema)],
    ['a category set to true', at({ c: { analytics: true } })],
    ['a category set to "yes"', at({ c: { analytics: 'yes' } })],
    ['a category set to 2', at({ c: { analytics: 2 } })],
    ['a category set to null', at({ c: { analytics: null } })],
    ['a "__proto__" category', at({ c: JSON.parse('{"__proto__":1}') as unknown })],
    ['an "A;B" category', at({ c: { 'A;B': 1 } })],
    ['an upper-case category', at({ c: { Analytics: 1 } })],
    ['an empty category id', at({ c: { '': 1 } })],
    ['a category id with a digit first', at({ c: { '1st': 1 } })],
    ['a 33-character category id', at({ c: { ['a'.repeat(33)]: 1 } })],
    ['necessary 0', at({ c: { necessary: 0, analytics: 1 } })],
    ['necessary set to true', at({ c: { necessary: true } })],
    ['a 3000-character string', 'x'.repeat(3000)],
    ['a 3000-character record', at({ pad: 'x'.repeat(3000) })],
  ];

  it('starts from a valid record', () => {
    expect(accepted(decodeConsent(at({}), expectation())).complete).toBe(true);
  });

  it.each(cases)('%s', (_name, raw) => {
    expectRejected(decodeConsent(raw, expectation()));
  });
});

describe('schema 2: necessary is implicit', () => {
  it('reads a record with no categories at all when only necessary is offered', () => {
    const result = accepted(decodeConsent(encoded({ c: {} }), expectation({ offered: ['necessary'] })));
    expect(result).toMatchObject({ complete: true, consent: { categories: { necessary: true } } });
  });

  it('rejects a record that stores necessary, on or off', () => {
    expectRejected(decodeConsent(encoded({ c: { necessary: 1, analytics: 1 } }), expectation()));
    expectRejected(decodeConsent(encoded({ c: { necessary: 0 } }), expectation()));
  });
});

describe.each(SCHEMAS)('schema %i: decodeConsent boundaries', (schema) => {
  const at = (over: Record<string, unknown>) => encoded(over, schema);

  it('M2: accepts a record up to 5 minutes in the future (clock skew), not more', () => {
    expect(MAX_CLOCK_SKEW_SECONDS).toBe(300);
    expect(decodeConsent(at({ t: NOW_S + 300 }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(at({ t: NOW_S + 301 }), expectation()));
  });

  it('accepts a record just inside maxAgeDays and rejects one just outside', () => {
    expect(decodeConsent(at({ t: NOW_S - 182 * DAY }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(at({ t: NOW_S - 182 * DAY - 1 }), expectation()));
    expect(decodeConsent(at({ t: NOW_S - 2 * DAY }), expectation({ maxAgeDays: 3 })).consent).not.toBeNull();
    expectRejected(decodeConsent(at({ t: NOW_S - 4 * DAY }), expectation({ maxAgeDays: 3 })));
  });

  it('rejects anything before 2020, however long maxAgeDays is', () => {
    const forever = expectation({ maxAgeDays: 1e6 });
    const start2020 = Date.UTC(2020, 0, 1) / 1000;
    expect(decodeConsent(at({ t: start2020 }), forever).consent).not.toBeNull();
    expectRejected(decodeConsent(at({ t: start2020 - 1 }), forever));
  });

  it('accepts ids of 8 to 32 characters', () => {
    expect(decodeConsent(at({ id: 'abcd-_12' }), expectation()).consent).not.toBeNull();
    expect(decodeConsent(at({ id: 'a'.repeat(32) }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(at({ id: 'abcd-_1' }), expectation()));
  });

  it('accepts regional language tags, up to 16 characters', () => {
    const { consent } = accepted(decodeConsent(at({ l: 'pt-BR' }), expectation()));
    expect(consent.language).toBe('pt-BR');
    expect(decodeConsent(at({ l: 'zh-hant-tw-abcde' }), expectation()).consent).not.toBeNull();
  });

  it('accepts 32-character category ids and states 0 and 1 only', () => {
    const id = 'a'.repeat(32);
    const { consent } = accepted(decodeConsent(at({ c: { [id]: 1 } }), expectation({ offered: ['necessary', id] })));
    expect(consent.categories).toEqual({ necessary: true, [id]: true });
  });

  it(`reads records up to ${MAX_RECORD_LENGTH} characters`, () => {
    const base = at({ pad: '' });
    const fill = (length: number): string => at({ pad: 'x'.repeat(length - base.length) });
    expect(fill(MAX_RECORD_LENGTH)).toHaveLength(MAX_RECORD_LENGTH);
    expect(decodeConsent(fill(MAX_RECORD_LENGTH), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(fill(MAX_RECORD_LENGTH + 1), expectation()));
  });

  it('ignores unknown top-level fields', () => {
    expect(decodeConsent(at({ extra: { nested: [1, 2] } }), expectation()).consent).not.toBeNull();
  });
});

describe('encodeConsent and language tags', () => {
  it('stores a language tag longer than 16 characters as its primary subtag', () => {
    const stored = JSON.parse(encodeConsent(sample({ language: 'zh-hant-tw-abcdef' }), 'de-ch-abcdefgh-ab')) as {
      l: string;
      ui: string;
    };
    expect(stored).toMatchObject({ l: 'zh', ui: 'de' });
    expect(JSON.parse(encodeConsent(sample({ language: 'zh-hant-tw' }))).l).toBe('zh-hant-tw');
  });
});

describe('decodeConsent and prototype pollution', () => {
  /** What a fresh object inherits under "polluted". */
  const inherited = (): unknown => (({}) as Record<string, unknown>)['polluted'];

  it.each([
    `{"v":1,"id":"AbCdEf012_-x","ts":${NOW_S - 60},"rev":1,"lang":"tr","m":"a","cats":{"necessary":1,"__proto__":{"polluted":1}}}`,
    `{"id":"AbCdEf012_-x","t":${NOW_S - 60},"r":1,"l":"tr","m":"a","c":{"__proto__":{"polluted":1}}}`,
  ])('rejects a "__proto__" category and pollutes nothing: %s', (raw) => {
    expectRejected(decodeConsent(raw, expectation()));
    expect(inherited()).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it.each(SCHEMAS)('schema %i: ignores a top-level "__proto__" and pollutes nothing', (schema) => {
    for (const proto of ['{"polluted":1,"v":1}', '{"polluted":1,"t":1}', '{"v":2}']) {
      const raw = `{"__proto__":${proto},${encoded({}, schema).slice(1)}`;
      const { consent } = accepted(decodeConsent(raw, expectation()));
      expect(Object.keys(consent.categories)).toEqual(OFFERED);
    }
    expect(inherited()).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it.each(SCHEMAS)('schema %i: does not take categories from the prototype', (schema) => {
    const { consent } = accepted(
      decodeConsent(encoded({ c: {} }, schema), expectation({ offered: ['necessary', 'constructor'] })),
    );
    expect(consent.categories).toEqual({ necessary: true, constructor: false });
  });
});

describe.each(SCHEMAS)('schema %i: decodeConsent and changed categories', (schema) => {
  it('turns a newly offered category off and marks the record incomplete', () => {
    const offered = [...OFFERED, 'social'];
    const result = accepted(decodeConsent(encoded({}, schema), expectation({ offered })));
    expect(result.complete).toBe(false);
    expect(result.consent.categories).toEqual({
      necessary: true,
      functional: false,
      analytics: true,
      marketing: false,
      social: false,
    });
  });

  it('drops categories that are no longer offered', () => {
    const result = accepted(
      decodeConsent(
        encoded({ c: { analytics: 1, legacy: 1 } }, schema),
        expectation({ offered: ['necessary', 'analytics'] }),
      ),
    );
    expect(result.complete).toBe(true);
    expect(result.consent.categories).toEqual({ necessary: true, analytics: true });
  });

  it('returns categories in the order offered now', () => {
    const offered = ['necessary', 'marketing', 'analytics', 'functional'];
    const { consent } = accepted(decodeConsent(encoded({}, schema), expectation({ offered })));
    expect(Object.keys(consent.categories)).toEqual(offered);
  });

  it('keeps necessary on even if it is not offered first', () => {
    const { consent } = accepted(
      decodeConsent(encoded({}, schema), expectation({ offered: ['analytics', 'necessary'] })),
    );
    expect(consent.categories).toEqual({ analytics: true, necessary: true });
  });
});

/** A small deterministic PRNG, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('decodeConsent on random input', () => {
  const random = mulberry32(0xc0ffee);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

  const printable = (): string => {
    let text = '';
    const length = int(80);
    for (let i = 0; i < length; i++) text += String.fromCharCode(32 + int(95));
    return text;
  };

  const fragments = [
    '{',
    '}',
    '[',
    ']',
    ':',
    ',',
    '"v"',
    '"id"',
    '"ts"',
    '"rev"',
    '"lang"',
    '"m"',
    '"cats"',
    '"t"',
    '"r"',
    '"l"',
    '"c"',
    '"necessary"',
    '"analytics"',
    '"__proto__"',
    '"constructor"',
    '1',
    '0',
    '-1',
    '1e400',
    String(NOW_S),
    'null',
    'true',
    'false',
    '"a"',
    '"AbCdEf012_-x"',
    '"tr"',
    '""',
    '\\u0000',
    '"\\ud800"',
  ];
  const jsonish = (): string => {
    let text = '';
    const length = 1 + int(30);
    for (let i = 0; i < length; i++) text += pick(fragments);
    return text;
  };

  const valids = [encoded({}, 2), encoded({}, 1)];
  const mutate = (text: string): string => {
    let out = text;
    const steps = 1 + int(3);
    for (let i = 0; i < steps; i++) {
      const at = int(out.length + 1);
      switch (int(5)) {
        case 0:
          out = out.slice(0, at) + out.slice(at + 1);
          break;
        case 1:
          out = out.slice(0, at) + String.fromCharCode(32 + int(95)) + out.slice(at);
          break;
        case 2:
          out = out.slice(0, at) + String.fromCharCode(32 + int(95)) + out.slice(at + 1);
          break;
        case 3:
          out = out.slice(0, at) + pick(fragments) + out.slice(at);
          break;
        default:
          out = out.slice(0, at) + out.slice(int(out.length));
      }
    }
    return out;
  };

  /** Valid structure with one field replaced by a random value. */
  const swapped = (): string => {
    const values: unknown[] = [
      null,
      true,
      0,
      1,
      -1,
      2,
      1.5,
      '',
      'x',
      '1',
      [],
      {},
      { necessary: 1 },
      NOW_S,
      'a'.repeat(40),
    ];
    const schema = pick(SCHEMAS);
    const key = pick(['v', 'id', 't', 'r', 'l', 'm', 'c']);
    if (key === 'c' && random() < 0.5) {
      return encoded({ c: { [pick(['analytics', 'social', 'necessary', 'A', '_x'])]: pick(values) } }, schema);
    }
    return encoded({ [key]: pick(values) }, schema);
  };

  it('never throws, and returns null or the offered categories', () => {
    const offered = ['necessary', 'analytics', 'social'];
    const kinds = [printable, jsonish, () => mutate(pick(valids)), swapped];
    let decoded = 0;
    for (let i = 0; i < 2000; i++) {
      const raw = kinds[i % kinds.length]?.() ?? '';
      let result: DecodeResult | undefined;
      expect(() => {
        result = decodeConsent(raw, expectation({ offered }));
      }, raw).not.toThrow();
      if (!result) throw new Error('no result');
      if (result.consent === null) {
        expect(typeof result.reason, raw).toBe('string');
      } else {
        decoded++;
        expect(Object.keys(result.consent.categories), raw).toEqual(offered);
        expect(result.consent.categories['necessary'], raw).toBe(true);
        expect(Object.isFrozen(result.consent), raw).toBe(true);
        for (const on of Object.values(result.consent.categories)) expect(typeof on, raw).toBe('boolean');
      }
    }
    // Some mutations keep the record valid: the loop must reach the success path too.
    expect(decoded).toBeGreaterThan(10);
  });
});

describe('refusals (refusal-expires)', () => {
  const refusal = (over: Record<string, unknown> = {}) =>
    JSON.stringify({ ...validRecord(), c: { functional: 0, analytics: 0, marketing: 0 }, m: 'r', ...over });

  it('refuses: every optional category off; none offered is not a refusal', () => {
    expect(refuses({ functional: 0, analytics: 0 })).toBe(true);
    expect(refuses({ necessary: true, analytics: false })).toBe(true);
    expect(refuses({ necessary: 1, analytics: 1 })).toBe(false);
    expect(refuses({ necessary: true })).toBe(false);
    expect(refuses({})).toBe(false);
  });

  it('a refusal lasts refusalMaxAgeDays, not maxAgeDays', () => {
    const old = refusal({ t: NOW_S - 100 * DAY });
    expect(decodeConsent(old, expectation({ maxAgeDays: 30, refusalMaxAgeDays: 120 })).consent).not.toBeNull();
    expect(decodeConsent(old, expectation({ maxAgeDays: 182, refusalMaxAgeDays: 90 }))).toEqual({
      consent: null,
      reason: 'expired',
    });
  });

  it('a refusal holds across revisions; a choice that allows something does not', () => {
    const result = decodeConsent(refusal({ r: 'old' }), expectation({ revision: '2', refusalMaxAgeDays: 182 }));
    expect(result.consent).toMatchObject({ revision: 'old', method: 'reject-all' });
    expect(decodeConsent(JSON.stringify(validRecord()), expectation({ revision: '2' }))).toEqual({
      consent: null,
      reason: 'other revision',
    });
  });

  it('an acceptance keeps maxAgeDays whatever refusalMaxAgeDays says', () => {
    const old = JSON.stringify({ ...validRecord(), t: NOW_S - 40 * DAY });
    expect(decodeConsent(old, expectation({ maxAgeDays: 30, refusalMaxAgeDays: 120 }))).toEqual({
      consent: null,
      reason: 'expired',
    });
  });
});
