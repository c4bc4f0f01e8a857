import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  DEFAULT_CONSENT_MODE_MAP,
  NECESSARY_SIGNALS,
  SIGNALS,
  checkGpcMap,
  consentModeMap,
  signalState,
} from '../../src/consent/consent-mode.js';

let consoleWarn: MockInstance<typeof console.warn>;
let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleWarn.mockRestore();
  consoleError.mockRestore();
});

const errors = () => consoleError.mock.calls.map((call) => String(call[0]));
const warnings = () => consoleWarn.mock.calls.map((call) => String(call[0]));

describe('consentModeMap: M4, no advertising or measurement signal as necessary', () => {
  for (const signal of [
    'ad_storage',
    'ad_user_data',
    'ad_personalization',
    'analytics_storage',
    'personalization_storage',
  ]) {
    it(`M4: refuses "${signal}" → necessary and keeps the default`, () => {
      const map = consentModeMap(JSON.stringify({ [signal]: 'necessary' }));
      expect(map).toEqual(DEFAULT_CONSENT_MODE_MAP);
      expect(errors()).toEqual([expect.stringMatching(new RegExp(`CEREZ_SIGNAL_AS_NECESSARY.*"${signal}"`))]);
    });
  }

  it('M4: refuses it in an object too, and keeps the rest of the map', () => {
    const map = consentModeMap({ ad_storage: 'necessary', personalization_storage: 'marketing' });
    expect(map).toEqual({ ...DEFAULT_CONSENT_MODE_MAP, personalization_storage: 'marketing' });
    // Said once per page (warn.ts): the same refusal was reported by the test above.
  });

  it('M4: the pushed default stays denied before any choice', () => {
    const map = consentModeMap('{"ad_storage":"necessary","analytics_storage":"necessary"}');
    const state = signalState(map, (category) => category === 'necessary');
    expect(state).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied', security_storage: 'granted' });
  });

  it('allows security_storage and functionality_storage as necessary', () => {
    expect(NECESSARY_SIGNALS).toEqual(['security_storage', 'functionality_storage']);
    const map = consentModeMap({ functionality_storage: 'necessary', security_storage: 'necessary' });
    expect(map).toEqual({ ...DEFAULT_CONSENT_MODE_MAP, functionality_storage: 'necessary' });
    expect(errors()).toEqual([]);
  });

  it('the default map passes its own check', () => {
    expect(consentModeMap(DEFAULT_CONSENT_MODE_MAP)).toEqual(DEFAULT_CONSENT_MODE_MAP);
    expect(Object.keys(DEFAULT_CONSENT_MODE_MAP).sort()).toEqual([...SIGNALS].sort());
    expect(errors()).toEqual([]);
    expect(warnings()).toEqual([]);
  });
});

describe('checkGpcMap: M4, advertising signals and Global Privacy Control', () => {
  const offered = ['necessary', 'functional', 'analytics', 'marketing'];

  it('M4: warns when an ad_* signal follows an offered category that GPC keeps on', () => {
    checkGpcMap(consentModeMap({ ad_user_data: 'analytics' }), offered, ['marketing']);
    expect(warnings()).toEqual([expect.stringMatching(/"ad_user_data" follows "analytics".*gpc-categories/)]);
  });

  it('says nothing for the default map, a category GPC covers, or one that is not offered', () => {
    checkGpcMap(DEFAULT_CONSENT_MODE_MAP, offered, ['marketing']);
    checkGpcMap(consentModeMap({ ad_storage: 'ads' }), [...offered, 'ads'], ['ads', 'marketing']);
    checkGpcMap(consentModeMap({ ad_personalization: 'video' }), offered, ['marketing']);
    checkGpcMap(consentModeMap({ analytics_storage: 'functional' }), offered, ['marketing']);
    expect(warnings()).toEqual([]);
  });
});
