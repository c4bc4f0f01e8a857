// The element's JSX types for React 19: <cookie-consent-banner> with its attributes, properties and events.
import type { CustomElements } from 'cerez/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
