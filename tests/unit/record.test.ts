import { describe, expect, it } from 'vitest';
import {
  MAX_CLOCK_SKEW_SECONDS,
  MAX_RECORD_LENGTH,
  SCHEMA_VERSION,
  createConsent,
  decodeConsent,
  encodeConsent,
  isValidRevision,
  newConsentId,
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

/** A valid stored record, as an object, one hour old. */
const validRecord = (): Record<string, unknown> => ({
  v: 1,
  id: 'AbCdEf012_-x',
  ts: NOW_S - 3600,
  rev: 1,
  lang: 'tr',
  m: 'a',
  cats: { necessary: 1, functional: 0, analytics: 1, marketing: 0 },
});

const encoded = (over: Record<string, unknown> = {}): string => JSON.stringify({ ...validRecord(), ...over });

const without = (key: string): string =>
  JSON.stringify(Object.fromEntries(Object.entries(validRecord()).filter(([name]) => name !== key)));

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

  it('L3: a record without an id decodes, and has no id', () => {
    const { consent } = accepted(decodeConsent(without('id'), expectation()));
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
  it('writes compact JSON with short keys', () => {
    expect(JSON.parse(encodeConsent(sample()))).toEqual({
      v: SCHEMA_VERSION,
      id: 'AbCdEf012_-x',
      ts: NOW_S,
      rev: 1,
      lang: 'tr',
      m: 's',
      cats: { necessary: 1, functional: 0, analytics: 1, marketing: 0 },
    });
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
    expect(JSON.parse(encodeConsent(sample({ revision })))).toHaveProperty('rev', stored);
  });

  it('adds the picked banner language only when it is a language tag', () => {
    expect(JSON.parse(encodeConsent(sample(), 'de'))).toHaveProperty('ui', 'de');
    expect(JSON.parse(encodeConsent(sample(), 'pt-BR'))).toHaveProperty('ui', 'pt-BR');
    for (const ui of [undefined, '', 'German', 'de_DE', '"><script>']) {
      expect(JSON.parse(encodeConsent(sample(), ui))).not.toHaveProperty('ui');
    }
  });

  it('stays under 300 characters for 4 categories, even URI-encoded', () => {
    const consent = sample({ id: newConsentId(), revision: '2024-05-policy-v2', language: 'pt-br' });
    expect(encodeURIComponent(encodeConsent(consent)).length).toBeLessThan(300);
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

  it('ignores a bad banner language but keeps the choice', () => {
    for (const ui of [1, '', 'EN', 'english', { de: 1 }, null]) {
      const result = accepted(decodeConsent(encoded({ ui }), expectation()));
      expect(result.ui).toBeUndefined();
      expect(result.consent.categories['analytics']).toBe(true);
    }
  });

  it('decodes to a frozen record', () => {
    const { consent } = accepted(decodeConsent(encodeConsent(sample()), expectation()));
    expect(Object.isFrozen(consent)).toBe(true);
    expect(Object.isFrozen(consent.categories)).toBe(true);
  });

  it('reads a numeric revision back as a string', () => {
    const { consent } = accepted(decodeConsent(encoded({ rev: 7 }), expectation({ revision: '7' })));
    expect(consent.revision).toBe('7');
    expect(consent.timestamp).toBe(new Date((NOW_S - 3600) * 1000).toISOString());
  });
});

describe('decodeConsent rejects without throwing', () => {
  const truncated = encoded().slice(0, -1);
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['a number', 42],
    ['an object', validRecord()],
    ['an array', [encoded()]],
    ['garbage', 'garbage'],
    ['truncated JSON', truncated],
    ['half of the JSON', encoded().slice(0, 40)],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON string', '"necessary"'],
    ['JSON true', 'true'],
    ['schema version 2', encoded({ v: 2 })],
    ['schema version "1"', encoded({ v: '1' })],
    ['schema version 0', encoded({ v: 0 })],
    ['no schema version', without('v')],
    ['a short id', encoded({ id: 'abc1234' })],
    ['a long id', encoded({ id: 'a'.repeat(33) })],
    ['an id with "/"', encoded({ id: 'abc/defgh' })],
    ['an id with "+"', encoded({ id: 'abc+defgh' })],
    ['a numeric id', encoded({ id: 12345678 })],
    ['ts as a string', encoded({ ts: String(NOW_S - 3600) })],
    ['ts with a fraction', encoded({ ts: NOW_S - 3600.5 })],
    ['no ts', without('ts')],
    ['ts in the far future', encoded({ ts: NOW_S + 365 * DAY })],
    ['ts more than a day in the future', encoded({ ts: NOW_S + DAY + 1 })],
    ['M2: ts more than 5 minutes in the future', encoded({ ts: NOW_S + 5 * 60 + 1 })],
    ['M2: ts an hour in the future', encoded({ ts: NOW_S + 3600 })],
    ['a 17-character language', encoded({ lang: 'zh-hant-tw-abcdef' })],
    ['ts older than maxAgeDays', encoded({ ts: NOW_S - 183 * DAY })],
    ['ts before 2020', encoded({ ts: 1_500_000_000 })],
    ['ts 0', encoded({ ts: 0 })],
    ['ts negative', encoded({ ts: -1 })],
    ['another revision', encoded({ rev: 2 })],
    ['another string revision', encoded({ rev: '1a' })],
    ['revision 0', encoded({ rev: 0 })],
    ['revision -1', encoded({ rev: -1 })],
    ['revision 1.5', encoded({ rev: 1.5 })],
    ['revision with a space', encoded({ rev: '1 ' })],
    ['no revision', without('rev')],
    ['upper-case language', encoded({ lang: 'TR' })],
    ['a language name', encoded({ lang: 'turkish' })],
    ['a language with "_"', encoded({ lang: 'tr_TR' })],
    ['an empty language', encoded({ lang: '' })],
    ['a numeric language', encoded({ lang: 1 })],
    ['no language', without('lang')],
    ['an unknown method code', encoded({ m: 'z' })],
    ['a method name instead of its code', encoded({ m: 'accept-all' })],
    ['a numeric method', encoded({ m: 1 })],
    ['no method', without('m')],
    ['cats as an array', encoded({ cats: ['necessary'] })],
    ['cats as null', encoded({ cats: null })],
    ['cats as a string', encoded({ cats: 'necessary' })],
    ['cats as a number', encoded({ cats: 1 })],
    ['no cats', without('cats')],
    ['a category set to true', encoded({ cats: { necessary: 1, analytics: true } })],
    ['a category set to "yes"', encoded({ cats: { necessary: 1, analytics: 'yes' } })],
    ['a category set to 2', encoded({ cats: { necessary: 1, analytics: 2 } })],
    ['a category set to null', encoded({ cats: { necessary: 1, analytics: null } })],
    ['necessary set to true', encoded({ cats: { necessary: true } })],
    ['a "__proto__" category', encoded({ cats: JSON.parse('{"necessary":1,"__proto__":1}') as unknown })],
    ['an "A;B" category', encoded({ cats: { necessary: 1, 'A;B': 1 } })],
    ['an upper-case category', encoded({ cats: { necessary: 1, Analytics: 1 } })],
    ['an empty category id', encoded({ cats: { necessary: 1, '': 1 } })],
    ['a category id with a digit first', encoded({ cats: { necessary: 1, '1st': 1 } })],
    ['a 33-character category id', encoded({ cats: { necessary: 1, ['a'.repeat(33)]: 1 } })],
    ['necessary 0', encoded({ cats: { necessary: 0, analytics: 1 } })],
    ['no necessary', encoded({ cats: { analytics: 1 } })],
    ['empty cats', encoded({ cats: {} })],
    ['a 3000-character string', 'x'.repeat(3000)],
    ['a 3000-character record', encoded({ pad: 'x'.repeat(3000) })],
  ];

  it('starts from a valid record', () => {
    expect(accepted(decodeConsent(encoded(), expectation())).complete).toBe(true);
  });

  it.each(cases)('%s', (_name, raw) => {
    expectRejected(decodeConsent(raw, expectation()));
  });
});

describe('decodeConsent boundaries', () => {
  it('M2: accepts a record up to 5 minutes in the future (clock skew), not more', () => {
    expect(MAX_CLOCK_SKEW_SECONDS).toBe(300);
    expect(decodeConsent(encoded({ ts: NOW_S + 300 }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(encoded({ ts: NOW_S + 301 }), expectation()));
  });

  it('stores a language tag longer than 16 characters as its primary subtag', () => {
    const stored = JSON.parse(encodeConsent(sample({ language: 'zh-hant-tw-abcdef' }), 'de-ch-abcdefgh-ab')) as {
      lang: string;
      ui: string;
    };
    expect(stored).toMatchObject({ lang: 'zh', ui: 'de' });
    expect(JSON.parse(encodeConsent(sample({ language: 'zh-hant-tw' }))).lang).toBe('zh-hant-tw');
  });

  it('accepts a record just inside maxAgeDays and rejects one just outside', () => {
    expect(decodeConsent(encoded({ ts: NOW_S - 182 * DAY }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(encoded({ ts: NOW_S - 182 * DAY - 1 }), expectation()));
    expect(decodeConsent(encoded({ ts: NOW_S - 2 * DAY }), expectation({ maxAgeDays: 3 })).consent).not.toBeNull();
    expectRejected(decodeConsent(encoded({ ts: NOW_S - 4 * DAY }), expectation({ maxAgeDays: 3 })));
  });

  it('rejects anything before 2020, however long maxAgeDays is', () => {
    const forever = expectation({ maxAgeDays: 1e6 });
    const start2020 = Date.UTC(2020, 0, 1) / 1000;
    expect(decodeConsent(encoded({ ts: start2020 }), forever).consent).not.toBeNull();
    expectRejected(decodeConsent(encoded({ ts: start2020 - 1 }), forever));
  });

  it('accepts ids of 8 to 32 characters', () => {
    expect(decodeConsent(encoded({ id: 'abcd-_12' }), expectation()).consent).not.toBeNull();
    expect(decodeConsent(encoded({ id: 'a'.repeat(32) }), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(encoded({ id: 'abcd-_1' }), expectation()));
  });

  it('accepts regional language tags', () => {
    const { consent } = accepted(decodeConsent(encoded({ lang: 'pt-BR' }), expectation()));
    expect(consent.language).toBe('pt-BR');
  });

  it(`reads records up to ${MAX_RECORD_LENGTH} characters`, () => {
    const base = encoded({ pad: '' });
    const fill = (length: number): string => encoded({ pad: 'x'.repeat(length - base.length) });
    expect(fill(MAX_RECORD_LENGTH)).toHaveLength(MAX_RECORD_LENGTH);
    expect(decodeConsent(fill(MAX_RECORD_LENGTH), expectation()).consent).not.toBeNull();
    expectRejected(decodeConsent(fill(MAX_RECORD_LENGTH + 1), expectation()));
  });

  it('ignores unknown top-level fields', () => {
    expect(decodeConsent(encoded({ extra: { nested: [1, 2] } }), expectation()).consent).not.toBeNull();
  });
});

describe('decodeConsent and prototype pollution', () => {
  /** What a fresh object inherits under "polluted". */
  const inherited = (): unknown => (({}) as Record<string, unknown>)['polluted'];

  it('rejects a "__proto__" category and pollutes nothing', () => {
    const raw =
      `{"v":1,"id":"AbCdEf012_-x","ts":${NOW_S - 60},"rev":1,"lang":"tr","m":"a",` +
      `"cats":{"necessary":1,"__proto__":{"polluted":1}}}`;
    expectRejected(decodeConsent(raw, expectation()));
    expect(inherited()).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('ignores a top-level "__proto__" and pollutes nothing', () => {
    const raw = `{"__proto__":{"polluted":1,"v":1},${encoded().slice(1)}`;
    const { consent } = accepted(decodeConsent(raw, expectation()));
    expect(Object.keys(consent.categories)).toEqual(OFFERED);
    expect(inherited()).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('does not take categories from the prototype', () => {
    const { consent } = accepted(
      decodeConsent(encoded({ cats: { necessary: 1 } }), expectation({ offered: ['necessary', 'constructor'] })),
    );
    expect(consent.categories).toEqual({ necessary: true, constructor: false });
  });
});

describe('decodeConsent and changed categories', () => {
  it('turns a newly offered category off and marks the record incomplete', () => {
    const offered = [...OFFERED, 'social'];
    const result = accepted(decodeConsent(encoded(), expectation({ offered })));
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
        encoded({ cats: { necessary: 1, analytics: 1, legacy: 1 } }),
        expectation({ offered: ['necessary', 'analytics'] }),
      ),
    );
    expect(result.complete).toBe(true);
    expect(result.consent.categories).toEqual({ necessary: true, analytics: true });
  });

  it('returns categories in the order offered now', () => {
    const offered = ['necessary', 'marketing', 'analytics', 'functional'];
    const { consent } = accepted(decodeConsent(encoded(), expectation({ offered })));
    expect(Object.keys(consent.categories)).toEqual(offered);
  });

  it('keeps necessary on even if it is not offered first', () => {
    const { consent } = accepted(decodeConsent(encoded(), expectation({ offered: ['analytics', 'necessary'] })));
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

  const valid = encoded();
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
    const key = pick(['v', 'id', 'ts', 'rev', 'lang', 'm', 'cats']);
    if (key === 'cats' && random() < 0.5) {
      return encoded({ cats: { necessary: 1, [pick(['analytics', 'social', 'A', '_x'])]: pick(values) } });
    }
    return encoded({ [key]: pick(values) });
  };

  it('never throws, and returns null or the offered categories', () => {
    const offered = ['necessary', 'analytics', 'social'];
    const kinds = [printable, jsonish, () => mutate(valid), swapped];
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
