// Whether a script module is the one Node was started with (`node scripts/size.mjs`), not one imported by another
// (a test imports size.mjs for its functions). Compared as real paths: a checkout whose path has a space or a
// non-ASCII letter ("Çerez kopyası") is percent-encoded in `import.meta.url` but not in `process.argv[1]`, and one
// reached through a symlink is resolved in the first and not in the second.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isMain(moduleUrl) {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
