// Vue's compiler is told that the tag is a custom element, so it leaves it to the browser.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'cookie-consent-banner' } } })],
});
