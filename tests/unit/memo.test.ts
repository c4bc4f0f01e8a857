import { describe, expect, it } from 'vitest';
import { lastCall } from '../../src/internal/memo.js';
import { offeredFor } from '../../src/controllers/session-settings.js';
import type { Texts } from '../../src/i18n/texts.js';

describe('lastCall', () => {
  it('makes the value once while every argument stays the same (===), and again when one changes', () => {
    let made = 0;
    const value = lastCall((first: string, second: object) => {
      made++;
      return { first, second };
    });
    const b = {};
    const one = value('x', b);
    expect(value('x', b)).toBe(one);
    expect(made).toBe(1);
    const two = value('y', b);
    expect(two).not.toBe(one);
    expect(two.first).toBe('y');
    // An object equal in content is still another argument: callers pass a new one only when it changed.
    expect(value('y', {})).not.toBe(two);
    expect(made).toBe(3);
    // Only the last call is remembered.
    value('x', b);
    expect(made).toBe(4);
  });
});

describe('offeredFor', () => {
  it('follows `categories` and the texts, and keeps the same list between changes', () => {
    const settings = { categories: 'analytics marketing' as string | null } as Parameters<typeof offeredFor>[0];
    let texts: Texts = {};
    const offered = offeredFor(settings, () => texts);
    const first = offered();
    expect(first).toEqual(['necessary', 'analytics', 'marketing']);
    expect(offered()).toBe(first);
    (settings as { categories: string | null }).categories = 'analytics video';
    // `video` is not described: only described categories are offered.
    expect(offered()).toEqual(['necessary', 'analytics']);
    texts = { tr: { categories: { video: { name: 'Video', description: 'Gömülü videolar.' } } } };
    expect(offered()).toEqual(['necessary', 'analytics', 'video']);
  });
});
