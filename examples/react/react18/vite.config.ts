// JSX through React's automatic runtime (`react/jsx-runtime`, from this folder's React). A React site usually has
// @vitejs/plugin-react here instead, which does the same and adds Fast Refresh; the element needs neither.
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
