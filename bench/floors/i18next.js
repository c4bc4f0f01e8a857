// i18next alone: an instance with the Turkish strings a first visit loads, and the banner's texts looked up
// once, as the first render does; written into the page as plain text.
import i18next from 'i18next';
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
const keys = ['heading', 'notice1', 'notice2', 'notice3', 'notice4', 'rejectAll', 'acceptAll', 'preferences', 'close'];
const text = document.createElement('p');
text.textContent = keys.map((key) => t(`banner.${key}`)).join(' ');
document.body.prepend(text);
