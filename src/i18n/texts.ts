import { report } from '../internal/warn.js';
import { shippedCase } from './languages.js';

/** A tree of strings: the shape of a locale file, or any part of it. */
export interface TextTree {
  [key: string]: string | TextTree;
}

/** Site texts: for each language code, strings merged key by key over the built-in ones. */
export type Texts = Record<string, TextTree>;

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Keys that name prototype machinery: never copied, even though they would only become own keys. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;
const MAX_DEPTH = 4;
const MAX_STRING = 4000;

function cleanTree(value: unknown, depth: number, where: string): TextTree | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: TextTree = {};
  for (const key of Object.keys(value)) {
    if (!KEY.test(key) || RESERVED.has(key)) {
      report('textsBadKey', where, key.slice(0, 40));
      continue;
    }
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'string') {
      out[key] = item.slice(0, MAX_STRING);
    } else if (depth < MAX_DEPTH) {
      const tree = cleanTree(item, depth + 1, `${where}${key}.`);
      if (tree) out[key] = tree;
    } else {
      report('textsTooDeep', where, key);
    }
  }
  return out;
}

/**
 * Copies site texts, keeping only string leaves under safe keys (never `__proto__` and friends),
 * so that nothing a site passes can pollute prototypes or reach i18next unchecked.
 */
export function cleanTexts(value: unknown): Texts {
  const out: Texts = {};
  if (value == null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('textsNotObject');
    return out;
  }
  for (const language of Object.keys(value)) {
    const code = shippedCase(language);
    if (!LANGUAGE.test(code.toLowerCase())) {
      report('textsBadLanguage', language.slice(0, 20));
      continue;
    }
    const tree = cleanTree((value as Record<string, unknown>)[language], 1, `${code}.`);
    if (!tree) continue;
    const current = out[code];
    out[code] = current ? mergeTree(current, tree) : tree;
  }
  return out;
}

/** Whether the site gave a category a name and a description in at least one language. */
export function describesCategory(texts: Texts, id: string): boolean {
  return Object.values(texts).some((tree) => {
    const categories = tree['categories'];
    if (typeof categories !== 'object') return false;
    const entry = categories[id];
    return (
      typeof entry === 'object' &&
      typeof entry['name'] === 'string' &&
      entry['name'].trim() !== '' &&
      typeof entry['description'] === 'string' &&
      entry['description'].trim() !== ''
    );
  });
}

function mergeTree(base: TextTree, over: TextTree): TextTree {
  const out: TextTree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergeTree(current, value) : value;
  }
  return out;
}

/** Merges two sets of clean site texts key by key; `over` wins. */
export function mergeTexts(base: Texts, over: Texts): Texts {
  const out: Texts = { ...base };
  for (const [language, tree] of Object.entries(over)) {
    const current = out[language];
    out[language] = current ? mergeTree(current, tree) : tree;
  }
  return out;
}

/**
 * Reads site texts given in the page: `<script type="application/json">` children of the element
 * (those without `data-cookies`, which hold the cookie table),
 * merged in document order. Bad JSON is skipped with a warning.
 */
export function declarativeTexts(host: Element): Texts {
  let texts: Texts = {};
  for (const script of host.querySelectorAll(':scope > script[type="application/json"]:not([data-cookies])')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      report('textsBadJson');
      continue;
    }
    texts = mergeTexts(texts, cleanTexts(data));
  }
  return texts;
}
