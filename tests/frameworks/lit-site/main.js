// A site that renders with its own lit-html and takes the banner from the npm build: one lit-html, one Trusted
// Types policy named lit-html, shared by both.
import { html, render } from 'lit-html';
import 'cerez/define';

render(
  html`<h1>Bir lit sitesi</h1>
    <p id="site-rendered">${'Sitenin kendi şablonu'}</p>`,
  document.getElementById('app'),
);
