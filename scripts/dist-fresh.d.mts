// Types of dist-fresh.mjs, for the browser tests' global setup.
/** `null` when `root`'s dist/ is newer than every input it is built from; else what to do, naming the newer file. */
export declare function staleDist(root: string): string | null;
