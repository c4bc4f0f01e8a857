// React 19 and the element itself: React sets a prop the element has as a property (`consentMode`, `revision`), any
// other as an attribute (`policy-url`), and `on` + an event name listens for that event. The types come from
// `cerez/jsx` (cerez-jsx.d.ts), so a wrong attribute value or `detail` field is a type error.
import { version } from 'react';
import { createRoot } from 'react-dom/client';
import 'cerez/define';
import type { ConsentChangeDetail } from 'cerez';

// What the page's React code heard, for the browser test.
const heard: ConsentChangeDetail[] = [];
(window as unknown as { __react: unknown }).__react = { version, heard };
const onConsentChange = (event: CustomEvent<ConsentChangeDetail>) => heard.push(event.detail);

// `?late`: a policy revision, Consent Mode, the categories and reload-on-withdraw, all as props.
const late = new URLSearchParams(location.search).has('late');

function App() {
  return late ? (
    <cookie-consent-banner
      revision="2"
      consentMode
      categories="functional analytics marketing"
      reloadOnWithdraw
      onconsent-change={onConsentChange}
    />
  ) : (
    <cookie-consent-banner
      policy-url="/cerez-politikasi"
      position="bottom"
      consentMode
      launcher
      onconsent-change={onConsentChange}
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);
