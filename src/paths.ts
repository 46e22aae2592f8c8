// Where the package's own files are, whether run from src (tests) or dist.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dictionaries'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('dyad: cannot find the package root (package.json + dictionaries/)');
}

/** The package root (holds package.json, dictionaries/, build/). */
export const PACKAGE_ROOT = findRoot();
/** Built-in dictionaries. */
export const DICTIONARIES = join(PACKAGE_ROOT, 'dictionaries');
/** Files generated at build time (compact gazetteer, ...). */
export const BUILD_DIR = join(PACKAGE_ROOT, 'build');
/** The shared evaluation data (../shared next to the repository), overridable with DYAD_SHARED. */
export const SHARED_DIR = resolve(process.env.DYAD_SHARED ?? join(PACKAGE_ROOT, '..', 'shared'));
