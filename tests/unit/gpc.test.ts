import { describe, expect, it } from 'vitest';
import { acceptAllAllowed, gpcDowngrade, gpcHonoured, saleOrShareIds } from '../../src/consent/gpc.js';
import { createConsent, type Consent } from '../../src/consent/record.js';

const OFFERED = ['necessary', 'functional', 'analytics', 'marketing'];

const choice = (allowed: string[], gpc: boolean): Consent =>
  createConsent({
    offered: OFFERED,
    allowed: (id) => allowed.includes(id),
    revision: '1',
    language: 'tr',
    method: 'save',
    gpc,
    now: Date.now(),
  });

const allowedOf = (allowed: (id: string) => boolean) => OFFERED.filter((id) => id !== 'necessary' && allowed(id));

describe('gpcHonoured', () => {
  it('is on only when the browser sends the signal and the site honours it', () => {
    expect(gpcHonoured(true, { globalPrivacyControl: true })).toBe(true);
    expect(gpcHonoured(false, { globalPrivacyControl: true })).toBe(false);
    expect(gpcHonoured(true, { globalPrivacyControl: false })).toBe(false);
    expect(gpcHonoured(true, {})).toBe(false);
    expect(gpcHonoured(true, { globalPrivacyControl: 1 as unknown as boolean })).toBe(false);
  });
});

describe('saleOrShareIds', () => {
  it('is marketing by default, among the offered categories', () => {
    expect(saleOrShareIds(null, OFFERED)).toEqual(['marketing']);
    expect(saleOrShareIds(undefined, ['necessary', 'analytics'])).toEqual([]);
  });

  it('reads gpc-categories: space-separated, any case, in the offered order, never necessary', () => {
    expect(saleOrShareIds('  Marketing   ANALYTICS video necessary ', OFFERED)).toEqual(['analytics', 'marketing']);
    expect(saleOrShareIds('', OFFERED)).toEqual([]);
  });
});

describe('acceptAllAllowed', () => {
  it('allows everything without the signal', () => {
    expect(allowedOf(acceptAllAllowed(false, ['marketing'], null))).toEqual(['functional', 'analytics', 'marketing']);
  });

  it('keeps sale or sharing off under the signal', () => {
    expect(allowedOf(acceptAllAllowed(true, ['marketing'], null))).toEqual(['functional', 'analytics']);
    expect(allowedOf(acceptAllAllowed(true, ['analytics', 'marketing'], choice(['marketing'], false)))).toEqual([
      'functional',
    ]);
  });

  it('keeps what the visitor switched on themselves under the signal', () => {
    const previous = choice(['marketing'], true);
    expect(allowedOf(acceptAllAllowed(true, ['analytics', 'marketing'], previous))).toEqual([
      'functional',
      'marketing',
    ]);
  });
});

describe('gpcDowngrade', () => {
  it('turns off the sale-or-share categories of a choice made before the signal', () => {
    expect(gpcDowngrade(choice(['analytics', 'marketing'], false), true, ['analytics', 'marketing'])).toEqual([
      'analytics',
      'marketing',
    ]);
    expect(gpcDowngrade(choice(['functional', 'marketing'], false), true, ['analytics', 'marketing'])).toEqual([
      'marketing',
    ]);
  });

  it('changes nothing without a choice or the signal, for a choice made under it, or with nothing to turn off', () => {
    expect(gpcDowngrade(null, true, ['marketing'])).toEqual([]);
    expect(gpcDowngrade(choice(['marketing'], false), false, ['marketing'])).toEqual([]);
    expect(gpcDowngrade(choice(['marketing'], true), true, ['marketing'])).toEqual([]);
    expect(gpcDowngrade(choice(['analytics'], false), true, ['marketing'])).toEqual([]);
  });
});
