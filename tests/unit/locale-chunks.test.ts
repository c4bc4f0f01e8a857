import { describe, expect, it } from 'vitest';
import { firstLanguage, loadStrings } from '../../src/i18n/locale-chunks.js';

describe('firstLanguage: the chunk requested beside the UI chunk', () => {
  it('takes the first candidate with a chunk, by tag or primary subtag, case-insensitively', () => {
    expect(firstLanguage([undefined, null, '', 'DE-at', 'fr'], null)).toBe('de');
    expect(firstLanguage(['xx', 'pt-BR'], null)).toBe('pt');
    expect(firstLanguage(['sr-Latn'], null)).toBe('sr-Latn');
  });

  it('asks for nothing when Turkish comes first: it comes with the UI chunk; English is a chunk like the others', () => {
    expect(firstLanguage(['tr', 'de'], null)).toBeUndefined();
    expect(firstLanguage(['en-GB', 'de'], null)).toBe('en');
    expect(firstLanguage([], null)).toBeUndefined();
  });

  it('stays within the site\u2019s languages', () => {
    expect(firstLanguage(['de', 'fr'], 'tr fr')).toBe('fr');
    expect(firstLanguage(['de'], '  ')).toBe('de');
  });

  it('every shipped chunk loads its strings, once per page', async () => {
    const first = loadStrings('de');
    expect(first).toBe(loadStrings('de'));
    expect(await first).toHaveProperty('banner.heading');
    expect(loadStrings('tr')).toBeUndefined();
  });
});
