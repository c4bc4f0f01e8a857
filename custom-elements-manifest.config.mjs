// @custom-elements-manifest/analyzer: custom-elements.json from the element's JSDoc (the public contract).
export default {
  globs: ['src/cookie-consent-banner.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dev: false,
  // package.json names the manifest itself; the analyzer must not rewrite it (the docs test analyzes into a cache folder).
  packagejson: false,
};
