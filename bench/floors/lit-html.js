// lit-html alone: the banner's heading, the notice's four paragraphs and two buttons, rendered once into a shadow
// root, with the notice's Turkish text.
import { html, render } from 'lit-html';
import tr from '../../locales/tr.json';

const host = document.createElement('div');
// The benchmark times this floor's notice as it times a banner: visible in the first frame that shows it.
host.dataset.floorBanner = '';
document.body.prepend(host);
const { banner } = tr;
const notice = [banner.notice1, banner.notice2, banner.notice3, banner.notice4];
render(
  html`<section role="region" aria-label=${banner.heading}>
    <h2>${banner.heading}</h2>
    ${notice.map((text) => html`<p>${text}</p>`)}
    <button type="button" @click=${() => undefined}>${banner.rejectAll}</button>
    <button type="button" @click=${() => undefined}>${banner.acceptAll}</button>
  </section>`,
  host.attachShadow({ mode: 'open' }),
);
