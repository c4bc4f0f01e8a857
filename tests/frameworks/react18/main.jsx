// The README's React 18 recipe, as a site writes it: @lit/react's createComponent around the class. @lit/react sets
// the props as element properties after React has connected the element (in a layout effect).
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createComponent } from '@lit/react';
import { CookieConsentBanner } from 'cerez';
import 'cerez/define';

const CookieBanner = createComponent({
  react: React,
  tagName: 'cookie-consent-banner',
  elementClass: CookieConsentBanner,
  events: { onConsentChange: 'consent-change' },
});

// What the page's React code heard, for the test.
window.__react = { version: React.version, heard: [] };
const onConsentChange = (event) => window.__react.heard.push(event.detail);

// `?late`: a policy revision, Consent Mode, the categories and reload-on-withdraw, all as props.
const late = new URLSearchParams(location.search).has('late');

function App() {
  return late ? (
    <CookieBanner
      revision="2"
      consentMode
      categories="functional analytics marketing"
      reloadOnWithdraw
      onConsentChange={onConsentChange}
    />
  ) : (
    <CookieBanner policyUrl="/cerez-politikasi" consentMode launcher onConsentChange={onConsentChange} />
  );
}

createRoot(document.getElementById('root')).render(<App />);
