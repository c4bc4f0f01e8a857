// Types of packed.mjs, for the browser tests that build the examples against the packed package.
export declare const root: string;
/** Packs the package into `node_modules/.cache/<name>/`; its packed file list and where it is extracted. */
export declare function packInto(name: string): { work: string; files: string[]; target: string };
/** Type-checks `source` as `file` in `work`; the compiler's output, or `null` when it passes. */
export declare function typecheck(
  work: string,
  file: string,
  source: string,
  options?: Record<string, unknown>,
): string | null;
