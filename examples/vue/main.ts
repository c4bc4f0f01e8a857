// Vue 3 and the element, as the README shows: Vue's compiler is told the tag is a custom element (isCustomElement in
// vite.config.ts), `@consent-change` listens for the event, and a boolean setting is bound (`:consent-mode="true"`),
// since Vue sets a custom element's known props as properties.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
