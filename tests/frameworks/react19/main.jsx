// React 19 and the element itself, as the README shows: React sets a prop the element has as a property, any other
// as an attribute, and `on` + an event name listens for that event.
import { version } from 'react';
import { createRoot } from 'react-dom/client';
import 'cerez/define';

// What the page's React code heard, for the test.
window.__react = { version, heard: [] };
const onConsentChange = (event) => window.__react.heard.push(event.detail);

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
    <cookie-consent-banner policy-url="/cerez-politikasi" consentMode launcher onconsent-change={onConsentChange} />
  );
}

createRoot(document.getElementById('root')).render(<App />);
