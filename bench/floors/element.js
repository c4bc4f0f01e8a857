// The least a web component's returning visit does: define the element with its observed attributes, read the
// cookie, tell the page (a `consent-ready` CustomEvent) and look for gated tags. No library, no shadow root.
customElements.define(
  'floor-element',
  class extends HTMLElement {
    static observedAttributes = ['lang', 'open', 'categories', 'cookie-name'];
    connectedCallback() {
      const stored = document.cookie.split('; ').find((c) => c.startsWith('cookie_consent='));
      this.dispatchEvent(new CustomEvent('consent-ready', { bubbles: true, composed: true, detail: { stored } }));
      document.querySelectorAll('script[type="text/plain"][data-consent]');
    }
  },
);
document.body.prepend(document.createElement('floor-element'));
