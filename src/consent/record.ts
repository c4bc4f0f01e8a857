import { NECESSARY } from './categories.js';

/** How a choice was made. Stored with the choice, as proof of how consent was given or refused. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'save' | 'close-as-reject' | 'api' | 'gpc';

/**
 * The visitor's choice, as the page sees it in events and in the `consent` property.
 * Frozen: a listener cannot change what was stored.
 */
export interface Consent {
  /** Each offered category and whether it is allowed; `necessary` is always `true`. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** The `revision` of the site's cookie policy the visitor chose under. */
  readonly revision: string;
  /**
   * A random id for this choice, present only when the site sends receipts (`receipt-url`): it ties the
   * stored choice to its receipt, as proof of consent. It identifies no one and must never be joined with
   * analytics or other data about the visitor.
   */
  readonly id?: string;
  /** When the choice was made, ISO 8601 in UTC (stored to the second). */
  readonly timestamp: string;
  /** The language the visitor read the notice in when choosing. */
  readonly language: string;
  /** How the choice was made. `gpc`: the browser's Global Privacy Control signal turned categories off. */
  readonly method: ConsentMethod;
  /** Whether the browser sent Global Privacy Control when the choice was made (and it was honoured). */
  readonly gpc: boolean;
}

/**
 * The schema written. Schema 2 has no `v` key: its key set marks it (`t` and `c`, no `v`). Schema 1
 * records (`"v":1`, long keys) are still read; a later schema would add `"v":3`. A record with any
 * other `v` counts as no choice.
 */
export const SCHEMA_VERSION = 2;

/** The one older schema still read, marked `"v":1`. */
const SCHEMA_1 = 1;

/**
 * Records longer than this are not read: a consent record is small (the whole cookie stays within 512
 * bytes, see `MAX_CATEGORY_BYTES`), so a big one is not ours.
 */
export const MAX_RECORD_LENGTH = 2048;

const METHOD_CODES: Readonly<Record<ConsentMethod, string>> = {
  'accept-all': 'a',
  'reject-all': 'r',
  save: 's',
  'close-as-reject': 'x',
  api: 'p',
  gpc: 'g',
};
const METHODS_BY_CODE = new Map(Object.entries(METHOD_CODES).map(([m, c]) => [c, m as ConsentMethod]));

const ID = /^[A-Za-z0-9_-]{8,32}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/** The longest language tag stored (`zh-Hant-TW` is 10); a longer one is stored as its primary subtag. */
export const MAX_LANGUAGE_LENGTH = 16;
const REVISION = /^[A-Za-z0-9._-]{1,32}$/;
const CATEGORY = /^[a-z][a-z0-9_-]{0,31}$/;
const DAY = 86_400;
/**
 * Clocks disagree a little: a record up to 5 minutes in the future still counts as the visitor's own.
 * Further ahead it is not ours (nothing we write is dated ahead) and counts as no choice: a forged
 * far-future record would otherwise outlive every real one.
 */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** No record can be older than the product: anything before 2020 was not written by us. */
const EARLIEST = 1_577_836_800;

/** A random, unguessable id for a choice (72 bits, base64url). */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
}

/** Whether a revision, as given in the attribute, is valid: 1–32 letters, digits, `.`, `-` or `_`. */
export function isValidRevision(value: string): boolean {
  return REVISION.test(value);
}

export interface NewConsent {
  /** Every category the banner offers, in order. */
  offered: readonly string[];
  /** Which of them are allowed; `necessary` is allowed whatever this says. */
  allowed: (id: string) => boolean;
  revision: string;
  language: string;
  method: ConsentMethod;
  gpc: boolean;
  /** Time of the choice in ms since the epoch. */
  now: number;
  /** Whether the site sends receipts (`receipt-url`): only then does the choice get an id. */
  receipts?: boolean;
  /** The id to use (tests); by default a fresh one when `receipts` is on, else none. */
  id?: string;
}

/** Builds a frozen consent record for a new choice. */
export function createConsent(input: NewConsent): Consent {
  const categories: Record<string, boolean> = {};
  for (const id of input.offered) categories[id] = id === NECESSARY || input.allowed(id);
  const consentId = input.id ?? (input.receipts ? newConsentId() : undefined);
  return freeze({
    categories,
    revision: input.revision,
    ...(consentId === undefined ? {} : { id: consentId }),
    timestamp: new Date(Math.floor(input.now / 1000) * 1000).toISOString(),
    language: input.language,
    method: input.method,
    gpc: input.gpc,
  });
}

/** Freezes a record and its categories, so that listeners cannot change what was stored. */
export function freeze(consent: Consent): Consent {
  Object.freeze(consent.categories);
  return Object.freeze(consent);
}

/** A language tag as stored: at most `MAX_LANGUAGE_LENGTH` characters, else its primary subtag. */
function storedLanguage(tag: string): string {
  return tag.length <= MAX_LANGUAGE_LENGTH ? tag : (tag.split('-')[0] ?? tag);
}

/**
 * The stored form, schema 2: compact JSON with one-letter keys, percent-encoded by js-cookie where a cookie
 * value needs it (`"` and `,`).
 * `{"id":"…","t":1764450000,"r":1,"l":"tr","m":"a","c":{"functional":1,"analytics":0,"marketing":0}}`:
 * `t` the time in Unix seconds, `r` the revision (a number when it is a plain positive integer), `l` the
 * language, `m` the method code, `c` each optional category, 0 or 1. `necessary` is always on and not
 * stored. `id` only when the site sends receipts; `"gpc":1` when Global Privacy Control was honoured;
 * `"ui":"de"` when the visitor picked the banner's language themselves. Language tags longer than 16
 * characters are stored as their primary subtag.
 */
export function encodeConsent(consent: Consent, ui?: string): string {
  const c: Record<string, 0 | 1> = {};
  for (const [id, on] of Object.entries(consent.categories)) if (id !== NECESSARY) c[id] = on ? 1 : 0;
  return JSON.stringify({
    id: consent.id,
    t: Math.floor(Date.parse(consent.timestamp) / 1000),
    r: /^[1-9]\d{0,8}$/.test(consent.revision) ? Number(consent.revision) : consent.revision,
    l: storedLanguage(consent.language),
    m: METHOD_CODES[consent.method],
    c,
    gpc: consent.gpc ? 1 : undefined,
    ui: ui && LANGUAGE.test(ui) ? storedLanguage(ui) : undefined,
  });
}

export interface Expectation {
  /** The revision the page runs under now. */
  revision: string;
  /** The categories the banner offers now. */
  offered: readonly string[];
  /** How long a choice is valid, in days. */
  maxAgeDays: number;
  /**
   * How long a refusal (every optional category off) is valid, in days (`refusal-expires`); a refusal also holds
   * across revisions. Default: `maxAgeDays`.
   */
  refusalMaxAgeDays?: number;
  /** Now, in ms since the epoch. */
  now: number;
}

export type DecodeResult =
  | {
      consent: Consent;
      /** False when the site now offers a category the visitor was never asked about. */
      complete: boolean;
      /** The language the visitor picked for the banner, if they did. */
      ui: string | undefined;
    }
  | { consent: null; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reject(reason: string): DecodeResult {
  return { consent: null, reason };
}

/** The keys of each schema that the other lacks: a record with keys of both is not ours. */
const SCHEMA_1_KEYS = ['v', 'ts', 'rev', 'lang', 'cats'];
const SCHEMA_2_KEYS = ['t', 'r', 'l', 'c'];

interface Fields {
  schema: 1 | 2;
  ts: unknown;
  rev: unknown;
  lang: unknown;
  cats: unknown;
}

/**
 * The fields of a stored record by their schema-2 meaning: schema 2 (`t`, `r`, `l`, `c`, no `v`) or
 * schema 1 (`"v":1`, `ts`, `rev`, `lang`, `cats`). A reason instead when it is neither: another `v`, or
 * keys of both (`v` with short keys, `t` with `cats`).
 */
function fields(data: Record<string, unknown>): Fields | string {
  const has = (key: string) => Object.hasOwn(data, key);
  if (!has('v')) {
    if (SCHEMA_1_KEYS.some(has)) return 'mixed schema';
    return { schema: 2, ts: data['t'], rev: data['r'], lang: data['l'], cats: data['c'] };
  }
  if (data['v'] !== SCHEMA_1) return 'unknown schema version';
  if (SCHEMA_2_KEYS.some(has)) return 'mixed schema';
  return { schema: 1, ts: data['ts'], rev: data['rev'], lang: data['lang'], cats: data['cats'] };
}

/**
 * Reads a stored record of either schema. Anything that does not decode or validate, or that was made
 * under another revision or too long ago, counts as no choice: this never throws.
 * `complete` is false when the site now offers a category the visitor was never asked about.
 */
export function decodeConsent(raw: unknown, expect: Expectation): DecodeResult {
  if (typeof raw !== 'string' || raw === '') return reject('empty');
  if (raw.length > MAX_RECORD_LENGTH) return reject('too long');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return reject('not JSON');
  }
  if (!isPlainObject(data)) return reject('not an object');
  const stored = fields(data);
  if (typeof stored === 'string') return reject(stored);
  const { schema, ts, rev, lang, cats } = stored;
  const { id, m, ui, gpc } = data;
  if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) return reject('bad id');
  if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < EARLIEST) return reject('bad time');
  const nowSeconds = Math.floor(expect.now / 1000);
  if (ts > nowSeconds + MAX_CLOCK_SKEW_SECONDS) return reject('time in the future');
  const refusal = isPlainObject(cats) && refuses(cats);
  const maxAge = refusal ? (expect.refusalMaxAgeDays ?? expect.maxAgeDays) : expect.maxAgeDays;
  if (nowSeconds - ts > maxAge * DAY) return reject('expired');
  const revision = typeof rev === 'number' && Number.isInteger(rev) && rev > 0 ? String(rev) : rev;
  if (typeof revision !== 'string' || !REVISION.test(revision)) return reject('bad revision');
  // A refusal is not asked again under a new revision: it agreed to nothing the new policy could change.
  if (revision !== expect.revision && !refusal) return reject('other revision');
  if (typeof lang !== 'string' || lang.length > MAX_LANGUAGE_LENGTH || !LANGUAGE.test(lang)) {
    return reject('bad language');
  }
  const method = typeof m === 'string' ? METHODS_BY_CODE.get(m) : undefined;
  if (!method) return reject('bad method');
  if (!isPlainObject(cats)) return reject('bad categories');
  for (const key of Object.keys(cats)) {
    if (!CATEGORY.test(key)) return reject('bad category id');
    if (cats[key] !== 0 && cats[key] !== 1) return reject('bad category state');
  }
  // Schema 1 stored `"necessary":1`; schema 2 never stores it, so a record that does is not ours.
  if (schema === 1 ? cats[NECESSARY] !== 1 : Object.hasOwn(cats, NECESSARY)) return reject('necessary stored or off');
  let complete = true;
  const categories: Record<string, boolean> = {};
  for (const category of expect.offered) {
    const asked = category === NECESSARY || Object.hasOwn(cats, category);
    if (!asked) complete = false;
    categories[category] = category === NECESSARY || (asked && cats[category] === 1);
  }
  return {
    consent: freeze({
      categories,
      revision,
      ...(typeof id === 'string' ? { id } : {}),
      timestamp: new Date(ts * 1000).toISOString(),
      language: lang,
      method,
      gpc: gpc === 1,
    }),
    complete,
    ui: typeof ui === 'string' && ui.length <= MAX_LANGUAGE_LENGTH && LANGUAGE.test(ui) ? ui : undefined,
  };
}

/**
 * Whether a choice refuses every optional category it holds (stored `0`/`1` or `true`/`false`; `necessary` does
 * not count). A choice with no optional category is not a refusal.
 */
export function refuses(categories: Readonly<Record<string, unknown>>): boolean {
  const optional = Object.keys(categories).filter((id) => id !== NECESSARY);
  return optional.length > 0 && optional.every((id) => !categories[id]);
}

/** The optional categories whose allowed state differs between two choices (`null`: nothing allowed). */
export function changedCategories(previous: Consent | null, next: Consent | null): string[] {
  const before = previous?.categories ?? {};
  const after = next?.categories ?? {};
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => id !== NECESSARY && (before[id] === true) !== (after[id] === true));
}
