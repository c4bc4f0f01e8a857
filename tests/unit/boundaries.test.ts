// The folder boundaries are lint rules (eslint.config.js), so breaking one fails `npm test`. These tests lint
// small probes as if they were files in each folder and check that the rule fires, and that allowed imports pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['src/consent/probe.ts', "import { CookieConsentBanner } from '../cookie-consent-banner.js';"],
    ['src/consent/probe.ts', "import { pickLanguage } from '../i18n/languages.js';"],
    ['src/consent/probe.ts', "import { render } from '../view/banner-view.js';"],
    ['src/consent/probe.ts', "import { html } from 'lit-html';"],
    ['src/consent/probe.ts', "import { ReactiveElement } from '@lit/reactive-element';"],
    ['src/consent/probe.ts', "import i18next from 'i18next';"],
    ['src/i18n/probe.ts', "import { NECESSARY } from '../consent/categories.js';"],
    ['src/i18n/probe.ts', "import { CookieConsentBanner } from '../cookie-consent-banner.js';"],
    ['src/i18n/probe.ts', "import { html } from 'lit-html';"],
    ['src/internal/probe.ts', "import { NECESSARY } from '../consent/categories.js';"],
    ['src/view/probe.ts', "import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';"],
    ['src/probe.ts', "import { LitElement } from 'lit';"],
    ['src/cookie-consent-banner.ts', "import { createUi } from './ui/banner-ui.js';"],
    ['src/cookie-consent-banner.ts', "import { ReactiveElement } from '@lit/reactive-element';"],
    ['src/cookie-consent-banner.ts', "import Cookies from 'js-cookie';"],
    ['src/cookie-consent-banner.ts', "import { ConsentWriter } from './consent/writer.js';"],
    ['src/ui/probe.ts', "import { CookieConsentBanner } from '../cookie-consent-banner.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/consent/probe.ts', "import { warn } from '../internal/warn.js';"],
    ['src/consent/probe.ts', "import { NECESSARY } from './categories.js';"],
    ['src/i18n/probe.ts', "import { warn } from '../internal/warn.js';"],
    ['src/probe.ts', "import { NECESSARY } from './consent/categories.js';"],
    ['src/cookie-consent-banner.ts', "import type { BannerUi } from './ui/banner-ui.js';"],
    ['src/ui/probe.ts', "import { ConsentWriter } from '../consent/writer.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
