// The host pages of the benchmark: one news article, with no banner or with one of the three banners,
// each configured with the same Turkish notice (locales/tr.json banner.notice1..4) and the same categories.
import { readFileSync } from 'node:fs';

const tr = JSON.parse(readFileSync(new URL('../locales/tr.json', import.meta.url), 'utf8'));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Çerez is served as a CDN would serve it: its entry under an aliased URL with a query string, in a folder
 * that also holds the build's `chunks/` (and every dist/ file under its own name), so that the chunks resolve
 * relative to the alias. A chunk that imported the entry back by its file name would load it a second time.
 */
export const CEREZ_FOLDER = `/npm/cerez@${version}/dist/x/`;
export const CEREZ_ENTRY = `${CEREZ_FOLDER}index.js?v=3`;

/** The notice, word for word, as four paragraphs. */
export const NOTICE = [tr.banner.notice1, tr.banner.notice2, tr.banner.notice3, tr.banner.notice4];
/** The optional categories every banner offers, besides `necessary`. */
export const CATEGORIES = ['functional', 'analytics', 'marketing'];
export const POLICY_URL = '/cerez-politikasi';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON that is safe inside an inline <script>. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

const ARTICLE = [
  'İstanbul’da bu sabah saatlerinde başlayan yağmur, öğleden sonra yerini güneşli bir havaya bıraktı. Meteoroloji yetkilileri, hafta sonuna kadar sıcaklıkların mevsim normallerinin biraz üzerinde seyredeceğini açıkladı.',
  'Kent genelinde toplu taşıma seferleri aksamadan sürdü. Belediyenin paylaştığı verilere göre metro hatlarında yolcu sayısı, geçen haftanın aynı gününe göre yüzde sekiz arttı; vapur seferlerine ise ek sefer konmadı.',
  'Sahil kesiminde yürüyüş yapan vatandaşlar, güneşin çıkmasıyla birlikte parklara yöneldi. Kadıköy ve Beşiktaş’ta açık hava kafeleri öğle saatlerinden itibaren doldu, sokak müzisyenleri meydanlarda yeniden sahne aldı.',
  'Uzmanlar, ani hava değişimlerinin özellikle yaşlılar ve kronik rahatsızlığı olanlar için risk taşıyabileceğini hatırlatarak, gün içinde katmanlı giyinilmesini ve bol su tüketilmesini öneriyor.',
  'Tarım çevreleri ise mevsimin ilk yağışlarını sevinçle karşıladı. Trakya’daki üreticiler, toprağın nem oranının ekim öncesinde istenen düzeye yaklaştığını, ancak düzenli yağışın sürmesi gerektiğini belirtti.',
  'Meteoroloji, önümüzdeki hafta başında kuzeyden gelecek serin hava dalgasıyla sıcaklıkların birkaç derece düşmesini bekliyor. Vatandaşların güncel uyarıları resmi kanallardan takip etmesi tavsiye ediliyor.',
];

/** The same host page for every variant; `head` goes before `</head>`, `bodyStart` first in `<body>`, `bodyEnd` last. */
function hostPage({ title = 'Haber', head = '', bodyStart = '', bodyEnd = '' } = {}) {
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Yağmurun ardından güneş</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 17px/1.6 system-ui, sans-serif; color: #1d1d1f; background: #fafafa; }
  header, main, footer { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
  header { border-bottom: 1px solid #ddd; padding-block: 1rem; }
  header strong { font-size: 1.25rem; letter-spacing: .02em; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 2rem 0 .5rem; }
  .meta { color: #666; font-size: .9rem; margin-bottom: 1.5rem; }
  footer { color: #666; font-size: .85rem; padding-block: 2rem; }
</style>
${head}
</head>
<body>
${bodyStart}
<header><strong>Günün Haberleri</strong></header>
<main>
<article>
<h1>Yağmurun ardından güneş: İstanbul’da hafta sonu ılık geçecek</h1>
<p class="meta">Haber Merkezi · 29 Kasım</p>
${ARTICLE.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</main>
<footer><a href="${POLICY_URL}">Çerez politikası</a></footer>
${bodyEnd}
</body>
</html>
`;
}

const categoryText = (id) => tr.categories[id];

/** vanilla-cookieconsent v3: its documented setup (CSS in <head>, an ES module that calls run()). */
function vanillaConfig() {
  const sections = [
    { title: tr.preferences.heading, description: tr.preferences.intro },
    ...['necessary', ...CATEGORIES].map((id) => ({
      title: categoryText(id).name,
      description: categoryText(id).description,
      linkedCategory: id,
    })),
  ];
  return {
    // Its default hides the banner from bots, and a browser driven over CDP sets navigator.webdriver.
    hideFromBots: false,
    categories: {
      necessary: { enabled: true, readOnly: true },
      functional: {},
      analytics: {},
      marketing: {},
    },
    language: {
      default: 'tr',
      translations: {
        tr: {
          consentModal: {
            title: tr.banner.heading,
            description: NOTICE.map(escapeHtml).join('<br><br>'),
            acceptAllBtn: tr.banner.acceptAll,
            acceptNecessaryBtn: tr.banner.rejectAll,
            showPreferencesBtn: tr.banner.preferences,
            closeIconLabel: tr.banner.close,
            footer: `<a href="${POLICY_URL}">${escapeHtml(tr.banner.policyLink)}</a>`,
          },
          preferencesModal: {
            title: tr.preferences.heading,
            acceptAllBtn: tr.banner.acceptAll,
            acceptNecessaryBtn: tr.banner.rejectAll,
            savePreferencesBtn: tr.preferences.save,
            closeIconLabel: tr.preferences.close,
            sections,
          },
        },
      },
    },
  };
}

/** Orejime 3: its standard theme (CSS in <head>), the config in window.orejimeConfig, the script deferred. */
function orejimeConfig() {
  return {
    privacyPolicyUrl: POLICY_URL,
    purposes: [
      {
        id: 'necessary',
        title: categoryText('necessary').name,
        description: categoryText('necessary').description,
        cookies: [],
        isMandatory: true,
      },
      ...CATEGORIES.map((id) => ({
        id,
        title: categoryText(id).name,
        description: categoryText(id).description,
        cookies: [],
      })),
    ],
    translations: {
      banner: {
        title: tr.banner.heading,
        description: `${NOTICE.join('\n')}\n{privacyPolicy}`,
        privacyPolicyLabel: tr.banner.policyLink,
        accept: tr.banner.acceptAll,
        acceptTitle: tr.banner.acceptAll,
        decline: tr.banner.rejectAll,
        declineTitle: tr.banner.rejectAll,
        configure: tr.banner.preferences,
        configureTitle: tr.banner.preferences,
      },
      modal: {
        title: tr.preferences.heading,
        description: `${tr.preferences.intro}\n{privacyPolicy}`,
        privacyPolicyLabel: tr.banner.policyLink,
        close: tr.preferences.close,
        closeTitle: tr.preferences.close,
        globalPreferences: tr.preferences.heading,
        acceptAll: tr.banner.acceptAll,
        declineAll: tr.banner.rejectAll,
        save: tr.preferences.save,
        saveTitle: tr.preferences.save,
      },
      purpose: {
        mandatory: tr.preferences.alwaysOn,
        mandatoryTitle: tr.preferences.alwaysOn,
      },
    },
  };
}

/** Every library the benchmark compares, with what the runner needs to know about each. */
export const LIBRARIES = {
  none: {
    label: 'none',
    html: hostPage({ title: 'none' }),
  },
  cerez: {
    label: 'Çerez',
    cookieName: 'cookie_consent',
    /** A CSS selector Playwright uses for the priming click (it pierces open shadow roots). */
    acceptSelector: 'cookie-consent-banner >> [part="accept-button"]',
    html: hostPage({
      title: 'Çerez',
      head: `<script type="module" src="${CEREZ_ENTRY}"></script>`,
      bodyStart: `<cookie-consent-banner lang="tr" policy-url="${POLICY_URL}"></cookie-consent-banner>`,
    }),
  },
  vanilla: {
    label: 'vanilla-cookieconsent',
    cookieName: 'cc_cookie',
    acceptSelector: '#cc-main .cm [data-role="all"]',
    html: hostPage({
      title: 'vanilla-cookieconsent',
      head: '<link rel="stylesheet" href="/vendor/vanilla-cookieconsent/cookieconsent.css">',
      bodyEnd: `<script type="module">
import * as CookieConsent from '/vendor/vanilla-cookieconsent/cookieconsent.esm.js';
CookieConsent.run(${scriptJson(vanillaConfig())});
</script>`,
    }),
  },
  orejime: {
    label: 'Orejime',
    cookieName: 'eu-consent',
    acceptSelector: '.orejime-Banner-saveButton',
    html: hostPage({
      title: 'Orejime',
      head: `<link rel="stylesheet" href="/vendor/orejime/orejime-standard.css">
<script>window.orejimeConfig = ${scriptJson(orejimeConfig())};</script>
<script defer src="/vendor/orejime/orejime-standard-en.js"></script>`,
    }),
  },
};

export const POLICY_PAGE = hostPage({ title: 'Çerez politikası' });

/**
 * Çerez as a site that uses its signals and gate configures it: Consent Mode with its options, the other vendors'
 * signals, a `data-consent-open` link and gated tags of two categories (inline, so they need no server). Only for
 * the returning visit's coverage, beside the plain page: what such a site runs of the entry. Not measured.
 */
export const CEREZ_CONFIGURED = hostPage({
  title: 'Çerez, configured',
  head: `<script type="module" src="${CEREZ_ENTRY}"></script>`,
  bodyStart: `<cookie-consent-banner lang="tr" policy-url="${POLICY_URL}" consent-mode url-passthrough
  consent-signals="microsoft clarity meta"></cookie-consent-banner>`,
  bodyEnd: `<p><a href="#cookies" data-consent-open>Çerez ayarları</a></p>
<script type="text/plain" data-consent-category="analytics">window.__analytics = true;</script>
<script type="text/plain" data-consent-category="marketing">window.__marketing = true;</script>`,
});
