import { fileURLToPath } from 'node:url';
import { staleDist } from '../../scripts/dist-fresh.mjs';

/** Stops the run before any test when dist/ is missing or older than its sources: the tests load dist/. */
export default function globalSetup(): void {
  const problem = staleDist(fileURLToPath(new URL('../..', import.meta.url)));
  if (problem) throw new Error(`browser tests: ${problem}`);
}
