import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConsent, decodeConsent, encodeConsent } from '../../src/consent/record.js';

const OFFERED = ['necessary', 'functional', 'analytics', 'marketing'];
const NOW = Date.UTC(2026, 10, 29, 12);
const expectation = { revision: '1', offered: OFFERED, maxAgeDays: 182, now: NOW };

/** A valid stored record, as the banner writes it (schema 2). */
const valid = encodeConsent(
  createConsent({
    offered: OFFERED,
    allowed: (id) => id === 'analytics',
    revision: '1',
    language: 'tr',
    method: 'save',
    gpc: false,
    now: NOW - 1000,
  }),
);

/** The same choice as schema 1 wrote it: still read, so it is fuzzed too. */
const schema1 = JSON.stringify({
  v: 1,
  ts: Math.floor((NOW - 1000) / 1000),
  rev: 1,
  lang: 'tr',
  m: 's',
  cats: { necessary: 1, functional: 0, analytics: 1, marketing: 0 },
});

/** Checks the decoder's contract for one input: no throw; either no choice or a well-formed one. */
function holds(raw: unknown): boolean {
  const result = decodeConsent(raw, expectation);
  if (result.consent === null) return true;
  const { categories } = result.consent;
  return (
    Object.keys(categories).join() === OFFERED.join() &&
    categories['necessary'] === true &&
    Object.values(categories).every((v) => typeof v === 'boolean') &&
    Object.isFrozen(result.consent) &&
    Object.getPrototypeOf(categories) === Object.prototype
  );
}

describe('the cookie decoder under fuzzing', () => {
  it('never throws and never returns a malformed choice for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), holds), { numRuns: 3000 });
  });

  it('…for arbitrary JSON, including prototype keys', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'v',
        'cats',
        'ts',
        'id',
        't',
        'r',
        'l',
        'c',
        'necessary',
      ),
      fc.string(),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 6 }),
      ),
    })).value;
    fc.assert(
      fc.property(
        json,
        (value) => holds(JSON.stringify(value)) && ({} as Record<string, unknown>)['polluted'] === undefined,
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['schema 2', valid],
    ['schema 1', schema1],
  ])('…for mutations of a valid %s record: changed, cut or spliced characters', (_schema, record) => {
    const mutated = fc
      .tuple(fc.nat({ max: record.length }), fc.nat({ max: 10 }), fc.string({ maxLength: 12 }))
      .map(([at, cut, insert]) => record.slice(0, at) + insert + record.slice(at + cut));
    fc.assert(fc.property(mutated, holds), { numRuns: 3000 });
  });

  it.each([
    ['schema 2', valid],
    ['schema 1', schema1],
  ])('…for %s records with every field replaced by a value of another type', (_schema, record) => {
    const base = JSON.parse(record) as Record<string, unknown>;
    const anything = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.array(fc.integer()),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), anything, (field, value) =>
        holds(JSON.stringify({ ...base, [field]: value })),
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts the valid records themselves (the fuzzing starts from something the decoder takes)', () => {
    expect(decodeConsent(valid, expectation).consent).not.toBeNull();
    expect(decodeConsent(schema1, expectation).consent).toEqual(decodeConsent(valid, expectation).consent);
  });
});
