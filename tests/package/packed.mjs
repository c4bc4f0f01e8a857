// The packed package, as a site installs it: `npm pack` into a folder inside the project's node_modules (so the
// packed files find their dependencies and the consumers' framework types), extracted as node_modules/cerez there,
// and a type check of a consumer file beside it. Shared by the package tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Packs the package into `node_modules/.cache/<name>/`; its packed file list and where it is extracted. */
export function packInto(name) {
  const work = join(root, 'node_modules', '.cache', name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The consumer's own package.json: without one, the nearest is this project's, named `cerez`, and TypeScript and
  // the bundlers resolve `cerez` to this project itself (a package may import itself by name), not to the packed copy.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'cerez-consumer', private: true, type: 'module' }));
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const target = join(work, 'node_modules', 'cerez');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, info.filename), '-C', target, '--strip-components=1']);
  // TypeScript, as the consumer checks run it, finds the packed copy (Node itself does not look past node_modules).
  const { resolvedModule } = ts.resolveModuleName(
    'cerez',
    join(work, 'consumer.ts'),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    ts.sys,
  );
  const resolved = resolvedModule?.resolvedFileName ?? '';
  if (!resolved.startsWith(target + sep)) throw new Error(`cerez resolves to ${resolved} from ${work}, not ${target}`);
  return { work, files: info.files.map((f) => f.path), target };
}

/**
 * Type-checks `source` as `file` in `work` with strict settings (and `options` over them); the compiler's
 * output, or `null` when it passes.
 */
export function typecheck(work, file, source, options = {}) {
  writeFileSync(join(work, file), source);
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        ...options,
      },
      files: [file],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], { cwd: work, encoding: 'utf8' });
    return null;
  } catch (error) {
    return String(error.stdout ?? error);
  }
}
