// The fixed stack alone, doing the least a first visit does: i18next with the Turkish strings a first visit loads,
// lit-html rendering the notice and two buttons into a shadow root, and js-cookie storing a click's choice.
import i18next from 'i18next';
import Cookies from 'js-cookie';
import { html, render } from 'lit-html';
import tr from '../../locales/tr.json';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: { tr: { translation: tr } },
  lng: 'tr',
  fallbackLng: 'tr',
  interpolation: { escapeValue: false },
});
const t = instance.getFixedT('tr');
const host = document.createElement('div');
// The benchmark times this floor's notice as it times a banner: visible in the first frame that shows it.
host.dataset.floorBanner = '';
document.body.prepend(host);
const store = (all) => Cookies.set('floor_consent', JSON.stringify({ c: all ? 1 : 0 }), { expires: 182 });
render(
  html`<section role="region" aria-label=${t('banner.heading')}>
    <h2>${t('banner.heading')}</h2>
    ${['notice1', 'notice2', 'notice3', 'notice4'].map((key) => html`<p>${t(`banner.${key}`)}</p>`)}
    <button type="button" @click=${() => store(false)}>${t('banner.rejectAll')}</button>
    <button type="button" @click=${() => store(true)}>${t('banner.acceptAll')}</button>
  </section>`,
  host.attachShadow({ mode: 'open' }),
);
