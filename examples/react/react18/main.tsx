// React 18 and @lit/react: createComponent wraps the element's class in a React component whose props are the
// element's properties (typed from the class), and `events` maps a prop to an event. @lit/react sets the props as
// element properties after React has connected the element (in a layout effect).
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createComponent, type EventName } from '@lit/react';
import { CookieConsentBanner, type ConsentChangeEvent } from 'cerez';
import 'cerez/define';

const CookieBanner = createComponent({
  react: React,
  tagName: 'cookie-consent-banner',
  elementClass: CookieConsentBanner,
  // Typed, so that the handler's event has the element's `detail`.
  events: { onConsentChange: 'consent-change' as EventName<ConsentChangeEvent> },
});

// What the page's React code heard, for the browser test.
const heard: ConsentChangeEvent['detail'][] = [];
(window as unknown as { __react: unknown }).__react = { version: React.version, heard };
const onConsentChange = (event: ConsentChangeEvent) => heard.push(event.detail);

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
    <CookieBanner
      policyUrl="/cerez-politikasi"
      position="bottom"
      consentMode
      launcher
      onConsentChange={onConsentChange}
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);
